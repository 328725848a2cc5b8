using System.Text;
using System.Text.Json;

namespace LumaAgents.Serialization;

/// <summary>
/// Reads the ISO-8601 timestamps servers and proxies actually send: with <c>T</c> or a space between date and time,
/// with or without fractional seconds, with <c>Z</c>, an offset (<c>+02:00</c>, <c>+0200</c>, <c>+02</c>) or none.
/// A timestamp without an offset is UTC (the API's clock), never the reader's local time.
/// </summary>
internal static class Timestamps
{
    // Long enough for "yyyy-MM-ddTHH:mm:ss.fffffffff+hh:mm" with room to spare; anything longer is not a timestamp.
    private const int MaxLength = 64;

    /// <summary>Reads the string token the reader is on; false when it is not a timestamp.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        // The common case (the API's own "2026-04-08T12:00:00Z") parses from the raw UTF-8 without allocating.
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.TryGetDateTimeOffset(out value))
        {
            if (!HasOffset(reader.ValueSpan))
            {
                value = new DateTimeOffset(value.DateTime, TimeSpan.Zero);
            }

            return true;
        }

        var text = reader.GetString();
        return TryParse(text, out value);
    }

    /// <summary>Parses a timestamp given as text; false when it is not one.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length < 10 || trimmed.Length > MaxLength)
        {
            return false;
        }

        // Normalise to the form the JSON reader's ISO-8601 parser accepts: 'T' between date and time, "+hh:mm" offsets.
        var normalized = new StringBuilder(trimmed, MaxLength + 4);
        if (normalized.Length > 10 && normalized[10] == ' ')
        {
            normalized[10] = 'T';
        }

        NormalizeOffset(normalized);
        var json = Encoding.UTF8.GetBytes("\"" + normalized + "\"");
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out value))
        {
            value = default;
            return false;
        }

        if (!HasOffset(reader.ValueSpan))
        {
            value = new DateTimeOffset(value.DateTime, TimeSpan.Zero);
        }

        return true;
    }

    /// <summary>Whether the time part ends in <c>Z</c> or a numeric offset (a date alone has none).</summary>
    private static bool HasOffset(ReadOnlySpan<byte> text)
    {
        if (text.Length <= 10)
        {
            return false;
        }

        var time = text.Slice(11);
        return time.IndexOfAny((byte)'Z', (byte)'z') >= 0 || time.IndexOfAny((byte)'+', (byte)'-') >= 0;
    }

    /// <summary>Turns a basic offset (<c>+0200</c>) or an hours-only one (<c>+02</c>) into <c>+02:00</c>.</summary>
    private static void NormalizeOffset(StringBuilder text)
    {
        if (text.Length <= 11)
        {
            return;
        }

        var sign = -1;
        for (var i = text.Length - 1; i > 10; i--)
        {
            if (text[i] == '+' || text[i] == '-')
            {
                sign = i;
                break;
            }
        }

        if (sign < 0)
        {
            return;
        }

        var digits = text.Length - sign - 1;
        if (digits == 4 && IsDigits(text, sign + 1, 4))
        {
            text.Insert(sign + 3, ':');
        }
        else if (digits == 2 && IsDigits(text, sign + 1, 2))
        {
            text.Append(":00");
        }
    }

    private static bool IsDigits(StringBuilder text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }
}
