using System.Buffers.Binary;
using System.Text;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>
/// The zip archive protoc writes when an output ends in <c>.zip</c> or <c>.jar</c> (its ZipWriter): every entry stored
/// uncompressed, version 1.0, no flags, dated 1980-01-01 00:00 (so archives are reproducible), no extra fields or
/// comments; a <c>.jar</c> starts with protoc's <c>META-INF/MANIFEST.MF</c>.
/// </summary>
internal static class ZipArchiveWriter
{
    private const ushort Version = 10;
    private const ushort DosDate = 0x21; // 1980-01-01
    private const string JarManifest = "Manifest-Version: 1.0\nCreated-By: 1.6.0 (protoc)\n\n";

    /// <summary>Whether protoc writes an archive for <paramref name="location"/> rather than a folder.</summary>
    public static bool IsArchive(string location) =>
        location.EndsWith(".zip", StringComparison.Ordinal) || location.EndsWith(".jar", StringComparison.Ordinal);

    /// <summary>The archive of <paramref name="files"/> (name, UTF-8 content), in order, as protoc lays it out.</summary>
    public static byte[] Write(string location, IEnumerable<(string Name, string Content)> files)
    {
        var entries = new List<(byte[] Name, byte[] Data)>();
        if (location.EndsWith(".jar", StringComparison.Ordinal))
        {
            entries.Add((Encoding.UTF8.GetBytes("META-INF/MANIFEST.MF"), Encoding.UTF8.GetBytes(JarManifest)));
        }

        entries.AddRange(files.Select(f => (Encoding.UTF8.GetBytes(f.Name), Encoding.UTF8.GetBytes(f.Content))));
        using var output = new MemoryStream();
        var offsets = new List<uint>();
        foreach ((byte[] name, byte[] data) in entries)
        {
            offsets.Add((uint)output.Position);
            Write32(output, 0x04034b50);
            Write16(output, Version);
            WriteEntryFields(output, name, data);
            output.Write(name);
            output.Write(data);
        }

        uint directoryStart = (uint)output.Position;
        for (int i = 0; i < entries.Count; i++)
        {
            (byte[] name, byte[] data) = entries[i];
            Write32(output, 0x02014b50);
            Write16(output, Version); // made by
            Write16(output, Version); // needed
            WriteEntryFields(output, name, data);
            Write16(output, 0); // comment length
            Write16(output, 0); // disk number
            Write16(output, 0); // internal attributes
            Write32(output, 0); // external attributes
            Write32(output, offsets[i]);
            output.Write(name);
        }

        uint directorySize = (uint)output.Position - directoryStart;
        Write32(output, 0x06054b50);
        Write16(output, 0);
        Write16(output, 0);
        Write16(output, (ushort)entries.Count);
        Write16(output, (ushort)entries.Count);
        Write32(output, directorySize);
        Write32(output, directoryStart);
        Write16(output, 0);
        return output.ToArray();
    }

    // Flags, method (stored), time, date, CRC-32, both sizes, name length, extra length: the same in both headers.
    private static void WriteEntryFields(Stream output, byte[] name, byte[] data)
    {
        Write16(output, 0);
        Write16(output, 0);
        Write16(output, 0);
        Write16(output, DosDate);
        Write32(output, Crc32(data));
        Write32(output, (uint)data.Length);
        Write32(output, (uint)data.Length);
        Write16(output, (ushort)name.Length);
        Write16(output, 0);
    }

    private static void Write16(Stream output, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        output.Write(bytes);
    }

    private static void Write32(Stream output, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        output.Write(bytes);
    }

    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
