using Microsoft.Extensions.Hosting;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// The simulator's host lifetime: none. A web host's default <c>ConsoleLifetime</c> registers Ctrl-C, SIGTERM and
/// SIGQUIT handlers that cancel the signal and stop only the simulator, so the app that started it could no longer be
/// stopped. The simulator is a guest in someone else's process: it starts and stops when its owner says so.
/// </summary>
internal sealed class NoHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
