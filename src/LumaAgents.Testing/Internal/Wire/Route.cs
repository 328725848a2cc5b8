namespace LumaAgents.Testing.Internal;

/// <summary>What a method and path address. Parsed by hand: three routes do not need the routing middleware.</summary>
internal readonly record struct Route(RouteKind Kind, string? Id = null, string? File = null, string? Allow = null)
{
    private const string Generations = "/v1/generations";
    private const string Outputs = "/outputs/";

    /// <summary>A known path used with the wrong method (405).</summary>
    public bool IsWrongMethod => Allow is not null;

    public static Route Parse(string method, string path)
    {
        if (path == Generations)
        {
            return HttpMethodsEqual(method, "POST") ? new Route(RouteKind.Create) : new Route(RouteKind.Other, Allow: "POST");
        }

        if (path.StartsWith(Generations + "/", StringComparison.Ordinal))
        {
            string id = path[(Generations.Length + 1)..];
            if (id.Length == 0 || id.Contains('/'))
            {
                return new Route(RouteKind.Other);
            }

            return HttpMethodsEqual(method, "GET") ? new Route(RouteKind.Get, id) : new Route(RouteKind.Other, Allow: "GET");
        }

        if (path.StartsWith(Outputs, StringComparison.Ordinal) && (HttpMethodsEqual(method, "GET") || HttpMethodsEqual(method, "HEAD")))
        {
            string rest = path[Outputs.Length..];
            int slash = rest.IndexOf('/');
            if (slash > 0 && slash < rest.Length - 1 && rest.IndexOf('/', slash + 1) < 0)
            {
                return new Route(RouteKind.Download, rest[..slash], rest[(slash + 1)..]);
            }
        }

        return new Route(RouteKind.Other);
    }

    private static bool HttpMethodsEqual(string method, string expected) => string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);
}
