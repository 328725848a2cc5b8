using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LumaAgents.Mcp.Output;

/// <summary>
/// Sends MCP progress notifications for one tool call, when the client asked for them with a progress token. The
/// SDK reports state changes synchronously from its wait loop; they are queued here and sent one at a time, in order,
/// and <see cref="DisposeAsync"/> waits for the last one, so every notification reaches the client before the result.
/// </summary>
internal sealed class ProgressReporter : IAsyncDisposable
{
    private readonly McpServer? _server;
    private readonly ProgressToken _token;
    private readonly ILogger _logger;
    private readonly Channel<ProgressNotificationValue>? _queue;
    private readonly Task _sender = Task.CompletedTask;
    private int _step;

    public ProgressReporter(McpServer server, ProgressToken? token, ILogger logger)
    {
        _logger = logger;
        if (token is { } given)
        {
            _server = server;
            _token = given;
            _queue = Channel.CreateUnbounded<ProgressNotificationValue>(new UnboundedChannelOptions { SingleReader = true });
            _sender = SendAllAsync();
        }
    }

    /// <summary>Queues one notification; progress counts the steps reported so far (the total is not known).</summary>
    public void Report(string message)
    {
        if (_queue is null)
        {
            return;
        }

        var step = Interlocked.Increment(ref _step);
        _queue.Writer.TryWrite(new ProgressNotificationValue { Progress = step, Message = message });
    }

    /// <summary>A progress sink for the SDK's waits, reporting each state the generation enters.</summary>
    /// <param name="describe">The message for a generation's state.</param>
    public IProgress<Generation> ForGeneration(Func<Generation, string> describe) => new GenerationProgress(this, describe);

    /// <summary>
    /// A progress sink for an upload's bytes: one notification each time another tenth of <paramref name="total"/> is
    /// sent (at most ten, however many chunks the SDK reports), so a large upload shows it is moving.
    /// </summary>
    /// <param name="total">The file's size in bytes.</param>
    /// <param name="label">What is being uploaded, for the message.</param>
    public IProgress<long> ForBytes(long total, string label) => new ByteProgress(this, total, label);

    public async ValueTask DisposeAsync()
    {
        _queue?.Writer.TryComplete();
        await _sender.ConfigureAwait(false);
    }

    private async Task SendAllAsync()
    {
        await foreach (var value in _queue!.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await _server!.NotifyProgressAsync(_token, value).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A client that went away cannot be told; the tool's result (or its cancellation) still follows.
                _logger.LogDebug("Progress notification not sent: {Reason}", e.Message);
            }
        }
    }

    private sealed class ByteProgress(ProgressReporter owner, long total, string label) : IProgress<long>
    {
        private int _tenths;

        public void Report(long value)
        {
            var tenths = total <= 0 ? 10 : (int)Math.Min(10, value * 10 / total);
            if (tenths > Volatile.Read(ref _tenths))
            {
                Volatile.Write(ref _tenths, tenths);
                owner.Report($"Uploading {label}: {Size(value)} of {Size(total)} sent ({tenths * 10}%)");
            }
        }
    }

    /// <summary>A size as people read it: 68 B, 12.3 KB, 4.2 MB.</summary>
    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    private sealed class GenerationProgress(ProgressReporter owner, Func<Generation, string> describe) : IProgress<Generation>
    {
        public void Report(Generation value) => owner.Report(describe(value));
    }
}
