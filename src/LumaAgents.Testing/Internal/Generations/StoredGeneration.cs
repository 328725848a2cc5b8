namespace LumaAgents.Testing.Internal;

/// <summary>A generation as the server keeps it; its state is a pure function of the clock, so no timers run.</summary>
internal sealed class StoredGeneration
{
    /// <summary>The real API frees a concurrency slot after an hour even if a job never finishes.</summary>
    public static readonly TimeSpan MaximumSlotHold = TimeSpan.FromHours(1);

    private readonly FakeStateStep[] _steps;

    public StoredGeneration(string id, DateTimeOffset createdAt, string model, string type, string? prompt, FakeOutcome outcome, IReadOnlyList<FakeStateStep> steps, string? requestBody, string? apiKey, string? requestId, int sequenceNumber)
    {
        Id = id;
        CreatedAt = createdAt;
        Model = model;
        Type = type;
        Prompt = prompt;
        Outcome = outcome;
        _steps = [.. steps];
        RequestBody = requestBody;
        ApiKey = apiKey;
        RequestId = requestId;
        SequenceNumber = sequenceNumber;

        string final = _steps[^1].State;
        if (final is "completed" or "failed")
        {
            TimeSpan beforeFinal = TimeSpan.Zero;
            for (int i = 0; i < _steps.Length - 1; i++)
            {
                beforeFinal += _steps[i].Duration;
            }

            FinishedAt = createdAt + beforeFinal;
        }
    }

    public string Id { get; }

    /// <summary>The request's <c>aspect_ratio</c>, which shapes the output images; <see langword="null"/> for square.</summary>
    public string? AspectRatio { get; init; }

    public DateTimeOffset CreatedAt { get; }

    public string Model { get; }

    public string Type { get; }

    public string? Prompt { get; }

    public FakeOutcome Outcome { get; }

    public string? RequestBody { get; }

    public string? ApiKey { get; }

    public string? RequestId { get; }

    public int SequenceNumber { get; }

    public bool IsSeeded => SequenceNumber == 0;

    public DateTimeOffset? FinishedAt { get; }

    public DateTimeOffset SlotReleasedAt => FinishedAt is { } finished && finished < CreatedAt + MaximumSlotHold ? finished : CreatedAt + MaximumSlotHold;

    public string InitialState => _steps[0].State;

    public bool IsVideo => Type is "video" or "video_edit" or "video_reframe";

    public int OutputCount => Type == "layering" ? LayeringOutputs : 1;

    private const int LayeringOutputs = 3;

    public string StateAt(DateTimeOffset now)
    {
        TimeSpan elapsed = now - CreatedAt;
        TimeSpan end = TimeSpan.Zero;
        for (int i = 0; i < _steps.Length - 1; i++)
        {
            end += _steps[i].Duration;
            if (elapsed < end)
            {
                return _steps[i].State;
            }
        }

        return _steps[^1].State;
    }

    public FakeGeneration Snapshot(DateTimeOffset now)
    {
        string state = StateAt(now);
        bool failed = state == "failed";
        return new FakeGeneration(Id, CreatedAt, Model, Type, Prompt, state, failed ? Outcome.FailureCode : null, failed ? Outcome.FailureReason : null, FinishedAt, Outcome, RequestBody, ApiKey, RequestId, SequenceNumber, IsSeeded);
    }
}
