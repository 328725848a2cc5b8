namespace LumaAgents;

/// <summary>
/// The documented limits of <c>POST /generations</c> (the API reference, §2), in one place: the validator, the CLI's
/// help and messages, and the MCP server's tool descriptions all quote these.
/// </summary>
public static class GenerationLimits
{
    /// <summary>The longest prompt, in characters (Unicode code points): 6000.</summary>
    public const int MaxPromptLength = 6000;

    /// <summary>The longest prompt of a <c>layering</c> generation, where the prompt is optional: 500.</summary>
    public const int MaxLayeringPromptLength = 500;

    /// <summary>The longest <c>user_id</c>, in characters: 256.</summary>
    public const int MaxUserIdLength = 256;

    /// <summary>The most <c>image_ref</c> entries of an <c>image</c> generation (and of the other types that take them): 9.</summary>
    public const int MaxImageRefs = 9;

    /// <summary>The most <c>image_ref</c> entries of an <c>image_edit</c> generation: 8.</summary>
    public const int MaxImageRefsForImageEdit = 8;

    /// <summary>The most keyframes of a video or a video edit: 64.</summary>
    public const int MaxKeyframes = 64;

    /// <summary>The largest image input, decoded: 50 MB (50 × 1024 × 1024 bytes).</summary>
    public const long MaxImageBytes = 50L * 1024 * 1024;

    /// <summary>The largest video source: 200 MB (200 × 1024 × 1024 bytes).</summary>
    public const long MaxVideoBytes = 200L * 1024 * 1024;
}
