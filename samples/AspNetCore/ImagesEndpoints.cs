using LumaAgents.Serialization;

namespace LumaAgents.Samples.AspNetCore;

/// <summary>The three endpoints, each mapping the SDK's typed errors to the fitting HTTP answer.</summary>
public static class ImagesEndpoints
{
    /// <summary>Maps <c>/images</c>.</summary>
    /// <param name="app">The app.</param>
    public static void Map(WebApplication app)
    {
        app.MapPost("/images", async (CreateImage body, LumaClient luma, CancellationToken ct) =>
        {
            var request = GenerationRequest.CreateImage(body.Prompt ?? string.Empty, body.AspectRatio is null ? (AspectRatio?)null : new AspectRatio(body.AspectRatio));
            try
            {
                var generation = await luma.Generations.CreateAsync(request, ct);
                return Results.Text(LumaJson.Serialize(generation), "application/json", statusCode: StatusCodes.Status202Accepted);
            }
            catch (LumaValidationException e)
            {
                return Results.ValidationProblem(e.Errors.GroupBy(x => x.Path).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray()));
            }
            catch (LumaRateLimitException e)
            {
                return Results.Problem(e.Detail, statusCode: StatusCodes.Status429TooManyRequests, extensions: RetryAfter(e));
            }
        });

        app.MapGet("/images/{id}", async (string id, LumaClient luma, CancellationToken ct) =>
        {
            try
            {
                return Results.Text(LumaJson.Serialize(await luma.Generations.GetAsync(id, ct)), "application/json");
            }
            catch (LumaNotFoundException)
            {
                return Results.NotFound();
            }
            catch (ArgumentException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });

        app.MapGet("/images/{id}/result", async (string id, int? timeoutSeconds, LumaClient luma, CancellationToken ct) =>
        {
            var deadline = TimeSpan.FromSeconds(Math.Clamp(timeoutSeconds ?? 30, 1, 300));
            try
            {
                var done = await luma.Generations.WaitForCompletionAsync(id, new WaitOptions { Timeout = deadline }, cancellationToken: ct);
                return Results.Text(LumaJson.Serialize(done), "application/json");
            }
            catch (GenerationTimeoutException e)
            {
                // Still running: the client can come back for the same URL later.
                return Results.Text(LumaJson.Serialize(e.LastKnown ?? new Generation { Id = id }), "application/json", statusCode: StatusCodes.Status202Accepted);
            }
            catch (GenerationFailedException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, extensions: new Dictionary<string, object?>
                {
                    ["failure_code"] = e.FailureCode?.Value,
                    ["retryable"] = e.IsRetryable,
                });
            }
            catch (LumaNotFoundException)
            {
                return Results.NotFound();
            }
            catch (ArgumentException e)
            {
                return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });
    }

    private static Dictionary<string, object?> RetryAfter(LumaRateLimitException e)
        => new() { ["retry_after_seconds"] = e.RetryAfter?.TotalSeconds, ["kind"] = e.Kind.ToString() };
}
