using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace LumaAgents;

/// <summary>
/// Transfers to and from storage hosts (presigned output URLs, presigned uploads) under the same house rules as API
/// calls: the retry decision of <see cref="RetryRules"/> (as idempotent requests), the attempt timeout on the response
/// headers, a call budget, the client's Dispose, and an idle timeout on the body. It never sends anything of ours that
/// identifies the account (no Authorization, no request id, no custom headers), follows redirects itself (http and https
/// only, never from https down to http, at most five), and never puts a URL's query — its signature — in a message.
/// </summary>
internal sealed class StorageClient
{
    public const int ChunkSize = 81920;

    private const int MaxRedirects = 5;

    private readonly HttpMessageInvoker _http;
    private readonly LumaPipeline _pipeline;

    public StorageClient(HttpMessageInvoker http, LumaPipeline pipeline)
    {
        _http = http;
        _pipeline = pipeline;
    }

    private LumaClientOptions Options => _pipeline.Options;

    private TimeProvider Time => _pipeline.Time;

    /// <summary>The path of a URL without its query, which for a presigned URL is a credential.</summary>
    public static string Redacted(Uri url) => url.GetLeftPart(UriPartial.Path);

    /// <summary>
    /// Sends a storage request, retrying transient failures before any byte of the response is taken, and returns
    /// the final response (any status: the caller decides what a 403 or 404 means).
    /// </summary>
    /// <param name="url">Where to send it.</param>
    /// <param name="build">Builds the request for a URL (called per attempt and per redirect hop).</param>
    /// <param name="budget">The whole transfer's limit.</param>
    /// <param name="fail">Builds the caller's typed exception from a message, the status (if any) and the cause.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="budgetName">The setting behind the budget, for messages.</param>
    public Task<HttpResponseMessage> SendAsync(
        Uri url, Func<Uri, HttpRequestMessage> build, CallBudget budget, string budgetName, Func<string, HttpStatusCode?, Exception?, LumaException> fail, CancellationToken cancellationToken)
        => SendCoreAsync(url, (target, _) => build(target), watchBody: false, budget, budgetName, fail, cancellationToken);

