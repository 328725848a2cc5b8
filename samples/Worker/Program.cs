// A worker that drains a queue of prompts with bounded concurrency and saves every output.
//   dotnet run --project samples/Worker -- --Worker:PromptsFile prompts.txt --Worker:OutputDirectory out
// It keeps at most LumaAgents:MaxConcurrentJobs jobs running (the API's concurrent-jobs limit) and stops when the
// queue is empty. With no LUMA_AGENTS_API_KEY it runs against the built-in simulator.
using LumaAgents.Samples.Worker;

using var host = await WorkerApp.BuildAsync(args);
await host.RunAsync();
