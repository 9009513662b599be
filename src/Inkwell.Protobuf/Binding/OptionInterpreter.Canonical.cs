using Inkwell.Protobuf.Descriptors;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// The interpreted options "re-parsed" as protoc re-parses them: fields the compiled-in descriptor.proto knows merged and
/// written in field-number order, custom options left unknown in the order interpreted, source-retention options
/// stripped (with their paths recorded) where the stripped form is asked for.
/// </summary>
internal sealed partial class OptionInterpreter
{
    /// <summary>
    /// Writes <paramref name="entries"/> as protoc writes options into a descriptor set: it re-parses them
    /// as a dynamic message of the compilation's pool (so every extension it can see is known), strips
    /// fields with <c>retention = RETENTION_SOURCE</c>, and serializes: fields in number order, singular
    /// messages merged, the last value of a singular scalar winning. Returns whether anything was stripped.
    /// With <paramref name="retain"/>, writes them as protoc holds them before that: nothing stripped, and the
    /// options message's own extensions (custom options) left as protoc's compiled-in options class leaves them,
    /// unknown fields in the order interpreted, unmerged; message fields nested in it (<c>features</c>) are still
    /// written as the pool sees them (checked against protoc 35.1's <c>--retain_options</c>).
    /// </summary>
    private bool Canonicalize(MessageSyntax type, List<WireField> entries, ProtoWriter writer, List<int> path, List<int[]> strippedPaths, bool retain, bool nested = false)
    {
        Dictionary<int, FieldSyntax> fieldsByNumber = retain && !nested ? BuiltInFieldsByNumber(type) : FieldsByNumber(type);

        var known = new SortedDictionary<int, List<WireField>>();
        var unknown = new List<WireField>();
        foreach (WireField entry in entries)
        {
            if (!fieldsByNumber.ContainsKey(entry.Number))
            {
                unknown.Add(entry);
                continue;
            }

            if (!known.TryGetValue(entry.Number, out List<WireField>? list))
            {
                known[entry.Number] = list = [];
            }

            list.Add(entry);
        }

        bool stripped = false;
        foreach (KeyValuePair<int, List<WireField>> pair in known)
        {
            FieldSyntax field = fieldsByNumber[pair.Key];
            if (!retain && HasSourceRetention(field))
            {
                stripped = true;
                strippedPaths.Add([.. path, field.Number]);
                continue;
            }

            bool repeated = field.Label == FieldLabel.Repeated;
            if (Resolved(field).Type is FieldType.Message or FieldType.Group)
            {
                MessageSyntax? subType = FindMessage(Resolved(field).TypeName!);
                IEnumerable<List<WireField>> groups = repeated
                    ? pair.Value.Select(e => new List<WireField> { e })
                    : [pair.Value];
                int groupIndex = 0;
                foreach (List<WireField> group in groups)
                {
                    path.Add(field.Number);
                    if (repeated)
                    {
                        path.Add(groupIndex++);
                    }

                    var merged = new List<WireField>();
                    foreach (WireField e in group)
                    {
                        merged.AddRange(WireReader.TryReadAll(e.Payload) ?? []);
                    }

                    var inner = new ProtoWriter();
                    if (subType is not null)
                    {
                        stripped |= Canonicalize(subType, merged, inner, path, strippedPaths, retain, nested: true);
                    }

                    path.RemoveRange(path.Count - (repeated ? 2 : 1), repeated ? 2 : 1);

                    WireField first = group[0];
                    WireReader.Write(writer, new WireField(first.Number, first.WireType, 0, inner.ToArray()));
                }
            }
            else if (repeated)
            {
                WriteRepeatedScalar(field, pair.Value, writer);
            }
            else
            {
                WireReader.Write(writer, pair.Value[^1]);
            }
        }

        foreach (WireField e in unknown)
        {
            WireReader.Write(writer, e);
        }

        return stripped;
    }

    private readonly Dictionary<MessageSyntax, Dictionary<int, FieldSyntax>> _builtInFieldMaps = [];

