namespace LumaAgents.Testing.Internal;

/// <summary><c>GET /v1/generations/{id}</c>: the generation as of now on the server's clock, with fresh presigned output URLs.</summary>
internal sealed class GetGenerationHandler(SimulatorState state) : IRouteHandler
{
    public ValueTask<SimulatedResponse> HandleAsync(RouteRequest request)
    {
        DateTimeOffset now = request.Now;
        if (state.Generations.Find(request.Route.Id!) is not { } generation)
        {
            return ValueTask.FromResult(SimulatedResponse.Detail(404, FakeLumaServerDetails.GenerationNotFound));
        }

        string extension = generation.IsVideo ? state.VideoFile.Extension : SimulatorState.ImageExtension;
        List<KeyValuePair<string, string>> headers = [];
        CreateGenerationHandler.AddReadyIn(headers, generation, now);
        byte[] body = JsonBodies.Generation(generation, generation.StateAt(now), index => state.OutputUrls.Mint(state.Origin, generation.Id, index, extension, now));
        return ValueTask.FromResult(SimulatedResponse.Json(200, body, headers));
    }
}
