using System.Text.Json.Nodes;
using LumaAgents.Testing;

namespace LumaAgents.Cli.Tests.Support;

/// <summary>Reading what reached the simulator.</summary>
internal static class Wire
{
    /// <summary>The body of the only create the server received.</summary>
    public static JsonObject SingleCreateBody(FakeLumaServer server)
    {
        var creates = server.Requests.Where(r => r.RouteKind == RouteKind.Create).ToList();
        Assert.Single(creates);
        return JsonNode.Parse(creates[0].Body)!.AsObject();
    }

    /// <summary>Asserts that every member of <paramref name="expected"/> (recursively) is in <paramref name="actual"/> with the same value.</summary>
    public static void Contains(string expected, JsonNode actual)
    {
        var want = JsonNode.Parse(expected)!;
        Compare(want, actual, "$");
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject wantObject)
        {
            var haveObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
            foreach (var (key, value) in wantObject)
            {
                Assert.True(haveObject.ContainsKey(key), $"{path}.{key} is missing in {actual!.ToJsonString()}");
                Compare(value, haveObject[key], path + "." + key);
            }

            return;
        }

        Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
    }
}
