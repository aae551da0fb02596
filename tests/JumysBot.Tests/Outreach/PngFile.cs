using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using JumysBot.Outreach;

namespace JumysBot.Tests.Outreach;

/// <summary>Just enough PNG for the tests: list a file's chunks (checking each checksum) and draw modules as an image.</summary>
internal static class PngFile
{
    private static readonly byte[] _signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static IReadOnlyList<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        Assert.Equal(_signature, png[..8]);
        var chunks = new List<(string, byte[])>();
        for (var at = 8; at < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.True(System.IO.Hashing.Crc32.HashToUInt32(png.AsSpan(at + 4, 4 + length)) == stored, $"the {type} chunk's checksum is wrong");
            chunks.Add((type, png[(at + 8)..(at + 8 + length)]));
            at += 12 + length;
        }

        return chunks;
    }

    /// <summary>The <c>iTXt</c> chunks as (keyword, language, text).</summary>
    public static IReadOnlyList<(string Keyword, string Language, string Text)> InternationalTexts(byte[] png) =>
        [.. Chunks(png).Where(c => c.Type == "iTXt").Select(c =>
        {
            var parts = Encoding.UTF8.GetString(c.Data).Split('\0');
            // keyword, compression flag + method, language, translated keyword, text
            return (parts[0], parts[3], parts[5]);
        })];

    public static IReadOnlyDictionary<string, string> Texts(byte[] png) =>
        Chunks(png).Where(c => c.Type == "tEXt").Select(c => Encoding.Latin1.GetString(c.Data).Split('\0', 2)).ToDictionary(p => p[0], p => p[1]);

    /// <summary>An 8-bit grey image, <paramref name="scale"/> pixels a module, dark modules black.</summary>
    public static byte[] Draw(bool[,] dark, int scale)
    {
        var size = dark.GetLength(0) * scale;
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < size; y++)
            {
                zlib.WriteByte(0); // no filter
                for (var x = 0; x < size; x++)
                {
                    zlib.WriteByte(dark[y / scale, x / scale] ? (byte)0 : (byte)255);
                }
            }
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth; colour type 0 (grey), compression, filter and interlace 0
        using var png = new MemoryStream();
        png.Write(_signature);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var typeAndData = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        var number = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, System.IO.Hashing.Crc32.HashToUInt32(typeAndData));
        png.Write(number);
    }
}
