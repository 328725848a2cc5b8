namespace LumaAgents.Benchmarks.Wire;

/// <summary>The server's answers were not what the benchmark gave it: no figure may come from this run.</summary>
internal sealed class WrongAnswerException(string message) : Exception(message);
