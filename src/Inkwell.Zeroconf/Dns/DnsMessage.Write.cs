namespace Inkwell.Zeroconf.Dns;

internal sealed partial class DnsMessage
{
    /// <summary>Writes the whole message; false when it does not fit in <paramref name="buffer"/>.</summary>
    public bool TryWrite(Span<byte> buffer, List<DnsWriter.CompressionEntry> compression, out int bytesWritten)
    {
        bytesWritten = 0;
        if (buffer.Length < 12)
        {
            return false;
        }
        var writer = new DnsMessageWriter(buffer, Id, Flags, compression);
        foreach (DnsQuestion question in Questions)
        {
            if (!writer.TryAddQuestion(question))
            {
                return false;
            }
        }
        List<DnsRecord>[] sections = [Answers, Authorities, Additionals];
        for (int s = 0; s < sections.Length; s++)
        {
            foreach (DnsRecord record in sections[s])
            {
                if (!writer.TryAddRecord(record, s + 1))
                {
                    return false;
                }
            }
        }
        bytesWritten = writer.Finish();
        return true;
    }

    /// <summary>The message as a new array (tests and tools; the send path writes into pooled buffers).</summary>
    public byte[] ToArray()
    {
        byte[] buffer = new byte[MaxLength];
        if (!TryWrite(buffer, [], out int length))
        {
            throw new InvalidOperationException($"The message does not fit in {MaxLength} bytes.");
        }
        return buffer[..length];
    }
}
