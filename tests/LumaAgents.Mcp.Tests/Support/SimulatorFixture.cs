namespace LumaAgents.Mcp.Tests.Support;

/// <summary>
/// Two <c>luma-mcp --simulator</c> processes shared by the stdio tests: one whose generations finish in a second,
/// and one whose generations stay running for an hour (for "not ready yet"). Each may use only its own folder.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public TempFolder Allowed { get; } = new();

    /// <summary>A folder the servers may not touch, with a file in it.</summary>
    public TempFolder Outside { get; } = new();

    public StdioServer Quick { get; private set; } = null!;

    public StdioServer Slow { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Outside.WriteFile("secret.png", Args.Png);
        var quick = StdioServer.StartAsync(["--simulator", "--simulator-seconds", "1", "--allow-dir", Allowed.Path], Allowed.Path);
        var slow = StdioServer.StartAsync(["--simulator", "--simulator-seconds", "3600", "--allow-dir", Allowed.Path], Allowed.Path);
        Quick = await quick;
        Slow = await slow;
    }

    public async Task DisposeAsync()
    {
        await Quick.DisposeAsync();
        await Slow.DisposeAsync();
        Allowed.Dispose();
        Outside.Dispose();
    }
}
