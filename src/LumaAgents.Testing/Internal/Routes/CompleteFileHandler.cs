namespace LumaAgents.Testing.Internal;

/// <summary>
/// <c>POST /v1/files/{id}/complete</c>: starts ingest of an uploaded file (it stays <c>pending</c>, then turns
/// <c>ready</c> or <c>failed</c>). Idempotent: completing a completed file answers it as it is, so a retried complete is harmless.
/// </summary>
internal sealed class CompleteFileHandler(FileIngest ingest) : IRouteHandler
{
    public ValueTask<SimulatedResponse> HandleAsync(RouteRequest request)
    {
        DateTimeOffset now = request.Now;
        if (ingest.Store.FindOwned(request.Route.Id!, request.ApiKey) is not { } file)
        {
            return ValueTask.FromResult(SimulatedResponse.Detail(404, FakeLumaServerDetails.FileNotFound));
        }

        lock (ingest.Store.Gate)
        {
            if (file.GoneAt(now) is not null)
            {
                return ValueTask.FromResult(SimulatedResponse.Detail(400, FakeLumaServerDetails.FileDeleted));
            }

            if (file.CompletedAt is null)
            {
                if (file.ReceivedBytes is null)
                {
                    return ValueTask.FromResult(SimulatedResponse.Detail(400, FakeLumaServerDetails.FileNotUploaded));
                }

                if (ingest.Complete(file, now) is { } refusal)
                {
                    return ValueTask.FromResult(refusal);
                }
            }

            return ValueTask.FromResult(SimulatedResponse.Json(200, FileJson.File(file, now)));
        }
    }
}
