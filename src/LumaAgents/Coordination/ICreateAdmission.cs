namespace LumaAgents;

/// <summary>A create's place in the requests-per-minute window, from <see cref="ILumaCoordinator.AdmitCreateAsync"/>.</summary>
public interface ICreateAdmission
{
    /// <summary>How long the admission was held before it was granted (zero when it was not).</summary>
    TimeSpan Waited { get; }

    /// <summary>Records how the create went (its status and rate-limit headers) and releases the reservation. Called once.</summary>
    /// <param name="outcome">What the response said; <see cref="CreateOutcome.StatusCode"/> is null when none arrived.</param>
    /// <returns>A task that completes when the outcome has been recorded.</returns>
    /// <param name="cancellationToken">Cancels the bookkeeping (never the create itself).</param>
    ValueTask CompleteAsync(CreateOutcome outcome, CancellationToken cancellationToken = default);
}
