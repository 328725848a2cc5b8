using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// <c>GET /v1/files?cursor&amp;limit&amp;purpose&amp;state</c>: the caller's files, newest first, in keyset pages. The
/// opaque cursor holds the last item's key (creation time and sequence), so files created or deleted between pages
/// neither repeat nor skip items. Deleted and expired files are listed only when <c>state=deleted</c> asks for them.
/// </summary>
internal sealed class ListFilesHandler(FileIngest ingest) : IRouteHandler
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;
    private const string CursorPrefix = "fc1.";

    public ValueTask<SimulatedResponse> HandleAsync(RouteRequest request) => ValueTask.FromResult(Handle(request));

    private SimulatedResponse Handle(RouteRequest request)
    {
        IQueryCollection query = request.Http.Query;
        var problems = new List<string>();
        int limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit))
            {
                problems.Add("limit: Input should be a valid integer");
            }
            else if (limit is < 1 or > MaxLimit)
            {
                problems.Add($"limit: Input should be between 1 and {MaxLimit}");
            }
        }

        string? purpose = query.TryGetValue("purpose", out var purposeText) ? purposeText.ToString() : null;
        if (purpose is not (null or "input" or "reference"))
        {
            problems.Add("purpose: Input should be 'input' or 'reference'");
        }

        string? state = query.TryGetValue("state", out var stateText) ? stateText.ToString() : null;
        if (state is not (null or "pending" or "ready" or "failed" or "deleted"))
        {
            problems.Add("state: Input should be 'pending', 'ready', 'failed' or 'deleted'");
        }

        (long Ticks, long Sequence)? after = null;
        if (query.TryGetValue("cursor", out var cursorText) && cursorText.ToString().Length > 0)
        {
            after = ParseCursor(cursorText.ToString());
            if (after is null)
            {
                problems.Add("cursor: Invalid cursor");
            }
        }

        if (problems.Count > 0)
        {
            return SimulatedResponse.Detail(400, string.Join("; ", problems));
        }

        DateTimeOffset now = request.Now;
        lock (ingest.Store.Gate)
        {
            List<StoredFile> matching = ingest.Store.All()
                .Where(f => f.ApiKey == request.ApiKey)
                .Where(f => purpose is null || f.Purpose == purpose)
                .Where(f => state is null ? f.GoneAt(now) is null : f.StateAt(now) == state)
                .OrderByDescending(f => f.CreatedAt.UtcTicks).ThenByDescending(f => f.Sequence)
                .Where(f => after is not { } key || f.CreatedAt.UtcTicks < key.Ticks || (f.CreatedAt.UtcTicks == key.Ticks && f.Sequence < key.Sequence))
                .Take(limit + 1)
                .ToList();
            bool hasMore = matching.Count > limit;
            List<StoredFile> page = matching.Take(limit).ToList();
            string? next = hasMore ? Cursor(page[^1]) : null;
            return SimulatedResponse.Json(200, FileJson.List(page, hasMore, next, now));
        }
    }

    private static string Cursor(StoredFile last) =>
        CursorPrefix + Base64UrlEncode(string.Create(CultureInfo.InvariantCulture, $"{last.CreatedAt.UtcTicks}:{last.Sequence}"));

    private static (long, long)? ParseCursor(string cursor)
    {
        if (!cursor.StartsWith(CursorPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            string text = Encoding.ASCII.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(cursor[CursorPrefix.Length..]));
            string[] parts = text.Split(':');
            return parts.Length == 2 &&
                   long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks) &&
                   long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long sequence)
                ? (ticks, sequence)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Base64UrlEncode(string text) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(Encoding.ASCII.GetBytes(text));
}
