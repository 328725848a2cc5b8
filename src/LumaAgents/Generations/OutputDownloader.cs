using System.Net;

namespace LumaAgents;

/// <summary>
/// Fetches outputs from their presigned URLs through the <see cref="StorageClient"/> (no API key, the house retry and
/// timeout rules, an idle timeout on the body). An expired URL (403) is refreshed once by re-reading the generation.
/// Every failure, whatever its cause, is a <see cref="LumaDownloadException"/> naming the generation, the output and
/// the status; never the URL's signature.
/// </summary>
internal sealed class OutputDownloader
{
    private const string BudgetName = "LumaClientOptions.DownloadTimeout";

    private readonly StorageClient _storage;
    private readonly LumaPipeline _pipeline;
    private readonly Func<string, CancellationToken, Task<Generation>> _read;

    /// <param name="storage">The transfer client.</param>
    /// <param name="pipeline">The client's clock, options and logger.</param>
    /// <param name="read">Reads a generation again (for fresh output URLs).</param>
    public OutputDownloader(StorageClient storage, LumaPipeline pipeline, Func<string, CancellationToken, Task<Generation>> read)
    {
        _storage = storage;
        _pipeline = pipeline;
        _read = read;
    }

    /// <summary>Copies output <paramref name="index"/> into <paramref name="destination"/>; returns its content type.</summary>
    public async Task<string?> DownloadAsync(Generation generation, int index, Stream destination, CancellationToken cancellationToken)
    {
        var url = OutputUrl(generation, index);
        _pipeline.Lifetime.ThrowIfDisposed();
        using var activity = Diagnostics.LumaTelemetry.Source.StartActivity(Diagnostics.LumaTelemetry.DownloadActivity, System.Diagnostics.ActivityKind.Client);
        activity?.SetTag("luma.generation.id", generation.Id);
        activity?.SetTag("luma.output.index", index);
        try
        {
            var contentType = await DownloadCoreAsync(generation, index, url, destination, cancellationToken).ConfigureAwait(false);
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

    private async Task<string?> DownloadCoreAsync(Generation generation, int index, Uri url, Stream destination, CancellationToken cancellationToken)
    {
        var id = generation.Id;
        Diagnostics.Log.Downloading(_pipeline.Logger, index, id, StorageClient.Redacted(url));
        var budget = CallBudget.Start(_pipeline.Time, _pipeline.Options.DownloadTimeout, BudgetKind.TotalTimeout);
        LumaException Fail(string message, HttpStatusCode? status, Exception? inner)
            => new LumaDownloadException($"Could not download output {index} of generation {id}. {message}", id, index, status, inner);

        var refreshed = false;
        while (true)
        {
            var response = await _storage.SendAsync(url, static target => new HttpRequestMessage(HttpMethod.Get, target), budget, BudgetName, Fail, cancellationToken).ConfigureAwait(false);
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status == 403 && !refreshed)
                {
                    // Presigned URLs expire after an hour; every read of the generation mints a fresh one.
                    refreshed = true;
                    Diagnostics.Log.RefreshingUrl(_pipeline.Logger, index, id);
                    url = await RefreshAsync(id, index, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    var advice = status == 403
                        ? " The URL was refreshed once and is still refused; read the generation again later, or check that it has not been deleted."
                        : string.Empty;
                    throw Fail($"{StorageClient.Redacted(url)} answered {status} {response.ReasonPhrase}.{advice}", response.StatusCode, null);
                }

                await _storage.CopyAsync(response, destination, budget, BudgetName, Fail, url, cancellationToken).ConfigureAwait(false);
                return response.Content.Headers.ContentType?.MediaType;
            }
        }
    }

    private async Task<Uri> RefreshAsync(string id, int index, CancellationToken cancellationToken)
    {
        Generation fresh;
        try
        {
            fresh = await _read(id, cancellationToken).ConfigureAwait(false);
        }
        catch (LumaException ex)
        {
            throw new LumaDownloadException(
                $"Could not download output {index} of generation {id}: its URL had expired, and reading the generation for a fresh one failed: {ex.Message}",
                id,
                index,
                (ex as LumaApiException)?.StatusCode,
                ex);
        }

        try
        {
            return OutputUrl(fresh, index);
        }
        catch (LumaValidationException ex)
        {
            throw new LumaDownloadException($"Could not download output {index} of generation {id}: {ex.Errors[0].Message}.", id, index, innerException: ex);
        }
    }

    /// <summary>The output's URL, or a validation error saying why there is none to download.</summary>
    internal static Uri OutputUrl(Generation generation, int index)
    {
        if (!generation.IsCompleted)
        {
            var why = generation.IsFailed
                ? $"failed ({generation.FailureCode?.Value ?? "no code"}) and has no outputs"
                : $"is {Describe(generation.State.Value)}: wait for it (WaitForCompletionAsync) before downloading";
            throw new LumaValidationException([new LumaValidationError("generation.state", $"generation {generation.Id} {why}")], "The download");
        }

        if (index < 0 || index >= generation.Output.Count)
        {
            throw new LumaValidationException(
                [new LumaValidationError("output_index", $"{index} is out of range: generation {generation.Id} has {generation.Output.Count} output(s), so the index is 0 to {generation.Output.Count - 1}")],
                "The download");
        }

        var url = generation.Output[index].Url;
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new LumaValidationException([new LumaValidationError($"output[{index}].url", $"output {index} of generation {generation.Id} has no downloadable http(s) URL")], "The download");
        }

        return url;
    }

    private static string Describe(string state) => string.IsNullOrEmpty(state) ? "in no known state" : state;
}
