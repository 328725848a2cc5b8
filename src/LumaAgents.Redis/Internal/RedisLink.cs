using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LumaAgents.Redis;

/// <summary>
/// Every Redis call of one client, bounded: each answers within <see cref="RedisCoordinatorOptions.CommandTimeout"/>
/// (real time: Redis is real I/O whatever the client's clock) or counts as a failure. A failure turns the client to
/// deciding in process (fail open) for <see cref="RedisCoordinatorOptions.RetryInterval"/> on the client's clock,
/// logged once as a Warning and counted; the next call after that tries Redis again, and an answer turns it back.
/// No exception from Redis ever leaves this class.
/// </summary>
internal sealed class RedisLink
{
    private readonly Task<IConnectionMultiplexer> _connecting;
    private readonly AccountChannel _channel;
    private readonly RedisSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<string> _describeFallback;
    private readonly Action _onShared;
    private readonly InFlight _inFlight;
    private readonly object _gate = new();
    private bool _down;
    private long _retryAt;

    public RedisLink(Task<IConnectionMultiplexer> connecting, AccountChannel channel, RedisSettings settings, TimeProvider time, ILogger logger, Func<string> describeFallback, Action onShared, InFlight inFlight)
    {
        _connecting = connecting;
        _channel = channel;
        _settings = settings;
        _time = time;
        _logger = logger;
        _describeFallback = describeFallback;
        _onShared = onShared;
        _inFlight = inFlight;
    }

    /// <summary>Whether decisions are made in process right now (Redis failed within the retry interval).</summary>
    public bool IsDown
    {
        get
        {
            lock (_gate)
            {
                return _down;
            }
        }
    }

    /// <summary>Whether to try Redis for this decision: not while failed within the retry interval, nor while disconnected.</summary>
    public async ValueTask<bool> TryUseAsync()
    {
        lock (_gate)
        {
            if (_down && _time.GetTimestamp() < _retryAt)
            {
                return false;
            }
        }

        if (!_connecting.IsCompleted)
        {
            _inFlight.Enter();
            try
            {
                using var stop = new CancellationTokenSource();
                await Task.WhenAny(_connecting, Task.Delay(_settings.CommandTimeout, stop.Token)).ConfigureAwait(false);
                stop.Cancel();
            }
            finally
            {
                _inFlight.Exit();
            }

            if (!_connecting.IsCompleted)
            {
                MarkDown("timeout", $"not connected within {_settings.CommandTimeout.TotalMilliseconds:0} ms");
                return false;
            }
        }

        if (_connecting.Status != TaskStatus.RanToCompletion)
        {
            MarkDown("error", "could not connect: " + Describe(_connecting.Exception?.GetBaseException()));
            return false;
        }

        var redis = _connecting.Result;
        if (!redis.IsConnected)
        {
            MarkDown("disconnected", "not connected to " + string.Join(", ", redis.GetEndPoints().Select(e => e.ToString())));
            return false;
        }

        _channel.EnsureSubscribed(redis);
        return true;
    }

    /// <summary>Runs a script; null when Redis failed or was too slow (the failure is already handled).</summary>
    public async Task<RedisResult?> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values)
    {
        if (!await TryUseAsync().ConfigureAwait(false))
        {
            return null;
        }

        _inFlight.Enter();
        try
        {
            var call = _connecting.Result.GetDatabase().ScriptEvaluateAsync(script, keys, values);
            using var stop = new CancellationTokenSource();
            var first = await Task.WhenAny(call, Task.Delay(_settings.CommandTimeout, stop.Token)).ConfigureAwait(false);
            stop.Cancel();
            if (first != call)
            {
                // Its late outcome is of no use any more; observe it so that it is never an unobserved exception.
                _ = call.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                MarkDown("timeout", $"no answer within {_settings.CommandTimeout.TotalMilliseconds:0} ms");
                return null;
            }

            var result = await call.ConfigureAwait(false);
            MarkUp();
            return result;
        }
        catch (Exception ex)
        {
            MarkDown(ex is RedisConnectionException ? "disconnected" : ex is RedisTimeoutException ? "timeout" : "error", Describe(ex));
            return null;
        }
        finally
        {
            _inFlight.Exit();
        }
    }

    private static string Describe(Exception? ex) => ex is null ? "unknown failure" : ex.GetType().Name + ": " + ex.Message;

    private void MarkDown(string kind, string reason)
    {
        bool first;
        lock (_gate)
        {
            first = !_down;
            _down = true;
            _retryAt = _time.GetTimestamp() + (long)(_settings.RetryInterval.TotalSeconds * _time.TimestampFrequency);
        }

        if (first)
        {
            Log.FailingOpen(_logger, reason, _describeFallback(), _settings.RetryInterval.TotalMilliseconds);
            if (RedisCoordinationTelemetry.FailOpensInstrument.Enabled)
            {
                RedisCoordinationTelemetry.FailOpensInstrument.Add(1, new KeyValuePair<string, object?>("luma.coordination.reason", kind));
            }
        }
    }

    private void MarkUp()
    {
        lock (_gate)
        {
            if (!_down)
            {
                return;
            }

            _down = false;
        }

        Log.SharedAgain(_logger);
        _onShared();
    }
}
