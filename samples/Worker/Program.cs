// A worker that drains a queue of prompts with bounded concurrency and saves every output.
//   dotnet run --project samples/Worker -- --Worker:PromptsFile prompts.txt --Worker:OutputDirectory out
// It keeps at most Worker:MaxParallel jobs running (keep it within the API's concurrent-jobs limit) and stops when the
// queue is empty, or on SIGTERM / Ctrl-C, logging the id of every job left running. With no LUMA_AGENTS_API_KEY it
// runs against the built-in simulator. Exit codes: 0 all saved, 1 a prompt failed, 2 bad settings, 143 stopped early.
using LumaAgents.Samples.Worker;

return await WorkerApp.RunAsync(args);
