using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace LumaAgents;

/// <summary><c>LumaAgents/&lt;version&gt; (.NET &lt;runtime&gt;; &lt;os&gt;)</c>, computed once per process.</summary>
internal static class UserAgent
{
    public static string SdkVersion { get; } = ReadVersion();

    public static string Value { get; } =
        $"LumaAgents/{SdkVersion} ({Sanitize(RuntimeInformation.FrameworkDescription)}; {Sanitize(RuntimeInformation.OSDescription)})";

    private static string ReadVersion()
    {
        var version = typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(UserAgent).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus >= 0 ? version.Substring(0, plus) : version;
    }

    // A User-Agent comment may not contain parentheses or non-ASCII text; OS descriptions sometimes do.
    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= ' ' and <= '~' and not '(' and not ')' and not ';' ? c : ' ');
        }

        return builder.ToString().Trim();
    }
}
