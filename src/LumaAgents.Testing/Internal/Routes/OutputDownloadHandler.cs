using System.Globalization;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// <c>GET|HEAD /outputs/{id}/{index}.{ext}?…</c>: the storage host behind presigned output URLs, answering like S3
/// (XML errors, no API headers) for unsigned, tampered, expired or unknown objects.
/// </summary>
internal sealed class OutputDownloadHandler(SimulatorState state, bool rejectAuthorization) : IRouteHandler
{
    public ValueTask<SimulatedResponse> HandleAsync(RouteRequest request) => ValueTask.FromResult(Handle(request));

    private SimulatedResponse Handle(RouteRequest request)
    {
        string requestId = request.Record.RequestId;
        DateTimeOffset now = request.Now;
        if (rejectAuthorization && request.Http.Headers.ContainsKey("Authorization"))
        {
            return StorageErrors.UnsupportedAuthorization(requestId);
        }

        string file = request.Route.File!;
        int dot = file.LastIndexOf('.');
        string indexText = dot > 0 ? file[..dot] : file;
        string extension = dot > 0 ? file[(dot + 1)..] : string.Empty;
        PresignedUrls.Verdict verdict = state.OutputUrls.Check(request.Route.Id!, indexText, extension, request.Http.Query, now, out DateTimeOffset expiresAt);
        if (StorageErrors.ForVerdict(verdict, expiresAt, now, requestId) is { } refused)
        {
            return refused;
        }

        int index = int.Parse(indexText, CultureInfo.InvariantCulture);
        if (state.Generations.Find(request.Route.Id!) is not { } generation || generation.StateAt(now) != "completed" || index >= generation.OutputCount)
        {
            return StorageErrors.NoSuchKey(requestId);
        }

        OutputFile output = generation.IsVideo ? state.VideoFile : state.Image(generation, index);
        return SimulatedResponse.Download(output,
        [
            new("ETag", $"\"{generation.Id.Replace("-", string.Empty, StringComparison.Ordinal)}{index}\""),
            new("Accept-Ranges", "none"),
            new("Cache-Control", "private, max-age=3600"),
            new("x-amz-request-id", requestId),
        ]);
    }
}
