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
}
