using System.Globalization;

namespace LumaAgents.Cli.Output;

/// <summary>
/// The bytes of an upload as a bar in the live status line (<c>uploading @big.png [#####---------------] 25% (1.2 of
/// 5.0 MB)</c>), redrawn when the percentage changes. Nothing at all when standard error is not a terminal: a log
/// gets the upload's notices, not a line per chunk.
/// </summary>
internal sealed class UploadProgressBar : IProgress<long>
{
    private const int Width = 20;

    private readonly IWaitReporter _reporter;
    private readonly bool _live;
    private readonly string _label;
    private readonly long _total;
    private int _lastPercent = -1;

    public UploadProgressBar(IWaitReporter reporter, bool live, string label, long total)
    {
        _reporter = reporter;
        _live = live;
        _label = label;
        _total = total;
    }

    public void Report(long value)
    {
        if (!_live)
        {
            return;
        }

        var percent = _total <= 0 ? 100 : (int)Math.Clamp(value * 100 / _total, 0, 100);
        if (Interlocked.Exchange(ref _lastPercent, percent) == percent)
        {
            return;
        }

        _reporter.Status(Line(_label, value, _total));
    }

    internal static string Line(string label, long sent, long total)
    {
        var percent = total <= 0 ? 100 : (int)Math.Clamp(sent * 100 / total, 0, 100);
        var filled = percent * Width / 100;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"uploading {label} [{new string('#', filled)}{new string('-', Width - filled)}] {percent}% ({sent / (1024.0 * 1024):0.0} of {total / (1024.0 * 1024):0.0} MB)");
    }
}
