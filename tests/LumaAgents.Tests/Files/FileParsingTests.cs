using System.Text.Json;
using LumaAgents.Serialization;

namespace LumaAgents.Tests.Files;

/// <summary>A file as the API or a proxy sends it reads tolerantly, like a generation, and is written back as it came.</summary>
public sealed class FileParsingTests
{
    [Fact]
    public void Odd_fields_are_kept_raw_instead_of_losing_the_file()
    {
        const string json = """
            {"id":"f1","created_at":"2026-04-08 12:00:00","mime_type":"image/png","purpose":null,"size_bytes":"1024",
             "state":"scanning","expires_at":17,"filename":"cat.png","shiny":true}
            """;

        var file = JsonSerializer.Deserialize(json, LumaJsonContext.Default.LumaFile)!;

        Assert.Equal("f1", file.Id);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 12, 0, 0, TimeSpan.Zero), file.CreatedAt);
        Assert.Equal(default, file.Purpose);
        Assert.Equal(0, file.SizeBytes);
        Assert.Equal("1024", file.AdditionalProperties!["size_bytes"].GetString());
        Assert.Equal("scanning", file.State.Value);
        Assert.False(file.State.IsKnown);
        Assert.Null(file.ExpiresAt);
        Assert.Equal(17, file.AdditionalProperties["expires_at"].GetInt32());
        Assert.True(file.AdditionalProperties["shiny"].GetBoolean());
    }

    [Fact]
    public void A_round_trip_writes_nothing_that_was_not_there()
    {
        var file = JsonSerializer.Deserialize("""{"id":"f1","state":"ready"}""", LumaJsonContext.Default.LumaFile)!;

        var written = JsonSerializer.Serialize(file, LumaJsonContext.Default.LumaFile);

        Assert.Equal("""{"id":"f1","state":"ready"}""", written);
    }

    [Fact]
    public void A_file_inside_a_create_response_and_a_page_reads_the_same_way()
    {
        var upload = JsonSerializer.Deserialize("""{"id":"f1","state":"pending","file":{"id":"f1","state":"pending","size_bytes":5,"x":1},"upload":null}""", LumaJsonContext.Default.FileUpload)!;
        var page = JsonSerializer.Deserialize("""{"data":[{"id":"a","size_bytes":7},{"id":"b","state":null}],"has_more":false,"next_cursor":null}""", LumaJsonContext.Default.FileListPage)!;

        Assert.Equal(5, upload.File.SizeBytes);
        Assert.True(upload.File.AdditionalProperties!.ContainsKey("x"));
        Assert.Equal(["a", "b"], page.Data.Select(f => f.Id));
        Assert.Equal(7, page.Data[0].SizeBytes);
    }
}
