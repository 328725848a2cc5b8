namespace LumaAgents.Samples.Tests.Support;

/// <summary>
/// For tests that run a sample inside the test process: no API key (so the sample takes its simulator path, never
/// the real, billed API) and a scratch folder, both restored afterwards.
/// </summary>
public abstract class InProcessSampleTest : IDisposable
{
    private readonly string? _savedKey = Environment.GetEnvironmentVariable("LUMA_AGENTS_API_KEY");
    private readonly string? _savedBaseUrl = Environment.GetEnvironmentVariable("LUMA_BASE_URL");

    protected InProcessSampleTest()
    {
        Environment.SetEnvironmentVariable("LUMA_AGENTS_API_KEY", null);
        Environment.SetEnvironmentVariable("LUMA_BASE_URL", null);
        Directory.CreateDirectory(Folder);
    }

    /// <summary>A fresh folder for this test's files.</summary>
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "luma-samples-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("LUMA_AGENTS_API_KEY", _savedKey);
        Environment.SetEnvironmentVariable("LUMA_BASE_URL", _savedBaseUrl);
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
