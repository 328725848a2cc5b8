using System.Text.Json;
using LumaAgents.Testing;
using static LumaAgents.Testing.Tests.Simulator.SimulatorHttp;

namespace LumaAgents.Testing.Tests.Simulator;

public sealed class SimulatorOutputImageTests
{
    [Theory]
    [InlineData(null, 320, 320)]
    [InlineData("16:9", 320, 180)]
    [InlineData("9:16", 180, 320)]
    [InlineData("3:1", 320, 107)]
    [InlineData("2:3", 213, 320)]
    public async Task Images_are_real_pngs_in_the_requested_aspect_ratio(string? ratio, int width, int height)
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { QueuedFor = TimeSpan.Zero, ProcessingFor = TimeSpan.Zero });
        using HttpClient api = Client(server);

        byte[] png = await OutputAsync(server, api, ratio is null ? """{"prompt":"a lighthouse"}""" : $$"""{"prompt":"a lighthouse","aspect_ratio":"{{ratio}}"}""");

        Assert.Equal((width, height), SimulatorDownloadTests.AssertValidPng(png));
    }

    [Fact]
    public async Task Two_prompts_look_different_and_one_prompt_always_looks_the_same()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { QueuedFor = TimeSpan.Zero, ProcessingFor = TimeSpan.Zero });
        await using var other = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { QueuedFor = TimeSpan.Zero, ProcessingFor = TimeSpan.Zero });
        using HttpClient api = Client(server);

        byte[] cat = SimulatorDownloadTests.Pixels(await OutputAsync(server, api, """{"prompt":"a cat"}"""));
        byte[] dog = SimulatorDownloadTests.Pixels(await OutputAsync(server, api, """{"prompt":"a dog"}"""));
        byte[] catAgain = SimulatorDownloadTests.Pixels(await OutputAsync(other, Client(other), """{"prompt":"a cat"}"""));

        Assert.Equal(cat, catAgain);
        int differing = Enumerable.Range(0, cat.Length).Count(i => cat[i] != dog[i]);
        Assert.True(differing > cat.Length / 4, $"only {differing} of {cat.Length} bytes differ");
        Assert.True(cat.Distinct().Count() > 3, "the image should show a pattern, not one flat colour");
    }

    [Fact]
    public async Task A_padded_large_image_keeps_its_shape()
    {
        await using var server = await FakeLumaServer.StartAsync(new FakeLumaServerOptions { QueuedFor = TimeSpan.Zero, ProcessingFor = TimeSpan.Zero, OutputSizeBytes = 1_000_000 });
        using HttpClient api = Client(server);

        byte[] png = await OutputAsync(server, api, """{"prompt":"wide","aspect_ratio":"16:9"}""");

        Assert.Equal(1_000_000, png.Length);
        Assert.Equal((320, 180), SimulatorDownloadTests.AssertValidPng(png));
    }

    private static async Task<byte[]> OutputAsync(FakeLumaServer server, HttpClient api, string json)
    {
        JsonElement created = await CreateGenerationAsync(api, json);
        string url = (await GetGenerationAsync(api, created.GetProperty("id").GetString()!)).GetProperty("output")[0].GetProperty("url").GetString()!;
        return await AnonymousClient().GetByteArrayAsync(url);
    }
}
