namespace LumaAgents.Cli.Parsing;

/// <summary>"did you mean --aspect-ratio?": the closest known name to a mistyped one, by edit distance or prefix.</summary>
internal static class Suggestions
{
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestScore = double.MaxValue;
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            var score = Score(typed, candidate);
            if (score < bestScore)
            {
                bestScore = score;
                best = candidate;
            }
        }

        return bestScore <= Allowed(typed) ? best : null;
    }

    /// <summary>A few typos for a long name, one for a short one.</summary>
    private static double Allowed(string typed) => Math.Clamp(typed.TrimStart('-').Length / 3, 1, 3);

    private static double Score(string typed, string candidate)
    {
        if (string.Equals(typed, candidate, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        // "--aspect" for "--aspect-ratio": a clear abbreviation is the best match there is.
        var bare = typed.TrimStart('-');
        if (bare.Length >= 3 && candidate.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
        {
            return 0.5 + ((candidate.Length - typed.Length) / 100.0);
        }

        return Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
