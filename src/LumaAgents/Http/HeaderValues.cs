using System.Net.Http.Headers;

namespace LumaAgents;

/// <summary>Tolerant single-value header reads.</summary>
internal static class HeaderValues
{
    public static string? First(HttpHeaders headers, string name)
    {
#if NET5_0_OR_GREATER
        // Reads the raw value without validating or allocating an enumerable: same result, no garbage.
        if (!headers.NonValidated.TryGetValues(name, out var raw))
        {
            return null;
        }

        foreach (var value in raw)
        {
            return value;
        }

        return null;
#else
        if (!headers.TryGetValues(name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            return value;
        }

        return null;
#endif
    }
}
