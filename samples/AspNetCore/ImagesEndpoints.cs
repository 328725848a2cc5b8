namespace LumaAgents.Samples.AspNetCore;

/// <summary>
/// The three endpoints. They catch only what has a meaning of its own here (a wait that ran out is "still running",
/// an unknown id is "not found"); every other SDK failure goes to <see cref="LumaExceptionHandler"/>.
/// </summary>
public static class ImagesEndpoints
{
    /// <summary>Maps <c>/images</c>.</summary>
    /// <param name="app">The app.</param>
    public static void Map(WebApplication app)
    {
        app.MapPost("/images", async (CreateImage body, LumaClient luma, ILoggerFactory logs) =>
        {
            var request = GenerationRequest.CreateImage(body.Prompt ?? string.Empty, body.AspectRatio is null ? (AspectRatio?)null : new AspectRatio(body.AspectRatio));

            // Not the request's token: once sent, a create may be billed, so we wait for its answer (bounded by
            // LumaAgents:Timeout) rather than lose the id because the caller hung up.
            var generation = await luma.Generations.CreateAsync(request, CancellationToken.None);
            logs.CreateLogger(typeof(ImagesEndpoints)).LogInformation("Created generation {GenerationId}", generation.Id);
            return HumanJson.Generation(generation, StatusCodes.Status202Accepted);
        });

        app.MapGet("/images/{id}", async (string id, LumaClient luma, CancellationToken ct) =>
        {
            try
            {
                return HumanJson.Generation(await luma.Generations.GetAsync(id, ct));
            }
            catch (LumaNotFoundException)
            {
                return NotFound(id);
            }
        });

        app.MapGet("/images/{id}/result", async (string id, int? timeoutSeconds, LumaClient luma, CancellationToken ct) =>
        {
            var deadline = TimeSpan.FromSeconds(Math.Clamp(timeoutSeconds ?? 30, 1, 300));
            try
            {
                return HumanJson.Generation(await luma.Generations.WaitForCompletionAsync(id, new WaitOptions { Timeout = deadline }, cancellationToken: ct));
            }
            catch (GenerationTimeoutException e)
            {
                // Still running: the client can come back for the same URL later.
                return HumanJson.Generation(e.LastKnown ?? new Generation { Id = id }, StatusCodes.Status202Accepted);
            }
            catch (LumaNotFoundException)
            {
                return NotFound(id);
            }
        });
    }

    private static IResult NotFound(string id)
        => Results.Problem($"There is no image with the id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
