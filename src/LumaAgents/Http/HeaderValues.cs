using System.Net.Http.Headers;

namespace LumaAgents;

/// <summary>Tolerant single-value header reads.</summary>
internal static class HeaderValues
{
    public static string? First(HttpHeaders headers, string name)
    {
        if (!headers.TryGetValues(name, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            return value;
        }

        return null;
    }
}
