using LumaAgents.Serialization;

namespace LumaAgents.Benchmarks;

/// <summary>Sanity checks run before measuring, so a benchmark never compares two paths that do different work.</summary>
internal static class BenchmarkChecks
{
    public static void SameGeneration(Generation? first, Generation? second, string what)
    {
        // Records compare by value, but their output lists compare by reference; compare what the API said instead.
        if (first is null || second is null || LumaJson.Serialize(first) != LumaJson.Serialize(second))
        {
            throw new InvalidOperationException($"The two paths read the {what} result differently; the comparison would be unfair.");
        }
    }

    /// <summary>Measuring a request the API would refuse would say little about real traffic.</summary>
    public static void Valid(GenerationRequest request, string what)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The {what} breaks the API's rules: {string.Join("; ", errors)}");
        }
    }
}
