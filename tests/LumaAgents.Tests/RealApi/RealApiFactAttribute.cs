namespace LumaAgents.Tests.RealApi;

/// <summary>
/// A test against the real, billed API: it runs only when LUMA_AGENTS_API_KEY is set, and is reported as skipped
/// (with the reason) otherwise, so CI shows it was not run rather than pretending it passed.
/// </summary>
public sealed class RealApiFactAttribute : FactAttribute
{
    public RealApiFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LumaClientOptions.ApiKeyEnvironmentVariable)))
        {
            Skip = "Real-API smoke test: set LUMA_AGENTS_API_KEY to run it (it creates one billed image).";
        }
    }
}
