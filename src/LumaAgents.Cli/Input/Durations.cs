using System.Globalization;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli.Input;

/// <summary>Durations on the command line: <c>90</c> (seconds), <c>500ms</c>, <c>2s</c>, <c>1.5m</c>, <c>1h</c>; <c>none</c> for no limit where allowed.</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text, string flagName, bool allowInfinite = false)
    {
        var value = text.Trim().ToLowerInvariant();
        if (allowInfinite && value is "none" or "infinite" or "never")
        {
            return Timeout.InfiniteTimeSpan;
        }

        var (number, scale) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.Ordinal) => (value[..^2], 0.001),
            _ when value.EndsWith('s') => (value[..^1], 1.0),
            _ when value.EndsWith('m') => (value[..^1], 60.0),
            _ when value.EndsWith('h') => (value[..^1], 3600.0),
            _ => (value, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount) || amount < 0 || amount * scale > TimeSpan.FromDays(1).TotalSeconds)
        {
            throw new CliException(
                $"{flagName}: '{text}' is not a duration.",
                "write seconds (90) or a number with ms, s, m or h (500ms, 2s, 1.5m)" + (allowInfinite ? "; 'none' waits without limit" : string.Empty));
        }

        return TimeSpan.FromSeconds(amount * scale);
    }

    /// <summary>A duration as the flags take it: <c>500ms</c>, <c>2s</c>, <c>1m</c>.</summary>
    public static string Format(TimeSpan duration)
        => duration.TotalSeconds < 1 ? duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms"
            : duration.TotalSeconds < 60 || duration.TotalSeconds % 60 != 0 ? duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s"
            : (duration.TotalSeconds / 60).ToString("0.###", CultureInfo.InvariantCulture) + "m";
}
