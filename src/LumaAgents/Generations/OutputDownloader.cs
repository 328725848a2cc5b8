using System.Buffers;
using System.Net;
using System.Text;

namespace LumaAgents;

/// <summary>
/// Fetches outputs from their presigned URLs with its own HTTP client, which never sends the API key. Bodies are
/// streamed in small chunks, never buffered whole. An expired URL (403) is refreshed once by re-reading the
/// generation; the storage host's transient failures are retried before any byte is written.
/// </summary>
internal sealed class OutputDownloader
{
    private const int BufferSize = 81920;

    private readonly HttpMessageInvoker _http;
    private readonly GenerationsClient _generations;
    private readonly LumaClientComponents _components;

    public OutputDownloader(HttpMessageInvoker http, GenerationsClient generations, LumaClientComponents components)
    {
        _http = http;
        _generations = generations;
        _components = components;
    }

    private LumaClientOptions Options => _components.Options;

    /// <summary>Copies output <paramref name="index"/> into <paramref name="destination"/>; returns its content type.</summary>
    public async Task<string?> DownloadAsync(Generation generation, int index, Stream destination, CancellationToken cancellationToken)
    {
        using var activity = Diagnostics.LumaTelemetry.Source.StartActivity(Diagnostics.LumaTelemetry.DownloadActivity, System.Diagnostics.ActivityKind.Client);
        activity?.SetTag("luma.generation.id", generation.Id);
        activity?.SetTag("luma.output.index", index);
        try
        {
            var contentType = await DownloadCoreAsync(generation, index, destination, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", 200);
            return contentType;
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            activity.SetTag("error.type", ex.GetType().FullName);
            if (ex is LumaDownloadException { StatusCode: { } status })
            {
                activity.SetTag("http.response.status_code", (int)status);
            }

            throw;
        }
    }

    private async Task<string?> DownloadCoreAsync(Generation generation, int index, Stream destination, CancellationToken cancellationToken)
    {
        var url = OutputUrl(generation, index);
        Diagnostics.Log.Downloading(_components.Logger, index, generation.Id, Redacted(url));
        var refreshed = false;
        for (var retries = 0; ; retries++)
        {
            HttpResponseMessage response;
            try
            {
                response = await SendAsync(url, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or LumaTimeoutException && !cancellationToken.IsCancellationRequested)
            {
                if (retries < Options.Retry.MaxRetries)
                {
                    await Clock.Delay(Options.TimeProvider, RetryRules.Delay(retries, null, Options.Retry, Jitter.NextDouble()), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new LumaDownloadException(
                    $"Could not download output {index} of generation {generation.Id} from {Redacted(url)}: {ex.Message}",
                    generation.Id,
                    index,
                    innerException: ex);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status == 403 && !refreshed)
                {
                    // Presigned URLs expire after an hour; every read of the generation mints a fresh one.
                    refreshed = true;
                    Diagnostics.Log.RefreshingUrl(_components.Logger, index, generation.Id);
                    generation = await _generations.GetAsync(generation.Id, cancellationToken).ConfigureAwait(false);
                    url = OutputUrl(generation, index);
                    retries--;
                    continue;
                }

                if ((status is 408 or 429 or >= 500) && retries < Options.Retry.MaxRetries)
                {
                    var hint = RetryAfterHeader.Read(response.Headers, Options.TimeProvider.GetUtcNow());
                    await Clock.Delay(Options.TimeProvider, RetryRules.Delay(retries, hint, Options.Retry, Jitter.NextDouble()), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    var advice = status == 403
                        ? " The URL was refreshed once and is still refused; read the generation again later, or check that it has not been deleted."
                        : string.Empty;
                    throw new LumaDownloadException(
                        $"Downloading output {index} of generation {generation.Id} from {Redacted(url)} failed: {status} {response.ReasonPhrase}.{advice}",
                        generation.Id,
                        index,
                        response.StatusCode);
                }

                await CopyAsync(response, destination, generation.Id, index, url, cancellationToken).ConfigureAwait(false);
                return response.Content.Headers.ContentType?.MediaType;
            }
        }
    }

    /// <summary>The path of a URL without its query, which for a presigned URL is a credential.</summary>
    internal static string Redacted(Uri url) => url.GetLeftPart(UriPartial.Path);

    private static Uri OutputUrl(Generation generation, int index)
    {
        if (!generation.IsCompleted)
        {
            var why = generation.IsFailed
                ? $"failed ({generation.FailureCode?.Value ?? "no code"}) and has no outputs"
                : $"is {generation.State.Value}; wait for it with WaitForCompletionAsync before downloading";
            throw new ArgumentException($"Generation {generation.Id} {why}.", nameof(generation));
        }

        if (index < 0 || index >= generation.Output.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index), index, $"Generation {generation.Id} has {generation.Output.Count} output(s); the index must be 0 to {generation.Output.Count - 1}.");
        }

        var url = generation.Output[index].Url;
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"Output {index} of generation {generation.Id} has no downloadable URL.", nameof(generation));
        }

        return url;
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);

        // The per-attempt timeout bounds the wait for the response headers; the body may take as long as it takes.
        if (Options.Timeout == Timeout.InfiniteTimeSpan)
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var linked = Clock.LinkWithTimeout(Options.TimeProvider, Options.Timeout, cancellationToken);
        try
        {
            return await _http.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (Clock.TimedOut(linked, cancellationToken))
        {
            throw new LumaTimeoutException($"The storage host {url.Host} did not answer within {Options.Timeout.TotalSeconds:0.###} s.", Options.Timeout, ex);
        }
    }

    private static async Task CopyAsync(HttpResponseMessage response, Stream destination, string generationId, int index, Uri url, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long copied = 0;
        try
        {
            using var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer, 0, BufferSize, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    throw new LumaDownloadException(
                        new StringBuilder().Append("The download of output ").Append(index).Append(" of generation ").Append(generationId)
                            .Append(" from ").Append(Redacted(url)).Append(" broke off after ").Append(copied).Append(" bytes: ").Append(ex.Message).ToString(),
                        generationId,
                        index,
                        response.StatusCode,
                        ex);
                }

                if (read == 0)
                {
                    break;
                }

                await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                copied += read;
            }

            if (response.Content.Headers.ContentLength is { } expected && expected != copied)
            {
                throw new LumaDownloadException(
                    $"The download of output {index} of generation {generationId} from {Redacted(url)} ended after {copied} of {expected} bytes.",
                    generationId,
                    index,
                    response.StatusCode);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
