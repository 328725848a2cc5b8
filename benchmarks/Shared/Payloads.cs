using System.Text;

namespace LumaAgents.Benchmarks;

/// <summary>
/// The requests and response bodies every benchmark uses, shaped like real traffic: a video edit that sets every
/// control, a typical image request, and generations as the API returns them (presigned output URL included).
/// </summary>
internal static class Payloads
{
    public const string GenerationId = "6b3b2a47-52d7-4a3a-9a53-6f1f1f0e8c11";

    public static GenerationRequest VideoEditRequest { get; } = GenerationRequest.CreateVideoEdit(
        "turn the street scene into claymation, keep the camera move",
        ImageRef.FromUrl("https://cdn.example.com/uploads/clip-2026-04-08.mp4", "video/mp4"),
        EveryEditControl()) with
    {
        UserId = "customer-42",
    };

    public static GenerationRequest ImageRequest { get; } = GenerationRequest.CreateImage(
        "a red fox in fresh snow, golden hour, shallow depth of field", AspectRatio.Ratio16x9, GenerationModel.Uni1) with
    {
        Style = ImageStyle.Auto,
        OutputFormat = OutputFormat.Png,
        ImageRefs = [ImageRef.FromUrl("https://cdn.example.com/uploads/fox-reference.jpg")],
        UserId = "customer-42",
    };

    /// <summary>What <c>POST /generations</c> answers (201).</summary>
    public static byte[] QueuedBody { get; } = Encoding.UTF8.GetBytes(
        """{"id":"6b3b2a47-52d7-4a3a-9a53-6f1f1f0e8c11","created_at":"2026-04-08T12:00:00.123Z","model":"uni-1","type":"image","state":"queued","failure_code":null,"failure_reason":null,"output":[]}""");

    /// <summary>What <c>GET /generations/{id}</c> answers once the image is done (200).</summary>
    public static byte[] CompletedBody { get; } = Encoding.UTF8.GetBytes(
        """{"id":"6b3b2a47-52d7-4a3a-9a53-6f1f1f0e8c11","created_at":"2026-04-08T12:00:00.123Z","model":"uni-1","type":"image","state":"completed","failure_code":null,"failure_reason":null,"output":[{"type":"image","url":"https://storage.example.com/generations/6b3b2a47-52d7-4a3a-9a53-6f1f1f0e8c11/0.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20260408%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260408T120012Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=3f1c2a9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3"}]}""");

    /// <summary>A video that failed moderation (200).</summary>
    public static byte[] FailedBody { get; } = Encoding.UTF8.GetBytes(
        """{"id":"0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f","created_at":"2026-04-08T12:00:00.123Z","model":"ray-3.2","type":"video","state":"failed","failure_code":"content_moderated","failure_reason":"The prompt violated content rules.","output":[]}""");

    private static VideoEditOptions EveryEditControl() => new()
    {
        Strength = VideoEditStrength.Flex2,
        AutoControls = false,
        Controls = new AdvancedControls
        {
            Pose = new PoseControl { Enabled = true, Strength = PoseControlStrength.Precise },
            Depth = new DepthControl { Enabled = true, Blur = 0.25 },
            Normals = new NormalsControl { Enabled = false, Augmentation = 0.5 },
            Trajectory = new TrajectoryControl { Enabled = true, Sparsity = 1 },
            Face = new FaceControl { Enabled = true },
        },
        Keyframes = [ImageRef.FromUrl("https://cdn.example.com/uploads/style-a.png"), ImageRef.FromGeneration(GenerationId)],
        KeyframeIndexes = [0, 48],
    };
}
