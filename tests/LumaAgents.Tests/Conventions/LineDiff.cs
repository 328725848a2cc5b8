using System.Text;

namespace LumaAgents.Tests.Conventions;

/// <summary>A line diff (longest common subsequence), printed like <c>diff -u</c> without hunk headers.</summary>
internal static class LineDiff
{
    /// <summary>Lines only in <paramref name="expected"/> with '-', only in <paramref name="actual"/> with '+', and two lines of context.</summary>
    public static string Describe(string expected, string actual, int context = 2)
    {
        var before = Lines(expected);
        var after = Lines(actual);
        var common = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<(char Kind, string Line)>();
        int x = 0, y = 0;
        while (x < before.Length || y < after.Length)
        {
            if (x < before.Length && y < after.Length && before[x] == after[y])
            {
                edits.Add((' ', before[x++]));
                y++;
            }
            else if (x < before.Length && (y == after.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                edits.Add(('-', before[x++]));
            }
            else
            {
                edits.Add(('+', after[y++]));
            }
        }

        var text = new StringBuilder();
        var lastShown = -1;
        for (var i = 0; i < edits.Count; i++)
        {
            var near = Enumerable.Range(Math.Max(0, i - context), Math.Min(edits.Count, i + context + 1) - Math.Max(0, i - context))
                .Any(k => edits[k].Kind != ' ');
            if (!near)
            {
                continue;
            }

            if (lastShown >= 0 && i > lastShown + 1)
            {
                text.Append("@@\n");
            }

            text.Append(edits[i].Kind).Append(' ').Append(edits[i].Line).Append('\n');
            lastShown = i;
        }

        return text.ToString();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
}
