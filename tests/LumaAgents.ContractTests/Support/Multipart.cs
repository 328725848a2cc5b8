using System.Text;
using System.Text.RegularExpressions;

namespace LumaAgents.ContractTests.Support;

/// <summary>One part of a <c>multipart/form-data</c> body.</summary>
public sealed record MultipartPart(string? Name, string? FileName, string? ContentType, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}

/// <summary>
/// A small, strict reader of <c>multipart/form-data</c> bodies (RFC 7578), so a stub can demand the exact parts of an
/// inline upload. The boundary is read from the body's first line; null when the body is not multipart at all.
/// </summary>
public static class Multipart
{
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    public static IReadOnlyList<MultipartPart>? Parse(byte[]? body)
    {
        if (body is null || body.Length < 4 || body[0] != '-' || body[1] != '-')
        {
            return null;
        }

        var firstLineEnd = IndexOf(body, CrLf, 0);
        if (firstLineEnd < 0)
        {
            return null;
        }

        var delimiter = Encoding.ASCII.GetBytes("\r\n" + Encoding.ASCII.GetString(body, 0, firstLineEnd));
        var parts = new List<MultipartPart>();
        var position = firstLineEnd + 2;
        while (true)
        {
            var headersEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), position);
            if (headersEnd < 0)
            {
                return null;
            }

            var headers = Encoding.UTF8.GetString(body, position, headersEnd - position)
                .Split("\r\n")
                .Select(line => line.Split(':', 2))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var contentStart = headersEnd + 4;
            var contentEnd = IndexOf(body, delimiter, contentStart);
            if (contentEnd < 0)
            {
                return null;
            }

            headers.TryGetValue("Content-Disposition", out var disposition);
            headers.TryGetValue("Content-Type", out var contentType);
            parts.Add(new MultipartPart(
                Parameter(disposition, "name"),
                Parameter(disposition, "filename"),
                contentType,
                body[contentStart..contentEnd]));

            position = contentEnd + delimiter.Length;
            if (position + 2 <= body.Length && body[position] == '-' && body[position + 1] == '-')
            {
                return parts;
            }

            position += 2; // CRLF after the delimiter
        }
    }

    private static string? Parameter(string? disposition, string name)
    {
        if (disposition is null)
        {
            return null;
        }

        var match = Regex.Match(disposition, @"(?:^|;)\s*" + Regex.Escape(name) + @"=(?:""(?<v>[^""]*)""|(?<v>[^;]*))");
        return match.Success ? match.Groups["v"].Value.Trim() : null;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int start)
        => haystack.AsSpan(start).IndexOf(needle) is var i and >= 0 ? start + i : -1;
}
