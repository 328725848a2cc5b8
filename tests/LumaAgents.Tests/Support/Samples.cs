namespace LumaAgents.Tests.Support;

/// <summary>Response bodies shaped like the reference's Generation (§3).</summary>
public static class Samples
{
    public const string GenerationId = "6b3b2a47-52d7-4a3a-9a53-6f1f1f0e8c11";

    public const string Queued = """
        {"id":"6b3b2a47-52d7-4a3a-9a53-6f1f1f0e8c11","created_at":"2026-04-08T12:00:00Z","model":"uni-1","type":"image",
         "state":"queued","failure_code":null,"failure_reason":null,"output":[]}
        """;

    public const string Completed = """
        {"id":"6b3b2a47-52d7-4a3a-9a53-6f1f1f0e8c11","created_at":"2026-04-08T12:00:00Z","model":"uni-1","type":"image",
         "state":"completed","failure_code":null,"failure_reason":null,
         "output":[{"type":"image","url":"https://cdn.example.com/out/0.png?X-Amz-Signature=abc123&X-Amz-Expires=3600"}]}
        """;

    public const string Failed = """
        {"id":"6b3b2a47-52d7-4a3a-9a53-6f1f1f0e8c11","created_at":"2026-04-08T12:00:00Z","model":"ray-3.2","type":"video",
         "state":"failed","failure_code":"content_moderated","failure_reason":"The prompt violated content rules.","output":[]}
        """;
}