    /// <summary>
    /// Like <see cref="SendAsync"/> for a request whose body is an upload: each attempt is limited by an
    /// <see cref="IdleWatch"/> instead of the attempt timeout, which would cut a long upload short. The request's
    /// content touches the watch as its bytes go out; after the last one the watch runs on as the limit for the answer.
    /// An error of our own raised by the content (a stream that ended early) ends the transfer at once.
    /// </summary>
    /// <param name="url">Where to send it.</param>
    /// <param name="build">Builds the request for a URL and the attempt's watch (called per attempt and per redirect hop).</param>
    /// <param name="budget">The whole transfer's limit.</param>
    /// <param name="budgetName">The setting behind the budget, for messages.</param>
    /// <param name="fail">Builds the caller's typed exception from a message, the status (if any) and the cause.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public Task<HttpResponseMessage> UploadAsync(
        Uri url, Func<Uri, IdleWatch, HttpRequestMessage> build, CallBudget budget, string budgetName, Func<string, HttpStatusCode?, Exception?, LumaException> fail, CancellationToken cancellationToken)
        => SendCoreAsync(url, (target, watch) => build(target, watch!), watchBody: true, budget, budgetName, fail, cancellationToken);

    private async Task<HttpResponseMessage> SendCoreAsync(
        Uri url, Func<Uri, IdleWatch?, HttpRequestMessage> build, bool watchBody, CallBudget budget, string budgetName, Func<string, HttpStatusCode?, Exception?, LumaException> fail, CancellationToken cancellationToken)
    {
        var retry = Options.Retry;
        var redirects = 0;
        for (var retries = 0; ; retries++)
        {
            _pipeline.Lifetime.ThrowIfDisposed();
            var remaining = budget.Remaining(Time);
            if (remaining is { } none && none <= TimeSpan.Zero)
            {
                throw fail($"The transfer from {Redacted(url)} did not finish within {budget.Limit.TotalSeconds:0.###} s ({budgetName}).", null, null);
            }

            var limit = remaining is { } left && (Options.Timeout == Timeout.InfiniteTimeSpan || left < Options.Timeout) ? left : Options.Timeout;
            HttpResponseMessage response;
            var watch = watchBody ? new IdleWatch(Time, Options.Timeout, remaining, cancellationToken, _pipeline.Lifetime.Token) : null;
            var attempt = watchBody ? default : AttemptTimeout.Start(Time, limit, cancellationToken, _pipeline.Lifetime.Token);
            try
            {
                using var request = build(url, watch);
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
                response = await _http.SendAsync(request, watch?.Token ?? attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (_pipeline.Lifetime.IsDisposed)
            {
                throw _pipeline.Lifetime.Disposed(ex);
            }
            catch (Exception ex)
            {
                if (Own(ex) is { } own)
                {
                    throw own;
                }

                var timedOut = watch is null ? attempt.TimedOut : watch.Stalled || watch.Expired;
                var failure = timedOut ? AttemptFailure.TimedOut : AttemptFailures.Classify(ex);
                var why = !timedOut ? $"could not reach {Redacted(url)}: {Describe(ex)}"
                    : watch is null ? $"{Redacted(url)} did not answer within {limit.TotalSeconds:0.###} s"
                    : $"{Redacted(url)} took no bytes and gave no answer for {Options.Timeout.TotalSeconds:0.###} s (LumaClientOptions.Timeout)";
                if (watch is null ? timedOut && remaining is not null && limit == remaining : watch.Expired)
                {
                    throw fail($"The transfer did not finish within {budget.Limit.TotalSeconds:0.###} s ({budgetName}): {why}.", null, ex);
                }

                if (RetryRules.ShouldRetry(null, failure, null, null, isCreate: false, retries, retry.MaxRetries, retry))
                {
                    await BackoffAsync(RetryRules.Delay(retries, null, retry, Jitter.NextDouble()), budget, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw fail($"The transfer failed: {why}.", null, ex);
            }
            finally
            {
                attempt.Dispose();
                watch?.Dispose();
            }

            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308)
            {
                var next = RedirectTarget(url, response, ++redirects, fail);
                response.Dispose();
                url = next;
                retries--;
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var hint = RetryAfterHeader.Read(response.Headers, Time.GetUtcNow());
                if (hint is { } h && (h <= TimeSpan.Zero || h > ResponseFacts.LongestPlausibleRetryAfter))
                {
                    hint = null;
                }

                if (RetryRules.ShouldRetry(status, AttemptFailure.None, HeaderValues.First(response.Headers, "x-should-retry"), hint, isCreate: false, retries, retry.MaxRetries, retry)
                    && status != 403)
                {
                    response.Dispose();
                    await BackoffAsync(RetryRules.Delay(retries, hint, retry, Jitter.NextDouble()), budget, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            return response;
        }
    }

    /// <summary>
    /// Copies a response body into <paramref name="destination"/> in chunks; no bytes for the idle time (the client's
    /// <see cref="LumaClientOptions.Timeout"/>), or the budget running out, fails it. Returns the bytes copied.
    /// </summary>
    public async Task<long> CopyAsync(
        HttpResponseMessage response, Stream destination, CallBudget budget, string budgetName, Func<string, HttpStatusCode?, Exception?, LumaException> fail, Uri url, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long copied = 0;
        using var watch = new IdleWatch(Time, Options.Timeout, budget.Remaining(Time), cancellationToken, _pipeline.Lifetime.Token);
        try
        {
            using var body = await ResponseBodies.OpenAsync(response, watch.Token).ConfigureAwait(false);
            var source = body.Stream;
            while (true)
            {
                var read = await source.ReadAsync(buffer, 0, ChunkSize, watch.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                watch.Touch();
                await destination.WriteAsync(buffer, 0, read, watch.Token).ConfigureAwait(false);
                copied += read;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (_pipeline.Lifetime.IsDisposed)
        {
            throw _pipeline.Lifetime.Disposed(ex);
        }
        catch (Exception ex) when (ex is not LumaException)
        {
            var why = watch.Stalled ? $"no bytes arrived for {watch.Idle.TotalSeconds:0.###} s (LumaClientOptions.Timeout)"
                : watch.Expired ? $"the transfer did not finish within {budget.Limit.TotalSeconds:0.###} s ({budgetName})"
                : Describe(ex);
            throw fail($"The transfer from {Redacted(url)} broke off after {copied} bytes: {why}.", response.StatusCode, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (response.Content.Headers.ContentLength is { } expected && expected != copied)
        {
            throw fail($"The transfer from {Redacted(url)} ended after {copied} of {expected} bytes.", response.StatusCode, null);
        }

        return copied;
    }

    private static Uri RedirectTarget(Uri from, HttpResponseMessage response, int hop, Func<string, HttpStatusCode?, Exception?, LumaException> fail)
    {
        if (hop > MaxRedirects)
        {
            throw fail($"{Redacted(from)} redirected more than {MaxRedirects} times.", response.StatusCode, null);
        }

        var location = response.Headers.Location;
        if (location is null)
        {
            throw fail($"{Redacted(from)} answered a redirect ({(int)response.StatusCode}) without a Location.", response.StatusCode, null);
        }

        if (!location.IsAbsoluteUri)
        {
            location = new Uri(from, location);
        }

        if (location.Scheme != Uri.UriSchemeHttps && location.Scheme != Uri.UriSchemeHttp)
        {
            // Only the scheme is named: anything else of the target may be a signature, or a local path.
            throw fail($"{Redacted(from)} redirected to a {location.Scheme}: URL; only http and https are followed.", response.StatusCode, null);
        }

        if (from.Scheme == Uri.UriSchemeHttps && location.Scheme == Uri.UriSchemeHttp)
        {
            throw fail($"{Redacted(from)} redirected from https to plain http ({location.Host}); that is not followed.", response.StatusCode, null);
        }

        return location;
    }

    private async Task BackoffAsync(TimeSpan delay, CallBudget budget, CancellationToken cancellationToken)
    {
        if (budget.Remaining(Time) is { } left && delay >= left)
        {
            delay = left;
        }

        using var linked = _pipeline.Lifetime.Link(cancellationToken);
        try
        {
            await Clock.Delay(Time, delay, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException cancelled)
        {
            throw _pipeline.Lifetime.Translate(cancelled, cancellationToken);
        }
    }

    /// <summary>An error of the SDK's own inside a transport failure (raised by a request's content), or null.</summary>
    private static LumaException? Own(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            if (e is LumaException own)
            {
                return own;
            }
        }

        return null;
    }

    /// <summary>A network error in a sentence, with the query of any URL it quotes removed.</summary>
    private static string Describe(Exception ex)
    {
        var text = ex.Message;
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            text += " (" + e.Message + ")";
        }

        return QueryInText.Replace(text, "$1");
    }

    private static readonly System.Text.RegularExpressions.Regex QueryInText = new(@"(\w+://[^\s?#]*)[?#][^\s)]*", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}
