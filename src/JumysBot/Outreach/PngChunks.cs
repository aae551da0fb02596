using System.Buffers.Binary;
using System.Text;

namespace JumysBot.Outreach;

/// <summary>
/// Adds ancillary chunks to a PNG: text (<c>tEXt</c> for Latin-1, <c>iTXt</c> for UTF-8 with a language tag) and the
/// print size (<c>pHYs</c>). They go right after the header, before the image data, where every reader expects them.
/// </summary>
public static class PngChunks
{
    private const int SignatureLength = 8;
    private const int HeaderChunkLength = 4 + 4 + 13 + 4;
    private const double MetresPerInch = 0.0254;

    /// <summary>A copy of <paramref name="png"/> with <paramref name="chunks"/> after its IHDR chunk.</summary>
    public static byte[] Insert(ReadOnlySpan<byte> png, params IEnumerable<byte[]> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var afterHeader = SignatureLength + HeaderChunkLength;
        if (png.Length < afterHeader || !png[(SignatureLength + 4)..(SignatureLength + 8)].SequenceEqual("IHDR"u8))
        {
            throw new ArgumentException("Not a PNG that starts with its IHDR chunk.", nameof(png));
        }

        using var result = new MemoryStream(png.Length + 512);
        result.Write(png[..afterHeader]);
        foreach (var chunk in chunks)
        {
            result.Write(chunk);
        }

        result.Write(png[afterHeader..]);
        return result.ToArray();
    }

    /// <summary>A <c>tEXt</c> chunk: a keyword and a Latin-1 text (a link, a program's name).</summary>
    public static byte[] Text(string keyword, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Chunk("tEXt", [.. Keyword(keyword), 0, .. Encoding.Latin1.GetBytes(text)]);
    }

    /// <summary>An <c>iTXt</c> chunk: UTF-8 text in a language (<c>ru</c>, <c>kk</c>), uncompressed.</summary>
    public static byte[] InternationalText(string keyword, string language, string translatedKeyword, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(language);
        ArgumentNullException.ThrowIfNull(translatedKeyword);
        ArgumentNullException.ThrowIfNull(text);
        return Chunk("iTXt",
        [
            .. Keyword(keyword), 0,
            0, 0, // not compressed
            .. Encoding.ASCII.GetBytes(language), 0,
            .. Encoding.UTF8.GetBytes(translatedKeyword), 0,
            .. Encoding.UTF8.GetBytes(text),
        ]);
    }

    /// <summary>A <c>pHYs</c> chunk, so the image prints at its intended size.</summary>
    public static byte[] PrintResolution(int dotsPerInch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dotsPerInch);
        var perMetre = (uint)Math.Round(dotsPerInch / MetresPerInch);
        var data = new byte[9];
        BinaryPrimitives.WriteUInt32BigEndian(data, perMetre);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), perMetre);
        data[8] = 1; // the unit is the metre
        return Chunk("pHYs", data);
    }

    private static byte[] Keyword(string keyword)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyword);
        if (keyword.Length > 79 || keyword.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException("A PNG keyword is 1–79 printable Latin-1 characters.", nameof(keyword));
        }

        return Encoding.Latin1.GetBytes(keyword);
    }

    /// <summary>Length, type, data, and the CRC-32 (ISO 3309, as PNG asks) of type and data.</summary>
    private static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[4 + 4 + data.Length + 4];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4, 4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), System.IO.Hashing.Crc32.HashToUInt32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }
}
