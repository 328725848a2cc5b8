using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace LumaAgents.Cli.Http;

/// <summary>
/// <c>--debug</c>: writes every API request and response to standard error: method, URL without its query (a
/// presigned URL's query is a credential), headers with <c>Authorization</c> redacted, and the body truncated.
/// The API key is also scrubbed from everything written, in case a proxy or server echoes it back.
/// </summary>
/// <remarks>
/// Sits in the <see cref="HttpClient"/> the tool hands to the SDK, so it sees each attempt (retries included) as
/// sent, after the SDK's own handlers added the key. Output downloads use the SDK's internal download client and
/// are not dumped (see docs/cli.md, "SDK gaps").
/// </remarks>
internal sealed class DebugLoggingHandler : DelegatingHandler
{
    internal const int MaxBodyChars = 2000;
    private const string Redacted = "[redacted]";

    private readonly TextWriter _log;
    private readonly string? _apiKey;

    public DebugLoggingHandler(TextWriter log, string? apiKey, HttpMessageHandler inner)
        : base(inner)
    {
        _log = log;
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var dump = new StringBuilder();
        // What goes on the wire, not the request object's wishes: the protocol is the one negotiated (shown on the
        // response line; an http:// loopback request is HTTP/1.1 whatever version was asked for), and the handler
        // computes Content-Length and adds Host only as it sends, so both are filled in here first.
        _ = request.Content?.Headers.ContentLength;
        dump.Append("> ").Append(request.Method).Append(' ').Append(Describe(request.RequestUri)).AppendLine();
        if (request.Headers.Host is null && request.RequestUri is { IsAbsoluteUri: true } target)
        {
            dump.Append("> Host: ").AppendLine(target.IsDefaultPort ? target.Host : target.Authority);
        }

        AppendHeaders(dump, "> ", request.Headers, request.Content?.Headers);
        if (request.Content is { } content)
        {
            if (IsText(content.Headers.ContentType))
            {
                // The SDK's JSON request content is a buffered string, so reading it here does not consume it.
                AppendBody(dump, "> ", await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            }
            else
            {
                // A file's bytes (an inline multipart upload): reading them would buffer the whole file and print binary.
                dump.Append("> (").Append(content.Headers.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "streamed")
                    .Append(" bytes of ").Append(content.Headers.ContentType?.MediaType ?? "content").AppendLine(", not shown)");
            }
        }

        Write(dump);
        var watch = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Write(new StringBuilder().Append("< (no response after ").Append(watch.ElapsedMilliseconds).Append(" ms: ")
                .Append(ex.GetType().Name).Append(": ").Append(ex.Message).AppendLine(")"));
            throw;
        }

        dump.Clear();
        dump.Append("< HTTP/").Append(response.Version).Append(' ').Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase)
            .Append(" (").Append(watch.ElapsedMilliseconds).AppendLine(" ms)");
        AppendHeaders(dump, "< ", response.Headers, response.Content.Headers);

        // API answers are small JSON documents: buffering one keeps it readable for the SDK afterwards.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        AppendBody(dump, "< ", await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        Write(dump);
        return response;
    }

    /// <summary>The URL without query or fragment; a presigned query is replaced by a marker.</summary>
    internal static string Describe(Uri? url)
    {
        if (url is null)
        {
            return "(no URL)";
        }

        var left = url.GetLeftPart(UriPartial.Path);
        return string.IsNullOrEmpty(url.Query) ? left : left + "?[query redacted]";
    }

    private static void AppendHeaders(StringBuilder dump, string prefix, HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        foreach (var header in contentHeaders is null ? headers : headers.Concat(contentHeaders))
        {
            var value = IsSecret(header.Key) ? SchemeOnly(header.Value) : string.Join(", ", header.Value);
            dump.Append(prefix).Append(header.Key).Append(": ").AppendLine(value);
        }
    }

    /// <summary>JSON or text (or unlabelled, as the SDK's own JSON bodies never are): safe and useful to print.</summary>
    private static bool IsText(MediaTypeHeaderValue? type)
        => type?.MediaType is not { } media
           || media.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
           || media.Contains("json", StringComparison.OrdinalIgnoreCase)
           || media.Contains("yaml", StringComparison.OrdinalIgnoreCase);

    private static bool IsSecret(string name)
        => name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
           || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
           || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
           || name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>Bearer [redacted]</c>: the scheme helps debugging, the credential never appears.</summary>
    private static string SchemeOnly(IEnumerable<string> values)
    {
        var value = string.Join(", ", values);
        var space = value.IndexOf(' ');
        return space > 0 ? value.Substring(0, space) + " " + Redacted : Redacted;
    }

    private static void AppendBody(StringBuilder dump, string prefix, string body)
    {
        if (body.Length == 0)
        {
            return;
        }

        dump.Append(prefix);
        if (body.Length > MaxBodyChars)
        {
            dump.Append(body, 0, MaxBodyChars).Append("… (").Append(body.Length - MaxBodyChars).Append(" more characters)");
        }
        else
        {
            dump.Append(body);
        }

        dump.AppendLine();
    }

    private void Write(StringBuilder dump)
    {
        var text = dump.ToString();
        if (_apiKey is not null)
        {
            text = text.Replace(_apiKey, Redacted, StringComparison.Ordinal);
        }

        _log.Write(text);
    }
}
