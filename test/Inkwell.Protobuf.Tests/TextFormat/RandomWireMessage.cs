using System.Text;
using Google.Protobuf.Reflection;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.Tests.TextFormat;

/// <summary>
/// Random wire-format messages of a type, to compare printers with: declared fields with random values (repeated ones
/// packed or not, maps with repeated keys, nested messages and groups a few levels deep, undeclared enum numbers),
/// fields of the wrong wire type and fields the type does not have.
/// </summary>
internal sealed class RandomWireMessage(Random random, IReadOnlyDictionary<string, DescriptorProto> messages, IReadOnlyDictionary<string, EnumDescriptorProto> enums)
{
    public byte[] Create(string typeName, int depth)
    {
        var output = new List<byte>();
        DescriptorProto type = messages[typeName];
        foreach (FieldDescriptorProto field in type.Field)
        {
            if (random.Next(3) == 0)
            {
                continue;
            }

            int count = field.Label == FieldDescriptorProto.Types.Label.Repeated ? random.Next(4) : 1 + random.Next(2);
            bool packable = field.Type is not (Type.String or Type.Bytes or Type.Message or Type.Group);
            if (packable && count > 1 && random.Next(2) == 0)
            {
                var packed = new List<byte>();
                for (int i = 0; i < count; i++)
                {
                    WriteValue(packed, field, depth, tagless: true);
                }

                Tag(output, field.Number, 2);
                Varint(output, (ulong)packed.Count);
                output.AddRange(packed);
                continue;
            }

            for (int i = 0; i < count; i++)
            {
                WriteValue(output, field, depth, tagless: false);
            }
        }

        if (random.Next(4) == 0)
        {
            // A field the type does not declare, or a declared one with the wrong wire type.
            int number = type.Field.Count > 0 && random.Next(2) == 0 ? type.Field[random.Next(type.Field.Count)].Number : 1000 + random.Next(100);
            Tag(output, number, 5);
            output.AddRange(BitConverter.GetBytes(random.Next()));
        }

        return [.. output];
    }

    private void WriteValue(List<byte> output, FieldDescriptorProto field, int depth, bool tagless)
    {
        string typeName = field.TypeName.TrimStart('.');
        switch (field.Type)
        {
            case Type.Message or Type.Group when depth <= 0 || !messages.ContainsKey(typeName):
                return;
            case Type.Message:
                byte[] nested = Create(typeName, depth - 1);
                Tag(output, field.Number, 2);
                Varint(output, (ulong)nested.Length);
                output.AddRange(nested);
                return;
            case Type.Group:
                Tag(output, field.Number, 3);
                output.AddRange(Create(typeName, depth - 1));
                Tag(output, field.Number, 4);
                return;
            case Type.String or Type.Bytes:
                Tag(output, field.Number, 2);
                byte[] text = field.Type == Type.String || random.Next(2) == 0
                    ? Encoding.UTF8.GetBytes(new string([.. Enumerable.Range(0, random.Next(8)).Select(_ => "ab \"'\\\n\té€😀\0"[random.Next(13)])]))
                    : [.. Enumerable.Range(0, random.Next(8)).Select(_ => (byte)random.Next(256))];
                Varint(output, (ulong)text.Length);
                output.AddRange(text);
                return;
        }

        int wireType = field.Type switch
        {
            Type.Double or Type.Fixed64 or Type.Sfixed64 => 1,
            Type.Float or Type.Fixed32 or Type.Sfixed32 => 5,
            _ => 0,
        };
        if (!tagless)
        {
            Tag(output, field.Number, wireType);
        }

        switch (wireType)
        {
            case 1:
                output.AddRange(BitConverter.GetBytes(field.Type == Type.Double ? BitConverter.DoubleToInt64Bits(RandomDouble()) : RandomLong()));
                break;
            case 5:
                output.AddRange(BitConverter.GetBytes(field.Type == Type.Float ? BitConverter.SingleToInt32Bits((float)RandomDouble()) : (int)RandomLong()));
                break;
            default:
                ulong value = field.Type switch
                {
                    Type.Bool => (ulong)random.Next(2),
                    Type.Enum when enums.TryGetValue(typeName, out EnumDescriptorProto? e) && random.Next(4) != 0 => (ulong)(long)e.Value[random.Next(e.Value.Count)].Number,
                    Type.Enum => (ulong)(long)random.Next(-3, 200),
                    _ => (ulong)RandomLong(),
                };
                Varint(output, value);
                break;
        }
    }

    private long RandomLong() => random.Next(6) switch
    {
        0 => 0,
        1 => random.Next(-5, 300),
        2 => random.NextInt64(),
        3 => -random.NextInt64(),
        4 => int.MaxValue + (long)random.Next(3),
        _ => random.Next(),
    };

    private double RandomDouble() => random.Next(8) switch
    {
        0 => 0,
        1 => -0.0,
        2 => double.NaN,
        3 => random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity,
        4 => random.Next(-1000, 1000) / 8.0,
        5 => BitConverter.Int64BitsToDouble(random.NextInt64()),
        6 => Math.Pow(10, random.Next(-40, 40)) * random.NextDouble(),
        _ => random.NextDouble(),
    };

    private static void Tag(List<byte> output, int number, int wireType) => Varint(output, ((ulong)number << 3) | (uint)wireType);

    private static void Varint(List<byte> output, ulong value)
    {
        while (value >= 0x80)
        {
            output.Add((byte)(value | 0x80));
            value >>= 7;
        }

        output.Add((byte)value);
    }
}
