using System.Text;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli.Input;

/// <summary>
/// <c>@path</c> values: paths are relative to the working directory (<c>~/</c> is the home directory); a text
/// file is embedded as text, anything else as base64.
/// </summary>
internal sealed class FileEmbedding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly CliEnvironment _environment;

    public FileEmbedding(CliEnvironment environment) => _environment = environment;

    /// <summary>The full path of <paramref name="path"/> as the user meant it.</summary>
    public string Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliException("'@' must be followed by a file path, for example @prompt.txt.");
        }

        if ((path == "~" || path.StartsWith("~/", StringComparison.Ordinal)) && _environment.GetVariable("HOME") is { } home)
        {
            path = home + path.Substring(1);
        }

        return Path.GetFullPath(Path.Combine(_environment.WorkingDirectory, path));
    }

    public byte[] ReadBytes(string path)
    {
        var full = Resolve(path);
        try
        {
            return File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read @{path}: {ex.Message}");
        }
    }

    /// <summary>A text flag's value: <c>@file</c> embeds the file (see <see cref="ReadAsString"/>); <c>@@</c> starts a literal '@'.</summary>
    public string ExpandText(string value)
        => value.StartsWith("@@", StringComparison.Ordinal) ? value[1..]
            : value.StartsWith('@') ? ReadAsString(value[1..])
            : value;

    /// <summary>
    /// The file as a string field: UTF-8 text as it is (one trailing newline removed, as editors add it), any other
    /// content as base64.
    /// </summary>
    public string ReadAsString(string path)
    {
        var bytes = ReadBytes(path);
        var text = TryDecodeText(bytes);
        if (text is null)
        {
            return Convert.ToBase64String(bytes);
        }

        return text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
            : text.EndsWith('\n') ? text[..^1]
            : text;
    }

    /// <summary>The file as text, for JSON or YAML documents.</summary>
    public string ReadText(string path)
        => TryDecodeText(ReadBytes(path)) ?? throw new CliException($"@{path} is not a UTF-8 text file.");

    /// <summary>UTF-8 without NUL characters is text; anything else is binary.</summary>
    private static string? TryDecodeText(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            var text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            return text.Contains('\0', StringComparison.Ordinal) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