    // The options type's own fields by number: what protoc's compiled-in descriptor.proto knows of it.
    private Dictionary<int, FieldSyntax> BuiltInFieldsByNumber(MessageSyntax type)
    {
        if (!_builtInFieldMaps.TryGetValue(type, out Dictionary<int, FieldSyntax>? fields))
        {
            _builtInFieldMaps[type] = fields = type.Fields.ToDictionary(f => f.Number);
        }

        return fields;
    }

    // The fields and pool extensions of a type by number, cached until another extension of it appears.
    private readonly Dictionary<MessageSyntax, (int Extensions, Dictionary<int, FieldSyntax> Fields)> _fieldMaps = [];

    private Dictionary<int, FieldSyntax> FieldsByNumber(MessageSyntax type)
    {
        IReadOnlyList<FieldSyntax> extensions = scope.Table.ExtensionsOf(type.FullName);
        if (_fieldMaps.TryGetValue(type, out var cached) && cached.Extensions == extensions.Count)
        {
            return cached.Fields;
        }

        var fields = new Dictionary<int, FieldSyntax>();
        foreach (FieldSyntax f in type.Fields)
        {
            fields[f.Number] = f;
        }

        foreach (FieldSyntax extension in extensions)
        {
            if (!fields.ContainsKey(extension.Number))
            {
                fields[extension.Number] = extension;
            }
        }

        _fieldMaps[type] = (extensions.Count, fields);
        return fields;
    }

    private static bool HasSourceRetention(FieldSyntax field) =>
        field.Options.Any(o => o.Name.Count == 1 && o.Name[0].Name == "retention" && !o.Name[0].IsExtension && o.Identifier == "RETENTION_SOURCE");

    private void WriteRepeatedScalar(FieldSyntax field, List<WireField> entries, ProtoWriter writer)
    {
        if (Resolved(field).Type is FieldType.String or FieldType.Bytes)
        {
            foreach (WireField e in entries)
            {
                WireReader.Write(writer, e);
            }

            return;
        }

        int elementWireType = Resolved(field).Type switch
        {
            FieldType.Fixed32 or FieldType.SFixed32 or FieldType.Float => 5,
            FieldType.Fixed64 or FieldType.SFixed64 or FieldType.Double => 1,
            _ => 0,
        };
        var values = new List<ulong>();
        foreach (WireField e in entries)
        {
            if (e.WireType == 2)
            {
                int pos = 0;
                byte[] data = e.Payload;
                while (pos < data.Length)
                {
                    if (elementWireType == 0)
                    {
                        WireReader.TryReadVarint(data, ref pos, out ulong v);
                        values.Add(v);
                    }
                    else
                    {
                        int size = elementWireType == 5 ? 4 : 8;
                        ulong v = 0;
                        for (int i = 0; i < size && pos + i < data.Length; i++)
                        {
                            v |= (ulong)data[pos + i] << (8 * i);
                        }

                        values.Add(v);
                        pos += size;
                    }
                }
            }
            else
            {
                values.Add(e.Value);
            }
        }

        bool packed = field.Options.FirstOrDefault(o => o.Name.Count == 1 && o.Name[0].Name == "packed") is { } packedOption
            ? packedOption.Identifier == "true"
            : field.IsPackedByDefault;
        if (packed)
        {
            var inner = new ProtoWriter();
            foreach (ulong v in values)
            {
                WriteElement(inner, elementWireType, v);
            }

            writer.WriteBytesField(field.Number, inner.Written);
            return;
        }

        foreach (ulong v in values)
        {
            writer.WriteTag(field.Number, elementWireType);
            WriteElement(writer, elementWireType, v);
        }
    }

    private static void WriteElement(ProtoWriter writer, int wireType, ulong value)
    {
        switch (wireType)
        {
            case 5: writer.WriteFixed32((uint)value); break;
            case 1: writer.WriteFixed64(value); break;
            default: writer.WriteVarint(value); break;
        }
    }
}
