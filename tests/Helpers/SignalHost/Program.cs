// Starts FakeLumaServer (over a socket), proves it answers, says "ready" on stdout, then waits.
//   signal-host            waits forever with no signal handling of its own: SIGINT/SIGTERM must end the process.
//   signal-host handled    handles SIGINT/SIGTERM itself: it must receive them, dispose the server and exit 0.
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using LumaAgents.Testing;

bool handled = args.Length > 0 && args[0] == "handled";
var received = new TaskCompletionSource<PosixSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
using PosixSignalRegistration? interrupt = handled ? PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle) : null;
using PosixSignalRegistration? terminate = handled ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle) : null;

await using FakeLumaServer server = await FakeLumaServer.StartAsync();
using var client = new HttpClient { BaseAddress = server.BaseUrl };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ApiKey);
using HttpResponseMessage created = await client.PostAsync("generations", new StringContent("""{"prompt":"signals"}""", null, "application/json"));
Console.WriteLine($"ready {(int)created.StatusCode}");

if (!handled)
{
    await Task.Delay(Timeout.Infinite);
}

PosixSignal signal = await received.Task;
Console.WriteLine($"stopped by {signal}");
return 0;

void Handle(PosixSignalContext context)
{
    context.Cancel = true;
    received.TrySetResult(context.Signal);
}
