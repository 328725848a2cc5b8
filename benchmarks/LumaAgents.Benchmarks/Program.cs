// The LumaAgents benchmarks (see README.md beside this file):
//   dotnet run -c Release --project benchmarks/LumaAgents.Benchmarks -- --filter '*'               full run
//   dotnet run -c Release --project benchmarks/LumaAgents.Benchmarks -- --filter '*' --job short   quick look
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
