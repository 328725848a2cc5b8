using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LumaAgents.Testing.Internal;

/// <summary>
/// Draws the simulator's output images: small real PNGs (RGB, 8 bits) in the requested aspect ratio (320 px on the
/// long side), with a pattern that is a pure function of the prompt, so two prompts look different and one prompt
/// always looks the same: two colours in diagonal stripes of a prompt-chosen angle and width, and a disc.
/// </summary>
internal static class PngImage
{
    private const int LongSide = 320;

    /// <summary>Width and height for an <c>aspect_ratio</c> such as <c>16:9</c> (320×180); anything unparsable is square.</summary>
    public static (int Width, int Height) Size(string? aspectRatio)
    {
        if (aspectRatio is not null && aspectRatio.Split(':') is [var w, var h] && int.TryParse(w, out int rw) && int.TryParse(h, out int rh) && rw > 0 && rh > 0)
        {
            return rw >= rh
                ? (LongSide, Math.Max(1, (int)Math.Round(LongSide * (double)rh / rw)))
                : (Math.Max(1, (int)Math.Round(LongSide * (double)rw / rh)), LongSide);
        }

        return (LongSide, LongSide);
    }

    /// <summary>A stable 32-bit seed for a prompt and an output index (FNV-1a), the same on every run and machine.</summary>
    public static uint Seed(string? prompt, int index)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(prompt ?? string.Empty))
        {
            hash = (hash ^ b) * 16777619;
        }

        return (hash ^ (uint)index) * 16777619;
    }

    /// <summary>Every chunk of the PNG but <c>IEND</c>, which <see cref="OutputFile"/> appends after any padding.</summary>
    public static byte[] RenderWithoutEnd(int width, int height, uint seed)
    {
        (byte R, byte G, byte B) first = Hue(seed % 360);
        (byte R, byte G, byte B) second = Hue((seed / 360 + 120 + (seed % 120)) % 360);
        (byte R, byte G, byte B) disc = Hue((seed / 7 + 240) % 360, light: true);
        double angle = (seed >> 8) % 8 * Math.PI / 8;
        double stripe = 10 + (int)((seed >> 12) % 30);
        double cos = Math.Cos(angle);
        double sin = Math.Sin(angle);
        double cx = width * (0.3 + ((seed >> 16) % 40) / 100.0);
        double cy = height * (0.3 + ((seed >> 22) % 40) / 100.0);
        double radius = Math.Min(width, height) * 0.22;

        byte[] raw = new byte[height * ((width * 3) + 1)];
        int at = 0;
        for (int y = 0; y < height; y++)
        {
            raw[at++] = 0;
            for (int x = 0; x < width; x++)
            {
                double dx = x - cx;
                double dy = y - cy;
                (byte R, byte G, byte B) colour = (dx * dx) + (dy * dy) <= radius * radius ? disc
                    : ((int)Math.Floor(((x * cos) + (y * sin)) / stripe) & 1) == 0 ? first : second;
                raw[at++] = colour.R;
                raw[at++] = colour.G;
                raw[at++] = colour.B;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        byte[] header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        byte[] text = Encoding.ASCII.GetBytes("Software\0FakeLumaServer (LumaAgents.Testing)");
        return [.. signature, .. Chunk("IHDR", header), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("tEXt", text)];
    }

    public static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        byte[] chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4, 4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), System.IO.Hashing.Crc32.HashToUInt32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>A saturated colour of the hue (degrees), or a light one for the disc.</summary>
    private static (byte, byte, byte) Hue(uint degrees, bool light = false)
    {
        double h = degrees / 60.0;
        double x = 1 - Math.Abs((h % 2) - 1);
        (double r, double g, double b) = ((int)h) switch
        {
            0 => (1.0, x, 0.0),
            1 => (x, 1.0, 0.0),
            2 => (0.0, 1.0, x),
            3 => (0.0, x, 1.0),
            4 => (x, 0.0, 1.0),
            _ => (1.0, 0.0, x),
        };
        double low = light ? 0.55 : 0.1;
        double span = light ? 0.45 : 0.8;
        return ((byte)(255 * (low + (span * r))), (byte)(255 * (low + (span * g))), (byte)(255 * (low + (span * b))));
    }
}
