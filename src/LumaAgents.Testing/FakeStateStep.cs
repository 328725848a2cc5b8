namespace LumaAgents.Testing;

/// <summary>One step of a custom state sequence: the generation reports <see cref="State"/> for <see cref="Duration"/>.</summary>
public readonly record struct FakeStateStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="state">The state reported during the step, known (<c>queued</c>) or not (<c>pending</c>).</param>
    /// <param name="duration">How long the step lasts; ignored for the last step of a sequence, which lasts forever.</param>
    public FakeStateStep(string state, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        State = state;
        Duration = duration;
    }

    /// <summary>The state reported during the step.</summary>
    public string State { get; }

    /// <summary>How long the step lasts.</summary>
    public TimeSpan Duration { get; }
}
