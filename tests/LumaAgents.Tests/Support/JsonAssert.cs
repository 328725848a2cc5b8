using System.Text.Json.Nodes;

namespace LumaAgents.Tests.Support;

public static class JsonAssert
{
    /// <summary>Asserts two JSON documents are equal, property order aside.</summary>
    public static void Equivalent(string expected, string actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(e, a), $"JSON differs.\nExpected: {e?.ToJsonString()}\nActual:   {a?.ToJsonString()}");
    }

    /// <summary>
    /// Asserts a generation written back says what the JSON it was read from said, no more and no less: equal once its
    /// own members that were JSON null are set aside (they read as unset, and unset members are not written). Raw
    /// members kept in AdditionalProperties must come back exactly, nulls inside them included.
    /// </summary>
    public static void RoundTrips(string original, string written)
    {
        var e = JsonNode.Parse(original)!.AsObject();
        foreach (var name in e.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            e.Remove(name);
        }

        var a = JsonNode.Parse(written);
        Assert.True(JsonNode.DeepEquals(e, a), $"The round trip changed the JSON.\nRead:    {e.ToJsonString()}\nWritten: {a?.ToJsonString()}");
    }
}
