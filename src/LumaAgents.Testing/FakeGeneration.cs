namespace LumaAgents.Testing;

/// <summary>A snapshot of a generation the server holds, taken at the server's current time.</summary>
public sealed class FakeGeneration
{
    internal FakeGeneration(string id, DateTimeOffset createdAt, string model, string type, string? prompt, string state, string? failureCode, string? failureReason, DateTimeOffset? finishedAt, FakeOutcome outcome, string? requestBody, string? apiKey, string? requestId, int sequenceNumber, bool isSeeded)
    {
        Id = id;
        CreatedAt = createdAt;
        Model = model;
        Type = type;
        Prompt = prompt;
        State = state;
        FailureCode = failureCode;
        FailureReason = failureReason;
        FinishedAt = finishedAt;
        Outcome = outcome;
        RequestBody = requestBody;
        ApiKey = apiKey;
        RequestId = requestId;
        SequenceNumber = sequenceNumber;
        IsSeeded = isSeeded;
    }

    /// <summary>The generation id (a lowercase UUID).</summary>
    public string Id { get; }

    /// <summary>The <c>created_at</c> reported by the API.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The model.</summary>
    public string Model { get; }

    /// <summary>The type.</summary>
    public string Type { get; }

    /// <summary>The prompt, if any.</summary>
    public string? Prompt { get; }

    /// <summary>The state at the time of the snapshot.</summary>
    public string State { get; }

    /// <summary>The failure code, once the state is <c>failed</c>.</summary>
    public string? FailureCode { get; }

    /// <summary>The failure reason, once the state is <c>failed</c>.</summary>
    public string? FailureReason { get; }

    /// <summary>When the generation becomes (or became) terminal, or <see langword="null"/> if it never does.</summary>
    public DateTimeOffset? FinishedAt { get; }

    /// <summary>Whether the state was terminal (<c>completed</c> or <c>failed</c>) at the time of the snapshot.</summary>
    public bool IsTerminal => State is "completed" or "failed";

    /// <summary>The outcome the generation follows.</summary>
    public FakeOutcome Outcome { get; }

    /// <summary>The raw body of the POST that created it; <see langword="null"/> for a seeded generation.</summary>
    public string? RequestBody { get; }

    /// <summary>The API key that created it; <see langword="null"/> for a seeded generation.</summary>
    public string? ApiKey { get; }

    /// <summary>The <c>X-Request-Id</c> of the POST that created it; <see langword="null"/> for a seeded generation.</summary>
    public string? RequestId { get; }

    /// <summary>The creation order (1, 2, …) among generations created by POST; 0 for a seeded generation.</summary>
    public int SequenceNumber { get; }

    /// <summary>Whether the generation was put there by <see cref="FakeLumaServer.SeedGeneration"/>.</summary>
    public bool IsSeeded { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Type} {State}";
}
