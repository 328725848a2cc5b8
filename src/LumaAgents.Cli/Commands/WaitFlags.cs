using System.CommandLine;
using LumaAgents.Cli.Input;

namespace LumaAgents.Cli.Commands;

/// <summary>
/// How a command waits: <c>--poll-interval</c>, <c>--initial-delay</c>, <c>--timeout</c>. Unset values take the
/// SDK's defaults for the generation's type (images: first poll 20 s after creation, every 2 s, 2 min limit;
/// video: 30 s, 5 s, 10 min).
/// </summary>
internal sealed class WaitFlags
{
    public Option<string> PollInterval { get; } = new("--poll-interval")
    {
        Description = $"Time between polls (default 2s for images, 5s for video; {Durations.Format(WaitOptions.MinPollInterval)} to {Durations.Format(WaitOptions.MaxPollInterval)}).",
        HelpName = "duration",
    };

    public Option<string> InitialDelay { get; } = new("--initial-delay")
    {
        Description = "How long after creation to poll first (default 20s for images, 30s for video).",
        HelpName = "duration",
    };

    public Option<string> Timeout { get; } = new("--timeout")
    {
        Description = "Give up waiting after this long (default 2m for images, 10m for video; 'none' for no limit). The job keeps running.",
        HelpName = "duration",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(PollInterval);
        command.Options.Add(InitialDelay);
        command.Options.Add(Timeout);
    }

    /// <summary>The wait options; a failed generation is returned, not thrown, so it can be printed first.</summary>
    public WaitOptions Read(ParseResult parse) => new()
    {
        PollInterval = Interval(parse.GetValue(PollInterval)),
        InitialDelay = Optional(parse.GetValue(InitialDelay), InitialDelay.Name, allowInfinite: false),
        Timeout = Optional(parse.GetValue(Timeout), Timeout.Name, allowInfinite: true),
        ThrowOnFailure = false,
    };

    /// <summary>The SDK would clamp an interval out of range; a value the help refuses is refused here, not bent.</summary>
    private TimeSpan? Interval(string? text)
    {
        if (Optional(text, PollInterval.Name, allowInfinite: false) is not { } interval)
        {
            return null;
        }

        if (interval < WaitOptions.MinPollInterval || interval > WaitOptions.MaxPollInterval)
        {
            throw new Errors.CliException(
                $"--poll-interval {text} is out of range: polls are {Durations.Format(WaitOptions.MinPollInterval)} to {Durations.Format(WaitOptions.MaxPollInterval)} apart.",
                "for example --poll-interval 2s");
        }

        return interval;
    }

    private static TimeSpan? Optional(string? text, string name, bool allowInfinite)
    {
        if (text is null)
        {
            return null;
        }

        var duration = Durations.Parse(text, name, allowInfinite);
        if (allowInfinite && duration == TimeSpan.Zero)
        {
            throw new Errors.CliException($"{name} must be more than 0; use 'none' to wait without limit.");
        }

        return duration;
    }
}
