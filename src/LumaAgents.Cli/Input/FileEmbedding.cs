using System.Text;
using LumaAgents.Cli.Errors;

namespace LumaAgents.Cli.Input;

/// <summary>
/// <c>@path</c> values: paths are relative to the working directory (<c>~/</c> is the home directory); a text
/// file is embedded as text, anything else as base64.
/// </summary>
internal sealed class FileEmbedding
{
    private const string TextPrefix = "file://";
    private const string DataPrefix = "data://";

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

    public byte[] ReadBytes(string path, string? flagName = null, string? typed = null)
    {
        var full = Resolve(path);
        try
        {
            return File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var prefix = flagName is null ? string.Empty : flagName + ": ";
            var missing = ex is FileNotFoundException or DirectoryNotFoundException;
            throw new CliException(
                $"{prefix}cannot read {typed ?? "@" + path}: {(missing ? "there is no such file" : ex.Message)}",
                missing ? $"to start the text with a literal @, write @@ (or \\@): @{typed ?? "@" + path}" : null);
        }
    }

    /// <summary>
    /// A text flag's value. <c>@file</c> embeds the file (see <see cref="ReadAsString"/>); <c>@file://path</c> embeds it
    /// as text and <c>@data://path</c> as base64 (the official CLI's explicit forms); <c>@@</c> or <c>\@</c> starts a
    /// literal '@'.
    /// </summary>
    /// <param name="value">The value as typed.</param>
    /// <param name="flagName">The flag (or "the prompt"), for messages.</param>
    public string ExpandText(string value, string flagName)
    {
        if (value.StartsWith("@@", StringComparison.Ordinal) || value.StartsWith("\\@", StringComparison.Ordinal))
        {
            return value[1..];
        }

        if (!value.StartsWith('@'))
        {
            return value;
        }

        var reference = value[1..];
        if (reference.StartsWith(DataPrefix, StringComparison.Ordinal))
        {
            return Convert.ToBase64String(ReadBytes(reference[DataPrefix.Length..], flagName, value));
        }

        if (reference.StartsWith(TextPrefix, StringComparison.Ordinal))
        {
            return WithoutFinalNewline(ReadText(reference[TextPrefix.Length..], flagName, value));
        }

        return ReadAsString(reference, flagName, value);
    }

    /// <summary>The path of an <c>@</c> reference without the official CLI's <c>file://</c> or <c>data://</c> prefix.</summary>
    public static string PathOf(string reference)
        => reference.StartsWith(TextPrefix, StringComparison.Ordinal) ? reference[TextPrefix.Length..]
            : reference.StartsWith(DataPrefix, StringComparison.Ordinal) ? reference[DataPrefix.Length..]
            : reference;

    /// <summary>
    /// The file as a string field: UTF-8 text as it is (one trailing newline removed, as editors add it), any other
    /// content as base64.
    /// </summary>
    public string ReadAsString(string path, string? flagName = null, string? typed = null)
    {
        var bytes = ReadBytes(path, flagName, typed);
        var text = TryDecodeText(bytes);
        return text is null ? Convert.ToBase64String(bytes) : WithoutFinalNewline(text);
    }

    /// <summary>The file as text, for JSON or YAML documents.</summary>
    public string ReadText(string path, string? flagName = null, string? typed = null)
        => TryDecodeText(ReadBytes(path, flagName, typed)) ?? throw new CliException($"{typed ?? "@" + path} is not a UTF-8 text file.", "@data://path sends a file as base64");

    private static string WithoutFinalNewline(string text)
        => text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
            : text.EndsWith('\n') ? text[..^1]
            : text;

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
