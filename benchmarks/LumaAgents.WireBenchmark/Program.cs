// The client side of the wire benchmark; benchmarks/wire/run.sh starts nginx and drives it (see ../wire/README.md).
//   run      --client sdk|baseline --workload get-seq|get-conc|create-seq|create-conc --base-url URL --requests N [--warmup-seconds S]
//   startup  --client sdk|baseline --base-url URL [--variant NAME]     (WIRE_LAUNCHED_AT: the launcher's Stopwatch timestamp)
//   body     get|create                                               (the canned JSON the server must answer)
// Each prints one JSON line; a wrong answer from the server is an error (exit 3), never a figure.
using System.Diagnostics;
using System.Text;
using LumaAgents.Benchmarks;
using LumaAgents.Benchmarks.Wire;

var mainEntered = Stopwatch.GetTimestamp();
var arguments = WireArguments.Parse(args);
try
{
    switch (arguments.Mode)
    {
        case "body":
            Console.Out.Write(Encoding.UTF8.GetString(arguments.Positional == "create" ? Payloads.QueuedBody : Payloads.CompletedBody));
            return 0;
        case "run":
            Console.Out.WriteLine(await WorkloadRun.RunAsync(arguments).ConfigureAwait(false));
            return 0;
        case "startup":
            Console.Out.WriteLine(await StartupProbe.RunAsync(arguments, mainEntered).ConfigureAwait(false));
            return 0;
        default:
            Console.Error.WriteLine($"Unknown mode '{arguments.Mode}': run, startup or body.");
            return 2;
    }
}
catch (WrongAnswerException error)
{
    Console.Error.WriteLine(error.Message);
    return 3;
}
