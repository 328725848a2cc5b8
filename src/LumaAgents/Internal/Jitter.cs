namespace LumaAgents;

/// <summary>Thread-safe random numbers for retry jitter.</summary>
internal static class Jitter
{
#if NET6_0_OR_GREATER
    public static double NextDouble() => Random.Shared.NextDouble();
#else
    [ThreadStatic]
    private static Random? t_random;

    public static double NextDouble() => (t_random ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
#endif
}
