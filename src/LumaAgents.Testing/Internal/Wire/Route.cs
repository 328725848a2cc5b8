namespace LumaAgents.Testing.Internal;

/// <summary>What a method and path address. Parsed by hand: a handful of routes do not need the routing middleware.</summary>
internal readonly record struct Route(RouteKind Kind, string? Id = null, string? File = null, string? Allow = null)
{
    private const string Generations = "/v1/generations";
    private const string Files = "/v1/files";
    private const string Outputs = "/outputs/";
    private const string Uploads = "/uploads/";
    private const string Complete = "/complete";

    /// <summary>A known path used with the wrong method (405).</summary>
    public bool IsWrongMethod => Allow is not null;

    /// <summary>Routes of the storage host (presigned URLs): no API key, no API headers, S3-style errors.</summary>
    public bool IsStorage => Kind is RouteKind.Download or RouteKind.Upload;

    public static Route Parse(string method, string path)
    {
        if (path == Generations)
        {
            return Is(method, "POST") ? new Route(RouteKind.Create) : new Route(RouteKind.Other, Allow: "POST");
        }

        if (Segment(path, Generations) is { } generationId)
        {
            return Is(method, "GET") ? new Route(RouteKind.Get, generationId) : new Route(RouteKind.Other, Allow: "GET");
        }

        if (path == Files)
        {
            return Is(method, "POST") ? new Route(RouteKind.CreateFile) : Is(method, "GET") ? new Route(RouteKind.ListFiles) : new Route(RouteKind.Other, Allow: "GET, POST");
        }

        if (path.EndsWith(Complete, StringComparison.Ordinal) && Segment(path[..^Complete.Length], Files) is { } completedId)
        {
            return Is(method, "POST") ? new Route(RouteKind.CompleteFile, completedId) : new Route(RouteKind.Other, Allow: "POST");
        }

        if (Segment(path, Files) is { } fileId)
        {
            return Is(method, "GET") ? new Route(RouteKind.GetFile, fileId) : Is(method, "DELETE") ? new Route(RouteKind.DeleteFile, fileId) : new Route(RouteKind.Other, Allow: "GET, DELETE");
        }

        if (path.StartsWith(Outputs, StringComparison.Ordinal) && (Is(method, "GET") || Is(method, "HEAD")))
        {
            string rest = path[Outputs.Length..];
            int slash = rest.IndexOf('/');
            if (slash > 0 && slash < rest.Length - 1 && rest.IndexOf('/', slash + 1) < 0)
            {
                return new Route(RouteKind.Download, rest[..slash], rest[(slash + 1)..]);
            }
        }

        if (Is(method, "PUT") && Segment(path, Uploads.TrimEnd('/')) is { } uploadId)
        {
            return new Route(RouteKind.Upload, uploadId);
        }

        return new Route(RouteKind.Other);
    }

    /// <summary>The one non-empty segment after <paramref name="prefix"/>/, or <see langword="null"/>.</summary>
    private static string? Segment(string path, string prefix)
    {
        if (!path.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            return null;
        }

        string id = path[(prefix.Length + 1)..];
        return id.Length == 0 || id.Contains('/') ? null : id;
    }

    private static bool Is(string method, string expected) => string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);
}
