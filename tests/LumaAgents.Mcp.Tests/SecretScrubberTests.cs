using LumaAgents.Mcp.Safety;

namespace LumaAgents.Mcp.Tests;

public sealed class SecretScrubberTests
{
    [Fact]
    public void Every_known_key_is_redacted_as_typed_and_as_escaped_in_JSON()
    {
        var scrubber = new SecretScrubber("luma-api-one", null, " luma-api-two<x> ");

        var text = scrubber.Scrub("a luma-api-one b luma-api-two<x> c luma-api-two\\u003Cx\\u003E d");

        Assert.Equal("a [redacted] b [redacted] c [redacted] d", text);
    }

    [Fact]
    public void Logs_lose_the_query_string_of_every_URL_also_inside_escaped_JSON()
    {
        var scrubber = new SecretScrubber();

        var line = scrubber.ScrubForLog("GET https://s3.example/o/1.png?X-Amz-Signature=abc then \\u0022http://127.0.0.1:9/o.png?sig=1\\u0026b=2\\u0022, done");

        Assert.DoesNotContain("abc", line);
        Assert.DoesNotContain("sig=1", line);
        Assert.Contains("https://s3.example/o/1.png?[redacted]", line);
        Assert.Contains("http://127.0.0.1:9/o.png?[redacted]", line);
    }

    [Fact]
    public void Results_keep_URLs_whole_because_agents_need_them()
        => Assert.Equal("https://s3.example/o.png?sig=1", new SecretScrubber("k").Scrub("https://s3.example/o.png?sig=1"));
}
