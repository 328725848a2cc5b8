using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LumaAgents.Testing.Internal;

/// <summary><c>POST /v1/generations</c>: parse, validate, admit (rate limits), choose the outcome, store, answer 201.</summary>
internal sealed partial class CreateGenerationHandler(SimulatorState state, FakeLumaServerOptions options, CreateAdmission admission) : IRouteHandler
{
    private readonly RequestValidator _validator = new(id => state.Generations.Find(id) is not null);
    private readonly Func<FakeGenerationContext, FakeOutcome?>? _outcomeSelector = options.OutcomeSelector;
    private readonly TimeSpan _queuedFor = options.QueuedFor;
    private readonly TimeSpan _processingFor = options.ProcessingFor;

    public ValueTask<SimulatedResponse> HandleAsync(RouteRequest request) => ValueTask.FromResult(Handle(request.Body!, request.ApiKey, request.Record));

    /// <summary>Tells a client that knows the simulator when the job will be done, so it need not wait the real API's delays.</summary>
    public static void AddReadyIn(List<KeyValuePair<string, string>> headers, StoredGeneration generation, DateTimeOffset now)
    {
        if (generation.FinishedAt is { } finished)
        {
            double seconds = Math.Max(0, (finished - now).TotalSeconds);
            headers.Add(new(FakeLumaServer.ReadyInHeader, seconds.ToString("0.###", CultureInfo.InvariantCulture)));
        }
    }

    private SimulatedResponse Handle(byte[] body, string apiKey, RecordedRequest record)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return SimulatedResponse.Detail(400, FakeLumaServerDetails.InvalidJson);
        }

        if (parsed is not JsonObject request)
        {
            return SimulatedResponse.Detail(400, FakeLumaServerDetails.BodyNotAnObject);
        }

        ValidationOutcome validation = _validator.Validate(request);

        // File references need the caller's key, which the validator does not know; theirs are 400s like its own.
        List<string> fileProblems = FileReferences.Check(request, state.Files, apiKey, state.Time.GetUtcNow());
        if (fileProblems.Count > 0)
        {
            string files = string.Join("; ", fileProblems);
            return SimulatedResponse.Detail(400, validation is { IsValid: false, Status: 400 } ? $"{validation.Detail}; {files}" : files);
        }

        if (!validation.IsValid)
        {
            return SimulatedResponse.Detail(validation.Status, validation.Detail!);
        }

        CreateAdmission.Admission admitted = admission.Admit(state.Time, (sequence, now) =>
        {
            FakeOutcome outcome;
            try
            {
                FakeOutcome defaultOutcome = OutcomeFromPrompt(validation.Prompt);
                outcome = _outcomeSelector?.Invoke(new FakeGenerationContext(request, validation.Prompt, validation.Model, validation.Type, sequence, apiKey, record.RequestId, now, defaultOutcome)) ?? defaultOutcome;
            }
            catch (Exception exception)
            {
                // Surface a broken selector to the test author instead of an empty 500.
                return new CreateAdmission.Admitted(null, SimulatedResponse.Detail(500, $"FakeLumaServer: the OutcomeSelector threw {exception.GetType().Name}: {exception.Message}"));
            }

            string id = Guid.NewGuid().ToString("D");
            var generation = new StoredGeneration(id, now, validation.Model, validation.Type, validation.Prompt, outcome, outcome.ResolveSteps(_queuedFor, _processingFor), record.Body, apiKey, record.RequestId, sequence)
            {
                AspectRatio = request["aspect_ratio"] is JsonValue ratio && ratio.GetValueKind() == JsonValueKind.String ? ratio.GetValue<string>() : null,
            };
            state.Generations.Add(generation);
            record.SetGenerationId(id);
            return new CreateAdmission.Admitted(generation, null);
        });

        if (admitted.Refusal is { } refusal)
        {
            return refusal;
        }

        StoredGeneration created = admitted.Generation!;
        List<KeyValuePair<string, string>> headers = admitted.Headers;
        AddReadyIn(headers, created, state.Time.GetUtcNow());
        return SimulatedResponse.Json(201, JsonBodies.Generation(created, created.InitialState, mintUrl: null), headers);
    }

    private static FakeOutcome OutcomeFromPrompt(string? prompt) =>
        prompt is not null && prompt.Contains("[fail:", StringComparison.Ordinal) && FailMarker().Match(prompt) is { Success: true } match
            ? FakeOutcome.Failed(match.Groups[1].Value)
            : FakeOutcome.Completed();

    [GeneratedRegex(@"\[fail:([A-Za-z0-9_.\-]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex FailMarker();
}
