using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LumaAgents.Mcp.Tests.Support;

/// <summary>
/// Records the progress notifications about one generation. The C# client hands a call's notifications to its
/// progress handler concurrently with completing the call, and drops those it had not handed over when the result
/// arrived, although the server sent them first (the server's order is checked on raw stdout in
/// <c>KeyAndBaseUrlTests</c>). So this listens to every progress notification of the session, keeps those that name
/// the generation, and lets a test wait for one with <see cref="WaitForAsync"/>.
/// </summary>
public sealed class ProgressLog : IAsyncDisposable
{
    private readonly ConcurrentQueue<ProgressNotificationValue> _values = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];
    private readonly IAsyncDisposable _registration;
    private string? _subject;

    public ProgressLog(McpClient client)
    {
        _registration = client.RegisterNotificationHandler(NotificationMethods.ProgressNotification, (notification, _) =>
        {
            var value = notification.Params.Deserialize<ProgressNotificationParams>(McpJsonUtilities.DefaultOptions)!.Progress;
            Report(value);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Pass this as the call's progress handler: it makes the client send a progress token.</summary>
    public IProgress<ProgressNotificationValue> Token { get; } = new Progress<ProgressNotificationValue>();

    /// <summary>The notifications about the subject, by progress value (the order the server sent them).</summary>
    public IReadOnlyList<ProgressNotificationValue> Values => [.. _values.Where(Concerns).OrderBy(v => v.Progress)];

    public IReadOnlyList<string> Messages => [.. Values.Select(v => v.Message ?? string.Empty)];

    /// <summary>Keeps only the notifications whose message names this generation.</summary>
    public void About(string generationId) => _subject = generationId;

    /// <summary>Completes once a notification about the subject containing <paramref name="text"/> has arrived (10 s hang guard).</summary>
    public async Task WaitForAsync(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (_values.Any(v => Concerns(v) && Contains(v, text)))
            {
                return;
            }

            _waiters.Add((text, seen));
        }

        await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public ValueTask DisposeAsync() => _registration.DisposeAsync();

    private void Report(ProgressNotificationValue value)
    {
        lock (_waiters)
        {
            _values.Enqueue(value);
            foreach (var waiter in _waiters.Where(w => Concerns(value) && Contains(value, w.Text)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private bool Concerns(ProgressNotificationValue value) => _subject is null || Contains(value, _subject);

    private static bool Contains(ProgressNotificationValue value, string text) => value.Message?.Contains(text, StringComparison.Ordinal) == true;
}
