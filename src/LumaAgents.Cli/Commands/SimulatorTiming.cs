using System.Globalization;
using System.Net.Http.Headers;
using LumaAgents.Testing;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// Waiting against <c>luma simulator</c> must not cost the real API's delays (a first poll 20 s after creation).
/// The simulator sends <see cref="FakeLumaServer.ReadyInHeader"/> on every generation it returns: the seconds until
/// the generation is terminal on its clock. When a response carries it, the first poll is at that moment and later
/// polls are <see cref="WaitOptions.MinPollInterval"/> apart; <c>--initial-delay</c> and <c>--poll-interval</c> still
/// win. The real API never sends the header, so nothing changes there.
/// </summary>
internal static class SimulatorTiming
{
    /// <summary>The simulator's "terminal in N seconds", or null from any other server.</summary>
    public static TimeSpan? ReadyIn(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues(FakeLumaServer.ReadyInHeader, out var values))
        {
            return null;
        }

        var text = values.FirstOrDefault();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(1).TotalSeconds))
            : null;
    }

    /// <summary>The wait options for a generation the simulator will finish <paramref name="readyIn"/> from now.</summary>
    /// <param name="given">What the flags set (unset members are null).</param>
    /// <param name="readyIn">The header's value.</param>
    /// <param name="sinceCreated">How long ago the generation was created (the first poll is counted from then).</param>
    public static WaitOptions Adapt(WaitOptions given, TimeSpan? readyIn, TimeSpan sinceCreated)
        => readyIn is not { } ready
            ? given
            : given with
            {
                InitialDelay = given.InitialDelay ?? (sinceCreated > TimeSpan.Zero ? sinceCreated : TimeSpan.Zero) + ready,
                PollInterval = given.PollInterval ?? WaitOptions.MinPollInterval,
            };
}
