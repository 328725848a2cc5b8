using System.Text.Json.Nodes;
using LumaAgents.Mcp.Schema;
using static LumaAgents.Mcp.Schema.JsonSchema;

namespace LumaAgents.Mcp.Tests;

public sealed class SchemaCheckerTests
{
    private static readonly JsonObject Schema = Object(
        null,
        ("name", String("n")),
        ("count", Integer("c", 1, 10)),
        ("tags", Array(String("t"), "tags", maxItems: 2)),
        ("kind", Enum(["a", "b"], "k")),
        ("inner", Object("i", ("flag", Boolean("f"))).Require("flag")),
        ("maybe", OrNull(String("m"))))
        .Require("name");

    [Fact]
    public void A_valid_value_has_no_problems()
        => Assert.Empty(SchemaChecker.Check(JsonNode.Parse("""{"name":"x","count":3,"tags":["a"],"inner":{"flag":true},"maybe":null}"""), Schema));

    [Fact]
    public void Each_problem_is_reported_with_its_path()
    {
        var problems = SchemaChecker.Check(
            JsonNode.Parse("""{"count":2.5,"tags":["a",1,"c"],"inner":{"flg":true},"extra":1}"""), Schema).ToDictionary(p => p.Path, p => p.Message);

        Assert.Contains("integer", problems["count"]);
        Assert.Contains("at most 2", problems["tags"]);
        Assert.Contains("a string", problems["tags[1]"]);
        Assert.Contains("not a known argument", problems["inner.flg"]);
        Assert.Contains("is required", problems["inner.flag"]);
        Assert.Contains("name, count, tags", problems["extra"]);
        Assert.Contains("is required", problems["name"]);
    }

    [Fact]
    public void Numbers_outside_the_range_are_refused()
    {
        Assert.Contains("smallest allowed is 1", Assert.Single(SchemaChecker.Check(JsonNode.Parse("""{"name":"x","count":0}"""), Schema)).Message);
        Assert.Contains("largest allowed is 10", Assert.Single(SchemaChecker.Check(JsonNode.Parse("""{"name":"x","count":11}"""), Schema)).Message);
    }

    [Fact]
    public void Null_counts_as_absent_so_an_optional_argument_may_be_null_and_a_required_one_may_not()
    {
        Assert.Empty(SchemaChecker.Check(JsonNode.Parse("""{"name":"x","count":null,"inner":null}"""), Schema));
        Assert.Equal("is required", Assert.Single(SchemaChecker.Check(JsonNode.Parse("""{"name":null}"""), Schema)).Message);
    }

    [Fact]
    public void Enum_values_the_SDK_does_not_know_pass_through_to_the_API()
        => Assert.Empty(SchemaChecker.Check(JsonNode.Parse("""{"name":"x","kind":"c"}"""), Schema));
}
