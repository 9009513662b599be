using System.Text;

namespace Inkwell.Protobuf.Descriptors;

/// <summary>
/// A minimal protobuf wire-format writer into a growable buffer. Hand-written rather than using
/// Google.Protobuf's message types because protoc's bytes keep unknown option fields in the order they
/// were interpreted, which Google.Protobuf's UnknownFieldSet does not preserve (it groups by number).
/// </summary>
internal sealed class ProtoWriter
{
    private byte[] _buffer;

    /// <summary>A writer whose buffer starts at <paramref name="capacity"/> bytes and grows as needed.</summary>
    public ProtoWriter(int capacity = 256) => _buffer = new byte[Math.Max(capacity, 16)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public byte[] ToArray() => Written.ToArray();

    private void Ensure(int extra)
    {
        if (Length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + extra));
        }
    }

    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[Length++] = (byte)value;
    }

    public void WriteTag(int number, int wireType) => WriteVarint((ulong)(((uint)number << 3) | (uint)wireType));

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void WriteFixed32(uint value)
    {
        Ensure(4);
        for (int i = 0; i < 4; i++)
        {
            _buffer[Length++] = (byte)(value >> (8 * i));
        }
    }

    public void WriteFixed64(ulong value)
    {
        Ensure(8);
        for (int i = 0; i < 8; i++)
        {
            _buffer[Length++] = (byte)(value >> (8 * i));
        }
    }

    public void WriteVarintField(int number, ulong value)
    {
        WriteTag(number, 0);
        WriteVarint(value);
    }

    /// <summary>An int32 field: negative values are sign-extended to ten bytes, as protobuf requires.</summary>
    public void WriteInt32Field(int number, int value) => WriteVarintField(number, (ulong)(long)value);

    public void WriteBoolField(int number, bool value) => WriteVarintField(number, value ? 1UL : 0UL);

    public void WriteBytesField(int number, ReadOnlySpan<byte> value)
    {
        WriteTag(number, 2);
        WriteVarint((ulong)value.Length);
        WriteRaw(value);
    }

    public void WriteStringField(int number, string value)
    {
        WriteTag(number, 2);
        int count = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)count);
        Ensure(count);
        Encoding.UTF8.GetBytes(value, 0, value.Length, _buffer, Length);
        Length += count;
    }

    /// <summary>
    /// Writes a length-delimited field whose content <paramref name="write"/> produces, in this buffer: one byte is
    /// reserved for the length (most nested descriptors are shorter than 128 bytes) and the content moves up when
    /// the length needs more. <paramref name="write"/> must only append.
    /// </summary>
    public void WriteMessageField(int number, Action<ProtoWriter> write)
    {
        WriteTag(number, 2);
        Ensure(1);
        int lengthAt = Length++;
        write(this);
        int contentLength = Length - lengthAt - 1;
        int lengthSize = VarintLength((ulong)contentLength);
        if (lengthSize > 1)
        {
            Ensure(lengthSize - 1);
            Buffer.BlockCopy(_buffer, lengthAt + 1, _buffer, lengthAt + lengthSize, contentLength);
        }

        int end = Length + lengthSize - 1;
        Length = lengthAt;
        WriteVarint((ulong)contentLength);
        Length = end;
    }

    private static int VarintLength(ulong value)
    {
        int length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }
}
