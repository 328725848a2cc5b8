namespace LumaAgents;

/// <summary>Joins text from elsewhere (the server, the OS) into the SDK's messages as whole sentences.</summary>
internal static class Sentences
{
    /// <summary>The text trimmed, with a final period added only when it has no closing punctuation.</summary>
    public static string Close(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed.EndsWith(".", StringComparison.Ordinal) || trimmed.EndsWith("!", StringComparison.Ordinal)
               || trimmed.EndsWith("?", StringComparison.Ordinal)
            ? trimmed
            : trimmed + ".";
    }
}
