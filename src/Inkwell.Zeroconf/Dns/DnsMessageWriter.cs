namespace Inkwell.Zeroconf.Dns;

/// <summary>
/// Builds one message section by section into a buffer. Each Try… either adds the whole entry or
/// nothing, so a caller can fill a packet and carry what did not fit into the next one.
/// </summary>
internal ref struct DnsMessageWriter
{
    private DnsWriter _writer;
    private ushort _questions;
    private ushort _answers;
    private ushort _authorities;
    private ushort _additionals;
    private int _section;

    /// <summary>Starts a message with the given header; <paramref name="compression"/> is cleared and reused.</summary>
    public DnsMessageWriter(Span<byte> buffer, ushort id, ushort flags, List<DnsWriter.CompressionEntry> compression)
    {
        compression.Clear();
        _writer = new DnsWriter(buffer, compression);
        if (!_writer.TryWriteUInt16(id) || !_writer.TryWriteUInt16(flags) || !_writer.TryWriteBytes(stackalloc byte[8]))
        {
            throw new ArgumentException("A DNS message buffer needs at least 12 bytes.", nameof(buffer));
        }
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _writer.Position;

    /// <summary>Number of entries in every section so far.</summary>
    public readonly int Count => _questions + _answers + _authorities + _additionals;

    /// <summary>Adds a question; false when it does not fit.</summary>
    public bool TryAddQuestion(DnsQuestion question)
    {
        if (_section > 0)
        {
            throw new InvalidOperationException("Questions come before records.");
        }
        int mark = _writer.Position;
        if (_writer.TryWriteName(question.Name, compress: true) && _writer.TryWriteUInt16((ushort)question.Type) &&
            _writer.TryWriteUInt16((ushort)(question.Class | (question.UnicastResponse ? DnsClass.TopBit : 0))))
        {
            _questions++;
            return true;
        }
        _writer.Rollback(mark);
        return false;
    }

    /// <summary>Adds a record to section 1 (answer), 2 (authority) or 3 (additional); false when it does not fit.</summary>
    public bool TryAddRecord(DnsRecord record, int section)
    {
        if (section < _section || section is < 1 or > 3)
        {
            throw new InvalidOperationException("Sections are written in order: answers, authorities, additionals.");
        }
        _section = section;
        int mark = _writer.Position;
        if (_writer.TryWriteName(record.Name, compress: true) && _writer.TryWriteUInt16((ushort)record.Type) &&
            _writer.TryWriteUInt16((ushort)(record.Class | (record.CacheFlush ? DnsClass.TopBit : 0))) &&
            _writer.TryWriteUInt32(record.Ttl) && _writer.TryWriteUInt16(0))
        {
            int rdataStart = _writer.Position;
            if (record.Data.TryWrite(ref _writer, compress: true) && _writer.Position - rdataStart <= ushort.MaxValue)
            {
                _writer.PatchUInt16(rdataStart - 2, (ushort)(_writer.Position - rdataStart));
                switch (section)
                {
                    case 1: _answers++; break;
                    case 2: _authorities++; break;
                    default: _additionals++; break;
                }
                return true;
            }
        }
        _writer.Rollback(mark);
        return false;
    }

    /// <summary>Writes the section counts into the header and returns the message length.</summary>
    public readonly int Finish(ushort? flags = null)
    {
        if (flags is { } f)
        {
            _writer.PatchUInt16(2, f);
        }
        _writer.PatchUInt16(4, _questions);
        _writer.PatchUInt16(6, _answers);
        _writer.PatchUInt16(8, _authorities);
        _writer.PatchUInt16(10, _additionals);
        return _writer.Position;
    }
}
