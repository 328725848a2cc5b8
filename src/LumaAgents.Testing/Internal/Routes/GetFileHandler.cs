namespace LumaAgents.Testing.Internal;

/// <summary><c>GET /v1/files/{id}</c>: the caller's file as of now (a deleted or expired one shows state <c>deleted</c> and <c>deleted_at</c>).</summary>
internal sealed class GetFileHandler(FileIngest ingest) : IRouteHandler
{
    public ValueTask<SimulatedResponse> HandleAsync(RouteRequest request)
    {
        if (ingest.Store.FindOwned(request.Route.Id!, request.ApiKey) is not { } file)
        {
            return ValueTask.FromResult(SimulatedResponse.Detail(404, FakeLumaServerDetails.FileNotFound));
        }

        lock (ingest.Store.Gate)
        {
            return ValueTask.FromResult(SimulatedResponse.Json(200, FileJson.File(file, request.Now)));
        }
    }
}
