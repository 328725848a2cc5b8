// A minimal API over the Luma Agents API, using AddLumaAgents:
//   POST /images               {"prompt":"…","aspect_ratio":"16:9"}  → 202 with the generation (and its id)
//   GET  /images/{id}          → the generation as it is now
//   GET  /images/{id}/result?timeoutSeconds=30 → waits up to the deadline: 200 when done, 202 if still running
// Run: dotnet run --project samples/AspNetCore   (no LUMA_AGENTS_API_KEY: uses the built-in simulator)
using LumaAgents.Samples.AspNetCore;

var app = await ImagesApp.BuildAsync(args);
await app.RunAsync();
