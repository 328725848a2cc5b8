using System.Net;
using LumaAgents.ContractTests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LumaAgents.ContractTests;

/// <summary>
/// POST /generations and GET /generations/{id} (reference §1–§3), and the download of outputs from their presigned
/// URLs: the SDK sends exactly what the reference documents and parses what it answers. The reference has no list,
/// cancel or delete of generations (§1 "Not there"), so there are none here.
/// </summary>
public sealed class GenerationsContractTests : ContractTest
{
    private const string Id = "9f3c2a1e-5b7d-4c8e-a1f2-3b4c5d6e7f80";

    private static string Queued(string model = "uni-1", string type = "image") => $$"""
        {"id":"{{Id}}","created_at":"2026-04-08T12:00:00Z","model":"{{model}}","type":"{{type}}","state":"queued",
         "failure_code":null,"failure_reason":null,"output":[]}
        """;

    [Fact]
    public async Task Create_posts_the_documented_image_body_and_parses_the_queued_generation_and_its_headers()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(60).ToUnixTimeSeconds();
        Server.Given(ApiJson("POST", "/generations", """
                {"prompt":"a red fox in fresh snow","model":"uni-1","type":"image","aspect_ratio":"16:9","style":"auto",
                 "output_format":"png","web_search":true,"user_id":"end-user-42"}
                """))
            .RespondWith(Json(201, Queued(), "req-create-1",
                ("X-RateLimit-Limit", "30"), ("X-RateLimit-Remaining", "29"), ("X-RateLimit-Reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var response = await Succeeds(() => Client.Generations.CreateWithResponseAsync(new GenerationRequest
        {
            Prompt = "a red fox in fresh snow",
            Model = GenerationModel.Uni1,
            Type = GenerationType.Image,
            AspectRatio = AspectRatio.Ratio16x9,
            Style = ImageStyle.Auto,
            OutputFormat = OutputFormat.Png,
            WebSearch = true,
            UserId = "end-user-42",
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("req-create-1", response.RequestId);
        Assert.Equal("2026-04-01", response.ApiVersion);
        Assert.Equal(new RateLimitInfo(30, 29, DateTimeOffset.FromUnixTimeSeconds(reset)), response.RateLimit);
        var generation = response.Value;
        Assert.Equal(Id, generation.Id);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 12, 0, 0, TimeSpan.Zero), generation.CreatedAt);
        Assert.Equal(GenerationModel.Uni1, generation.Model);
        Assert.Equal(GenerationType.Image, generation.Type);
        Assert.Equal(GenerationState.Queued, generation.State);
        Assert.False(generation.IsTerminal);
        Assert.Null(generation.FailureCode);
        Assert.Empty(generation.Output);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Create_sends_only_the_fields_that_were_set()
    {
        Server.Given(ApiJson("POST", "/generations", """{"prompt":"a lighthouse at dusk"}"""))
            .RespondWith(Json(201, Queued(), "req-min"));

        var generation = await Succeeds(() => Client.Generations.CreateAsync(new GenerationRequest { Prompt = "a lighthouse at dusk" }));

        Assert.Equal(Id, generation.Id);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Create_image_edit_sends_the_source_url_and_a_file_reference_as_image_refs()
    {
        Server.Given(ApiJson("POST", "/generations", """
                {"prompt":"make it watercolor","model":"uni-1-max","type":"image_edit",
                 "source":{"url":"https://example.com/cat.png"},
                 "image_ref":[{"file_id":"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"},{"generation_id":"11111111-2222-3333-4444-555555555555"}]}
                """))
            .RespondWith(Json(201, Queued("uni-1-max", "image_edit"), "req-edit"));

        var generation = await Succeeds(() => Client.Generations.CreateAsync(new GenerationRequest
        {
            Prompt = "make it watercolor",
            Model = GenerationModel.Uni1Max,
            Type = GenerationType.ImageEdit,
            Source = ImageRef.FromUrl("https://example.com/cat.png"),
            ImageRefs = [ImageRef.FromFileId("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"), ImageRef.FromGeneration("11111111-2222-3333-4444-555555555555")],
        }));

        Assert.Equal(GenerationType.ImageEdit, generation.Type);
        Assert.Equal(GenerationModel.Uni1Max, generation.Model);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Create_video_sends_the_video_options_in_snake_case()
    {
        Server.Given(ApiJson("POST", "/generations", """
                {"prompt":"waves on a rocky shore","model":"ray-3.2","type":"video","aspect_ratio":"16:9",
                 "video":{"duration":"5s","resolution":"1080p","loop":true}}
                """))
            .RespondWith(Json(201, Queued("ray-3.2", "video"), "req-video"));

        var generation = await Succeeds(() => Client.Generations.CreateAsync(new GenerationRequest
        {
            Prompt = "waves on a rocky shore",
            Model = GenerationModel.Ray32,
            Type = GenerationType.Video,
            AspectRatio = AspectRatio.Ratio16x9,
            Video = new VideoOptions { Duration = VideoDuration.Seconds5, Resolution = VideoResolution.Resolution1080p, Loop = true },
        }));

        Assert.Equal(GenerationType.Video, generation.Type);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Get_reads_a_completed_generation_with_its_outputs()
    {
        Server.Given(Api("GET", "/generations/" + Id))
            .RespondWith(Json(200, $$"""
                {"id":"{{Id}}","created_at":"2026-04-08T12:00:00Z","model":"uni-1","type":"image","state":"completed",
                 "failure_code":null,"failure_reason":null,
                 "output":[{"type":"image","url":"https://storage.example.com/out/{{Id}}_0.png?X-Amz-Signature=abc"}]}
                """, "req-get"));

        var response = await Succeeds(() => Client.Generations.GetWithResponseAsync(Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req-get", response.RequestId);
        var generation = response.Value;
        Assert.Equal(GenerationState.Completed, generation.State);
        Assert.True(generation.IsCompleted);
        var output = Assert.Single(generation.Output);
        Assert.Equal(GenerationOutputType.Image, output.Type);
        Assert.Equal(new Uri($"https://storage.example.com/out/{Id}_0.png?X-Amz-Signature=abc"), output.Url);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Get_reads_a_failed_generation_with_its_failure_code_and_reason()
    {
        Server.Given(Api("GET", "/generations/" + Id))
            .RespondWith(Json(200, $$"""
                {"id":"{{Id}}","created_at":"2026-04-08T12:00:00Z","model":"uni-1","type":"image","state":"failed",
                 "failure_code":"content_moderated","failure_reason":"The prompt violated the content rules.","output":[]}
                """, "req-failed"));

        var generation = await Succeeds(() => Client.Generations.GetAsync(Id));

        Assert.True(generation.IsFailed);
        Assert.Equal(FailureCode.ContentModerated, generation.FailureCode);
        Assert.Equal("The prompt violated the content rules.", generation.FailureReason);
        AssertEveryRequestMatched(1);
    }

    [Fact]
    public async Task Get_keeps_states_and_models_it_does_not_know()
    {
        Server.Given(Api("GET", "/generations/" + Id))
            .RespondWith(Json(200, $$"""
                {"id":"{{Id}}","created_at":"2026-04-08T12:00:00Z","model":"uni-2","type":"hologram","state":"dreaming","output":[]}
                """, "req-unknown"));

        var generation = await Succeeds(() => Client.Generations.GetAsync(Id));

        Assert.Equal("dreaming", generation.State.Value);
        Assert.Equal("uni-2", generation.Model.Value);
        Assert.Equal("hologram", generation.Type.Value);
        Assert.False(generation.IsTerminal);
        AssertEveryRequestMatched(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Get_refuses_an_empty_or_dot_id_before_any_request(string id)
    {
        await Assert.ThrowsAsync<LumaValidationException>(() => Client.Generations.GetAsync(id));

        AssertEveryRequestMatched(0);
    }

    [Fact]
    public async Task Custom_headers_go_to_the_api_and_downloads_go_to_storage_without_the_key_or_request_id()
    {
        var outputPath = $"/storage/out/{Id}_0.png";
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4 };
        Server.Given(Api("GET", "/generations/" + Id).WithHeader("X-Proxy-Route", false, new ExactMatcher("blue")))
            .RespondWith(Json(200, $$"""
                {"id":"{{Id}}","created_at":"2026-04-08T12:00:00Z","model":"uni-1","type":"image","state":"completed",
                 "output":[{"type":"image","url":"{{Server.Url}}{{outputPath}}?X-Amz-Signature=abc"}]}
                """, "req-dl"));
        Server.Given(Request.Create().UsingGet().WithPath(outputPath).WithParam("X-Amz-Signature", "abc"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/png").WithBody(png));
        var client = NewClient(o => o.CustomHeaders["X-Proxy-Route"] = "blue");

        var generation = await Succeeds(() => client.Generations.GetAsync(Id));
        using var destination = new MemoryStream();
        await Succeeds(() => client.Generations.DownloadAsync(generation, 0, destination));

        Assert.Equal(png, destination.ToArray());
        var download = Assert.Single(RequestsTo(outputPath));
        Assert.Null(Header(download, "Authorization"));
        Assert.Null(Header(download, "X-Request-Id"));
        Assert.Null(Header(download, "X-Proxy-Route"));
        AssertEveryRequestMatched(2);
    }
}
