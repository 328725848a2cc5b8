namespace LumaAgents;

/// <summary>One problem with a request, at a JSON path such as <c>video.loop</c> or <c>image_ref[2].url</c>.</summary>
/// <param name="Path">Where the problem is, in wire (snake_case) names.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record LumaValidationError(string Path, string Message)
{
    /// <summary>Returns <c>path: message</c>.</summary>
    public override string ToString() => Path + ": " + Message;
}
