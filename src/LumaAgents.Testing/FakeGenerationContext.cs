using System.Text.Json.Nodes;

namespace LumaAgents.Testing;

/// <summary>What <see cref="FakeLumaServerOptions.OutcomeSelector"/> knows about a generation being created.</summary>
public sealed class FakeGenerationContext
{
    internal FakeGenerationContext(JsonObject requestBody, string? prompt, string model, string type, int sequenceNumber, string apiKey, string requestId, DateTimeOffset createdAt, FakeOutcome defaultOutcome)
    {
        RequestBody = requestBody;
        Prompt = prompt;
        Model = model;
        Type = type;
        SequenceNumber = sequenceNumber;
        ApiKey = apiKey;
        RequestId = requestId;
        CreatedAt = createdAt;
        DefaultOutcome = defaultOutcome;
    }

    /// <summary>The parsed request body (already validated); treat it as read-only.</summary>
    public JsonObject RequestBody { get; }

    /// <summary>The prompt, if any.</summary>
    public string? Prompt { get; }

    /// <summary>The model, after defaults (<c>uni-1</c>, or <c>ray-3.2</c> for video types).</summary>
    public string Model { get; }

    /// <summary>The type, after defaults (<c>image</c>).</summary>
    public string Type { get; }

    /// <summary>1 for the first generation this server creates, 2 for the second, and so on.</summary>
    public int SequenceNumber { get; }

    /// <summary>The API key of the request.</summary>
    public string ApiKey { get; }

    /// <summary>The <c>X-Request-Id</c> the server answers with.</summary>
    public string RequestId { get; }

    /// <summary>The generation's <c>created_at</c>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The outcome without a selector: completed, or failed when the prompt contains <c>[fail:code]</c>.</summary>
    public FakeOutcome DefaultOutcome { get; }
}
