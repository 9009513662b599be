using System.Collections;
using System.Reflection;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Inkwell.Protobuf.CSharp.Tests.Infrastructure;

/// <summary>
/// Builds random messages through descriptors and field accessors only, so the same seed builds the
/// same message in protoc's and in Inkwell's generated types (their descriptors are equal). Values
/// stress the encodings: extremes, negative numbers, NaN and signed zeros, multi-byte UTF-8, empty
/// and nested containers, oneofs and proto2 extensions.
/// </summary>
internal sealed class RandomMessageBuilder(int seed, IReadOnlyList<FieldDescriptor> extensions, int maxDepth = 3)
{
    private readonly Random _random = new(seed);

    public IMessage Build(MessageDescriptor descriptor) => Build(descriptor, 0);

    private IMessage Build(MessageDescriptor descriptor, int depth)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        if (descriptor.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal) && FillWellKnown(message, depth))
        {
            return message;
        }
        var chosen = new Dictionary<OneofDescriptor, FieldDescriptor?>();
        foreach (OneofDescriptor oneof in descriptor.Oneofs)
        {
            if (!oneof.IsSynthetic)
            {
                chosen[oneof] = _random.Next(oneof.Fields.Count + 1) is int i && i < oneof.Fields.Count ? oneof.Fields[i] : null;
            }
        }
        foreach (FieldDescriptor field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.RealContainingOneof is { } oneof)
            {
                if (chosen[oneof] != field)
                {
                    continue;
                }
            }
            else if (_random.Next(4) == 0)
            {
                continue;
            }
            Fill(message, field, depth);
        }
        foreach (FieldDescriptor extension in extensions.Where(e => e.ExtendeeType.FullName == descriptor.FullName))
        {
            if (_random.Next(3) == 0)
            {
                Fill(message, extension, depth);
            }
        }
        return message;
    }

    private void Fill(IMessage message, FieldDescriptor field, int depth)
    {
        if (field.IsExtension)
        {
            FillExtension(message, field, depth);
        }
        else if (field.IsMap)
        {
            var map = (IDictionary)field.Accessor.GetValue(message);
            FieldDescriptor keyField = field.MessageType.FindFieldByNumber(1);
            FieldDescriptor valueField = field.MessageType.FindFieldByNumber(2);
            int count = _random.Next(4);
            for (int i = 0; i < count; i++)
            {
                object? value = Value(valueField, depth + 1);
                if (value is not null)
                {
                    map[Value(keyField, depth + 1)!] = value;
                }
            }
        }
        else if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(message);
            int count = _random.Next(5);
            for (int i = 0; i < count; i++)
            {
                object? value = Value(field, depth + 1);
                if (value is not null)
                {
                    list.Add(value);
                }
            }
        }
        else
        {
            object? value = Value(field, depth + 1);
            if (value is not null)
            {
                field.Accessor.SetValue(message, value);
            }
        }
    }

    private void FillExtension(IMessage message, FieldDescriptor field, int depth)
    {
        System.Type valueType = field.Extension.GetType().GetGenericArguments()[1];
        if (field.IsRepeated)
        {
            var list = (IList)message.GetType().GetMethod("GetOrInitializeExtension")!.MakeGenericMethod(valueType).Invoke(message, [field.Extension])!;
            for (int i = _random.Next(4); i > 0; i--)
            {
                if (Value(field, depth + 1) is { } value)
                {
                    list.Add(value);
                }
            }
        }
        else if (Value(field, depth + 1) is { } value)
        {
            message.GetType().GetMethod("SetExtension")!.MakeGenericMethod(valueType).Invoke(message, [field.Extension, value]);
        }
    }

    /// <summary>Every extension the generated files of an assembly declare, in a stable order.</summary>
    public static List<FieldDescriptor> ExtensionsOf(IEnumerable<FileDescriptor> files)
    {
        var result = new List<FieldDescriptor>();
        var seen = new HashSet<string>();
        var queue = new Queue<FileDescriptor>(files);
        while (queue.Count > 0)
        {
            FileDescriptor file = queue.Dequeue();
            if (!seen.Add(file.Name))
            {
                continue;
            }
            result.AddRange(file.Extensions.UnorderedExtensions);
            foreach (MessageDescriptor message in GeneratedPair.AllMessages(file))
            {
                result.AddRange(message.Extensions.UnorderedExtensions);
            }
            foreach (FileDescriptor dependency in file.Dependencies)
            {
                queue.Enqueue(dependency);
            }
        }
        return [.. result.Where(e => e.Extension is not null).OrderBy(e => e.FullName, StringComparer.Ordinal)];
    }

    private object? Value(FieldDescriptor field, int depth)
    {
        switch (field.FieldType)
        {
            case FieldType.Double: return Double();
            case FieldType.Float: return (float)Double();
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64: return Pick(0L, 1L, -1L, long.MinValue, long.MaxValue, _random.NextInt64(long.MinValue, long.MaxValue), _random.NextInt64(-300, 300));
            case FieldType.UInt64 or FieldType.Fixed64: return Pick(0UL, 1UL, ulong.MaxValue, (ulong)_random.NextInt64(long.MinValue, long.MaxValue), (ulong)_random.Next(300));
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32: return Pick(0, 1, -1, int.MinValue, int.MaxValue, _random.Next(int.MinValue, int.MaxValue), _random.Next(-300, 300));
            case FieldType.UInt32 or FieldType.Fixed32: return Pick(0U, 1U, uint.MaxValue, (uint)_random.Next(int.MinValue, int.MaxValue), (uint)_random.Next(300));
            case FieldType.Bool: return _random.Next(2) == 0;
            case FieldType.String: return String();
            case FieldType.Bytes: return ByteString.CopyFrom(Bytes());
            case FieldType.Enum:
            {
                IList<EnumValueDescriptor> values = field.EnumType.Values;
                int number = values[_random.Next(values.Count)].Number;
                return System.Enum.ToObject(field.EnumType.ClrType, number);
            }
            case FieldType.Message or FieldType.Group:
            {
                if (depth > maxDepth)
                {
                    return null;
                }
                if (field.MessageType.File.Name == "google/protobuf/wrappers.proto")
                {
                    return Value(field.MessageType.FindFieldByNumber(1), depth);
                }
                if (field.MessageType.FullName == "google.protobuf.Any")
                {
                    // Any needs a type registry for JSON; an empty Any keeps the formats comparable.
                    return new Any();
                }
                return Build(field.MessageType, depth);
            }
            default:
                throw new InvalidOperationException("Unknown field type " + field.FieldType);
        }
    }

    /// <summary>Well-known types get values their JSON forms accept, so JSON can be compared too.</summary>
    private bool FillWellKnown(IMessage message, int depth)
    {
        switch (message)
        {
            case Timestamp timestamp:
                timestamp.Seconds = _random.NextInt64(-62135596800, 253402300799);
                timestamp.Nanos = _random.Next(1_000_000_000);
                return true;
            case Duration duration:
                duration.Seconds = _random.NextInt64(0, 315576000000);
                duration.Nanos = _random.Next(1_000_000_000);
                if (_random.Next(2) == 0)
                {
                    duration.Seconds = -duration.Seconds;
                    duration.Nanos = -duration.Nanos;
                }
                return true;
            case FieldMask mask:
                mask.Paths.Add(Pick("a", "foo_bar", "x.y_z"));
                return true;
            case Value value:
                FillValue(value, depth);
                return true;
            case Struct structure:
                for (int i = _random.Next(3); i > 0; i--)
                {
                    var item = new Value();
                    FillValue(item, depth + 1);
                    structure.Fields["k" + i] = item;
                }
                return true;
            case ListValue list:
                for (int i = _random.Next(3); i > 0; i--)
                {
                    var item = new Value();
                    FillValue(item, depth + 1);
                    list.Values.Add(item);
                }
                return true;
            case Any:
                return true;
            default:
                return false;
        }
    }

    private void FillValue(Value value, int depth)
    {
        switch (depth > maxDepth ? _random.Next(4) : _random.Next(6))
        {
            case 0: value.NullValue = NullValue.NullValue; break;
            case 1: value.NumberValue = _random.Next(-1000, 1000) / 8.0; break;
            case 2: value.StringValue = String(); break;
            case 3: value.BoolValue = _random.Next(2) == 0; break;
            case 4: value.StructValue = new Struct(); FillWellKnown(value.StructValue, depth + 1); break;
            default: value.ListValue = new ListValue(); FillWellKnown(value.ListValue, depth + 1); break;
        }
    }

    private double Double() => _random.Next(10) switch
    {
        0 => 0.0,
        1 => -0.0,
        2 => double.NaN,
        3 => double.PositiveInfinity,
        4 => double.NegativeInfinity,
        5 => double.Epsilon,
        6 => double.MaxValue,
        _ => (_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-20, 20)),
    };

    private string String()
    {
        int length = _random.Next(8);
        var builder = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            builder.Append(_random.Next(6) switch
            {
                0 => "é",
                1 => "\U0001F600",
                2 => "\"\\\n",
                3 => "中",
                4 => "\0",
                _ => ((char)_random.Next('a', 'z' + 1)).ToString(),
            });
        }
        return builder.ToString();
    }

    private byte[] Bytes()
    {
        var bytes = new byte[_random.Next(6)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];

    public static ExtensionRegistry RegistryFor(IEnumerable<FieldDescriptor> extensions)
    {
        var registry = new ExtensionRegistry();
        registry.AddRange(extensions.Select(e => e.Extension));
        return registry;
    }

    /// <summary>The message's parser, extended with the registry.</summary>
    public static MessageParser ParserFor(MessageDescriptor descriptor, ExtensionRegistry registry) =>
        ((MessageParser)descriptor.ClrType.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .WithExtensionRegistry(registry);
}
