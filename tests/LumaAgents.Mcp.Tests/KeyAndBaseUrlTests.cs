using System.Text.Json.Nodes;
using LumaAgents.Mcp.Tests.Support;
using LumaAgents.Testing;

namespace LumaAgents.Mcp.Tests;

/// <summary>
/// <c>luma-mcp</c> configured as for the real API (a key and a base URL from the environment or flags), pointed at a
/// simulator the test runs, with everything the process writes kept and scanned.
/// </summary>
public sealed class KeyAndBaseUrlTests
{
    [Fact]
    public async Task Every_tool_works_against_a_key_and_base_URL_and_the_key_appears_in_no_output()
    {
        var key = "luma-api-secret-" + Guid.NewGuid().ToString("N");

        // A simulator clock in the past: jobs are done at once and the server's first poll is not held back.
        await using var simulator = await FakeLumaServer.StartAsync(new FakeLumaServerOptions
        {
            ApiKeys = [key],
            QueuedFor = TimeSpan.Zero,
            ProcessingFor = TimeSpan.Zero,
            FileReadyAfter = TimeSpan.Zero,
            TimeProvider = new ManualTimeProvider(),
        });
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        folder.WriteFile("in.png", Args.Png);
        var session = await RawStdioSession.StartAsync(
            ["--allow-dir", folder.Path, "--log-level", "trace"],
            folder.Path,
            new Dictionary<string, string?> { [LumaClientOptions.ApiKeyEnvironmentVariable] = key, [LumaClientOptions.BaseUrlEnvironmentVariable] = simulator.BaseUrl.ToString() });
        var progress = new ProgressLog(session.Client);

        var created = Results.Structured(await session.CallAsync("create_generation", Args.Of(("prompt", "a harbour"), ("image_ref", new object[] { new { path = "in.png" } }))));
        var id = created.Get("id");
        Assert.True(created["billed"]!.GetValue<bool>());
        Assert.Null(created["simulated"]);
        Assert.Equal("completed", Results.Structured(await session.CallAsync("get_generation", Args.Of(("generation_id", id)))).Get("state"));
        Assert.Equal("completed", Results.Structured(await session.CallAsync("wait_for_generation", Args.Of(("generation_id", id)), progress.Token)).Get("state"));
        var saved = Results.Structured(await session.CallAsync("download_outputs", Args.Of(("generation_id", id))));
        Assert.True(File.Exists(saved["files"]![0]!["path"]!.GetValue<string>()));
        var generated = Results.Structured(await session.CallAsync("generate", Args.Of(("prompt", "a pier"), ("directory", "out")), progress.Token));
        Assert.True(File.Exists(generated["files"]![0]!["path"]!.GetValue<string>()));
        Assert.Equal("not_found", Results.Kind(await session.CallAsync("get_generation", Args.Of(("generation_id", Guid.NewGuid().ToString())))));
        var file = Results.Structured(await session.CallAsync("upload_file", Args.Of(("path", "in.png")), progress.Token)).Get("id");
        Assert.Equal(file, Results.Structured(await session.CallAsync("get_file", Args.Of(("file_id", file)))).Get("id"));
        Assert.Contains(file, Results.Text(await session.CallAsync("list_files", Args.Of(("state", "ready")))));
        Assert.True(Results.Structured(await session.CallAsync("delete_file", Args.Of(("file_id", file))))["deleted"]!.GetValue<bool>());
        Assert.Equal("not_found", Results.Kind(await session.CallAsync("get_file", Args.Of(("file_id", Guid.NewGuid().ToString())))));
        Assert.Equal("invalid_arguments", Results.Kind(await session.CallAsync("upload_file", Args.Of(("path", outside.Path)))));
        Assert.Equal("invalid_arguments", Results.Kind(await session.CallAsync("create_generation", Args.Of(("prompt", "x"), ("source", new { path = outside.Path })))));
        Assert.Equal("invalid_arguments", Results.Kind(await session.CallAsync("download_outputs", Args.Of(("generation_id", id), ("directory", outside.Path)))));
        await progress.DisposeAsync();
        await session.DisposeAsync();

        Assert.Equal(0, session.ExitCode);
        Assert.DoesNotContain(key, session.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(key, session.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz-Signature", session.StandardError, StringComparison.Ordinal);
        Assert.Contains($"Created generation {id}", session.StandardError);

        // The key went to the API as the Authorization header, and only there: never to the storage host.
        Assert.All(simulator.Requests.Where(r => r.RouteKind is not (RouteKind.Download or RouteKind.Upload)), r => Assert.Equal("Bearer " + key, r.Headers["Authorization"]));
        Assert.All(simulator.Requests.Where(r => r.RouteKind is RouteKind.Download or RouteKind.Upload), r => Assert.False(r.HasAuthorization));
        Assert.Single(simulator.Requests, r => r.RouteKind == RouteKind.CreateFile);
        Assert.Equal(2, simulator.Requests.Count(r => r.RouteKind == RouteKind.Create));

        AssertStdoutIsOnlyProtocol(session.StandardOutput);
        AssertProgressPrecedesEachResult(session.StandardInput, session.StandardOutput);
    }

    [Fact]
    public async Task A_refused_key_from_the_flag_is_an_authentication_error_and_is_not_echoed()
    {
        var wrong = "luma-api-wrong-" + Guid.NewGuid().ToString("N");
        await using var simulator = await FakeLumaServer.StartAsync();
        using var folder = new TempFolder();
        var session = await RawStdioSession.StartAsync(
            ["--api-key", wrong, "--base-url", simulator.BaseUrl.ToString(), "--log-level", "trace"],
            folder.Path,
            new Dictionary<string, string?>());

        var result = await session.CallAsync("create_generation", Args.Of(("prompt", "a bell")));

        var error = Results.Error(result);
        Assert.Equal("authentication_failed", error.Get("kind"));
        Assert.Equal(401, error["status"]!.GetValue<int>());
        Assert.Contains(LumaClientOptions.ApiKeyEnvironmentVariable, error.Get("what_to_do"));
        await session.DisposeAsync();
        Assert.DoesNotContain(wrong, session.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, session.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_the_server_starts_and_every_tool_says_how_to_configure_it()
    {
        using var folder = new TempFolder();
        await using var server = await StdioServer.StartAsync([], folder.Path);

        folder.WriteFile("in.png", Args.Png);

        Assert.Equal(9, server.Tools.Count);
        foreach (var (tool, arguments) in new[]
        {
            ("create_generation", Args.Of(("prompt", "a tree"))),
            ("get_generation", Args.Of(("generation_id", Guid.NewGuid().ToString()))),
            ("generate", Args.Of(("prompt", "a tree"))),
            ("upload_file", Args.Of(("path", "in.png"))),
            ("list_files", Args.Of()),
            ("delete_file", Args.Of(("file_id", Guid.NewGuid().ToString()))),
        })
        {
            var error = Results.Error(await server.Client.CallToolAsync(tool, arguments));
            Assert.Equal("configuration", error.Get("kind"));
            Assert.Contains(LumaClientOptions.ApiKeyEnvironmentVariable, error.Get("what_to_do"));
            Assert.Contains("--simulator", error.Get("what_to_do"));
        }

        Assert.Contains("No usable Luma configuration", server.StandardError);
    }

    private static void AssertStdoutIsOnlyProtocol(string stdout)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal("2.0", JsonNode.Parse(line)!["jsonrpc"]!.GetValue<string>()));
    }

    /// <summary>On the wire, every progress notification of a call comes before that call's result.</summary>
    private static void AssertProgressPrecedesEachResult(string stdin, string stdout)
    {
        var tokens = new Dictionary<string, string>();
        foreach (var line in stdin.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!))
        {
            if (line["method"]?.GetValue<string>() == "tools/call" && line["params"]?["_meta"]?["progressToken"] is { } token)
            {
                tokens[token.ToJsonString()] = line["id"]!.ToJsonString();
            }
        }

        Assert.Equal(3, tokens.Count);
        var messages = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        foreach (var (token, requestId) in tokens)
        {
            var result = messages.FindIndex(m => m["id"]?.ToJsonString() == requestId && m["result"] is not null);
            var notifications = messages.Select((m, i) => (m, i))
                .Where(x => x.m["method"]?.GetValue<string>() == "notifications/progress" && x.m["params"]!["progressToken"]!.ToJsonString() == token)
                .Select(x => x.i)
                .ToList();
            Assert.True(result >= 0);
            Assert.NotEmpty(notifications);
            Assert.All(notifications, i => Assert.True(i < result, "A progress notification came after its result."));
        }
    }
}
