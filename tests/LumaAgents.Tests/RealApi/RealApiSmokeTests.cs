namespace LumaAgents.Tests.RealApi;

/// <summary>One end-to-end call against the real API, only when a key is configured.</summary>
public sealed class RealApiSmokeTests
{
    [RealApiFact]
    public async Task A_real_image_is_created_waited_for_and_downloaded()
    {
        using var client = new LumaClient();

        var done = await client.Generations.CreateAndWaitAsync(GenerationRequest.CreateImage("a small red circle on white", AspectRatio.Ratio1x1));
        using var bytes = new MemoryStream();
        await client.Generations.DownloadAsync(done, 0, bytes);

        Assert.True(done.IsCompleted);
        Assert.True(bytes.Length > 100);
        Assert.NotNull(client.RateLimit);
    }
}
