namespace LumaAgents.Benchmarks.Wire;

/// <summary>The command line: a mode, then <c>--name value</c> pairs.</summary>
internal sealed class WireArguments
{
    private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);

    public string Mode { get; private init; } = "";

    public string? Positional { get; private set; }

    public string Client => Required("client") is "sdk" or "baseline" ? Required("client") : throw new ArgumentException("--client is sdk or baseline.");

    public Uri BaseUrl => new(Required("base-url"));

    public string ApiKey => Optional("api-key") ?? "wire-benchmark-key";

    public string? Optional(string name) => _named.TryGetValue(name, out var value) ? value : null;

    public string Required(string name) => Optional(name) ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => Optional(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Optional(name) is { } text ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public static WireArguments Parse(string[] args)
    {
        var parsed = new WireArguments { Mode = args.Length > 0 ? args[0] : "" };
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                parsed._named[args[i][2..]] = args[++i];
            }
            else
            {
                parsed.Positional = args[i];
            }
        }

        return parsed;
    }

    /// <summary>The client to measure; <c>--variant no-throttle|no-validate|no-timeout</c> switches that SDK feature off.</summary>
    public IWireClient CreateClient()
    {
        var variant = Optional("variant") ?? "default";
        return Client == "sdk"
            ? new SdkWireClient(BaseUrl, ApiKey, options =>
            {
                options.ProactiveThrottling = variant != "no-throttle";
                options.ValidateRequests = variant != "no-validate";
                if (variant == "no-timeout")
                {
                    options.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                }
            })
            : new BaselineWireClient(BaseUrl, ApiKey);
    }
}
