using Microsoft.Extensions.Logging;

namespace LumaAgents.Mcp.Hosting;

/// <summary>How <c>luma-mcp</c> was started: the command line over the environment.</summary>
/// <param name="ApiKey">The key from <c>--api-key</c>, or null for <c>LUMA_AGENTS_API_KEY</c>.</param>
/// <param name="BaseUrl">The base URL from <c>--base-url</c>, or null for <c>LUMA_BASE_URL</c> or the default.</param>
/// <param name="Simulator">Whether to run against an in-process simulator instead of the API.</param>
/// <param name="SimulatorDuration">How long each simulated generation takes, queued and processing together.</param>
/// <param name="AllowDirs">The <c>--allow-dir</c> folders, as given.</param>
/// <param name="LogLevel">The lowest level written to standard error.</param>
internal sealed record ServerOptions(
    string? ApiKey,
    Uri? BaseUrl,
    bool Simulator,
    TimeSpan SimulatorDuration,
    IReadOnlyList<string> AllowDirs,
    LogLevel LogLevel)
{
    /// <summary>The simulator's default: a generation is queued for 1 s and processing for 3 s.</summary>
    public static readonly TimeSpan DefaultSimulatorDuration = TimeSpan.FromSeconds(4);
}
