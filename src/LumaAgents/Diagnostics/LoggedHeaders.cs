using System.Net.Http.Headers;
using System.Text;

namespace LumaAgents.Diagnostics;

/// <summary>The response headers that may appear in logs: an allow-list, so no credential can slip in.</summary>
internal static class LoggedHeaders
{
    private static readonly string[] Allowed =
    [
        "X-Request-Id", "X-API-Version", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
        "Retry-After", "retry-after-ms", "x-should-retry",
    ];

    public static string Describe(HttpResponseHeaders? headers)
    {
        if (headers is null)
        {
            return "no headers kept";
        }

        var text = new StringBuilder();
        foreach (var name in Allowed)
        {
            if (HeaderValues.First(headers, name) is { } value)
            {
                if (text.Length > 0)
                {
                    text.Append(", ");
                }

                text.Append(name).Append(": ").Append(value);
            }
        }

        return text.Length == 0 ? "no notable headers" : text.ToString();
    }
}
