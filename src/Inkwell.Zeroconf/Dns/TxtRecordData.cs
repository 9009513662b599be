using System.Text;

namespace Inkwell.Zeroconf.Dns;

/// <summary>The rdata of a TXT record: length-prefixed strings of up to 255 bytes each.</summary>
internal sealed class TxtRecordData : DnsRecordData
{
    private readonly byte[][] _strings;

    /// <summary>Creates TXT rdata from raw strings; each must be at most 255 bytes.</summary>
    public TxtRecordData(IEnumerable<byte[]> strings)
    {
        _strings = [.. strings];
        foreach (byte[] s in _strings)
        {
            if (s.Length > 255)
            {
                throw new ArgumentException("A TXT string is at most 255 bytes (RFC 6763 §6.1).", nameof(strings));
            }
        }
    }

    /// <summary>The strings; an empty list is written as one empty string (RFC 6763 §6.1).</summary>
    public IReadOnlyList<byte[]> Strings => _strings;

    /// <inheritdoc/>
    public override bool TryWrite(ref DnsWriter writer, bool compress)
    {
        if (_strings.Length == 0)
        {
            return writer.TryWriteByte(0);
        }
        foreach (byte[] s in _strings)
        {
            if (!writer.TryWriteByte((byte)s.Length) || !writer.TryWriteBytes(s))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (byte[] s in _strings)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(Encoding.UTF8.GetString(s));
        }
        return builder.ToString();
    }
}
