using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LumaAgents.Samples.Tests.Support;

namespace LumaAgents.Samples.Tests;

/// <summary>
/// The samples' default logging (their appsettings.json) shows the SDK's own lines (category <c>LumaAgents</c>) and
/// not the four <c>System.Net.Http.HttpClient.*</c> lines per request that IHttpClientFactory writes at Information.
/// </summary>
[Collection(SamplesCollection.Name)]
public sealed partial class SampleLoggingTests : InProcessSampleTest
{
    [Fact]
    public async Task The_worker_logs_state_changes_and_no_http_client_chatter()
    {
        var prompts = Path.Combine(Folder, "prompts.txt");
        File.WriteAllLines(prompts, ["a fox"]);
        using var worker = ChildProcess.StartSample("Worker", "--Worker:PromptsFile", prompts, "--Worker:OutputDirectory", Path.Combine(Folder, "out"));

        Assert.Equal(0, await worker.WaitForExitAsync());

        AssertOnlyUsefulLines(worker);
    }

    [Fact]
    public async Task The_web_sample_logs_state_changes_and_no_http_client_chatter()
    {
        using var web = ChildProcess.StartSample("AspNetCore", "--urls", "http://127.0.0.1:0");
        var listening = await web.WaitForLineAsync(l => l.Contains("Now listening on: "), "Now listening on");
        using var http = new HttpClient { BaseAddress = new Uri(ListeningOn().Match(listening).Groups[1].Value) };

        var created = await (await http.PostAsJsonAsync("/images", new { prompt = "a fox" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var done = await http.GetAsync($"/images/{id}/result?timeoutSeconds=60");
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        await web.WaitForLineAsync(l => l.Contains($"Generation {id} is completed"), "the completed state");
        web.Signal(PosixSignalNumber.Terminate);
        await web.WaitForExitAsync();

        AssertOnlyUsefulLines(web);
    }

    private static void AssertOnlyUsefulLines(ChildProcess sample)
    {
        Assert.DoesNotContain(sample.Lines, l => l.Contains("System.Net.Http.HttpClient"));
        Assert.Contains(sample.Lines, l => l.Contains("LumaAgents[21]") && l.Contains("is completed"));
        Assert.Contains(sample.Lines, l => l.Contains("using the built-in simulator"));
    }

    [GeneratedRegex(@"Now listening on: (\S+)")]
    private static partial Regex ListeningOn();
}
