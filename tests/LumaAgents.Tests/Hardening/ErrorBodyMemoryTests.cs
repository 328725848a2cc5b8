using System.Net;
using LumaAgents.Testing;
using LumaAgents.Tests.Hosting;
using LumaAgents.Tests.Support;
using Xunit.Abstractions;

namespace LumaAgents.Tests.Hardening;

/// <summary>Error bodies nobody keeps are read under a cap. Allocation counters are process-wide: runs apart.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ErrorBodyMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_50_mb_error_page_costs_under_5_mb_on_every_attempt_and_keeps_its_excerpt()
    {
        const long size = 50L * 1024 * 1024;
        var bodies = new List<GeneratedContent>();
        var handler = new ScriptedHandler((_, _, _) =>
        {
            var body = new GeneratedContent(size);
            lock (bodies)
            {
                bodies.Add(body);
            }

            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = body };
            response.Headers.TryAddWithoutValidation("Retry-After", "1");
            return Task.FromResult(response);
        });
        var time = new ManualTimeProvider();
        using var client = TestClients.WithHandler(handler, o =>
        {
            o.TimeProvider = time;
            o.Retry.MaxRetries = 2;
        });
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<LumaServerException>(() => time.RunUntilCompleteAsync(client.Generations.GetAsync("g1")));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"{allocated / 1024.0:0} KB allocated for three 50 MB error bodies; {bodies.Sum(b => b.BytesRead) / 1024} KB of them read");
        Assert.Equal(3, handler.Sent);
        Assert.True(allocated < 5 * 1024 * 1024, $"allocated {allocated / 1024} KB");
        Assert.All(bodies, b => Assert.True(b.BytesRead <= ErrorBodies.MaxBytes, $"read {b.BytesRead} bytes of one body"));
        Assert.StartsWith("xxxx", error.ResponseBody);
        Assert.True(error.ResponseBody!.Length <= 4096 + 20);
    }
}
