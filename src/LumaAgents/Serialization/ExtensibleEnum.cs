namespace LumaAgents.Serialization;

/// <summary>Helpers shared by the extensible enums.</summary>
internal static class ExtensibleEnum
{
    public static bool IsKnown<T>(T value, IReadOnlyList<T> known)
        where T : struct, IEquatable<T>
    {
        for (var i = 0; i < known.Count; i++)
        {
            if (known[i].Equals(value))
            {
                return true;
            }
        }

        return false;
    }
}
