namespace LumaAgents.Testing.Internal;

/// <summary>
/// <c>DELETE /v1/files/{id}</c>: a soft delete answered 204 with no body; the file can no longer be referenced, and a
/// second delete (or one of an expired file) answers 404, which is what a retried delete sees.
/// </summary>
internal sealed class DeleteFileHandler(FileIngest ingest) : IRouteHandler
{
    public ValueTask<SimulatedResponse> HandleAsync(RouteRequest request)
    {
        if (ingest.Store.FindOwned(request.Route.Id!, request.ApiKey) is not { } file)
        {
            return ValueTask.FromResult(SimulatedResponse.Detail(404, FakeLumaServerDetails.FileNotFound));
        }

        lock (ingest.Store.Gate)
        {
            if (file.GoneAt(request.Now) is not null)
            {
                return ValueTask.FromResult(SimulatedResponse.Detail(404, FakeLumaServerDetails.FileNotFound));
            }

            file.DeletedAt = request.Now;
        }

        return ValueTask.FromResult(SimulatedResponse.NoContent());
    }
}
