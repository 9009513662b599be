using System.Text;
using Google.Protobuf.Reflection;
using Editions = Inkwell.Protobuf.Syntax.Editions;

namespace Inkwell.Protobuf.Descriptors;

/// <summary>
/// Writes a precompiled FileDescriptorProto (from <c>--descriptor_set_in</c>) back as .proto text, so that the files
/// importing it bind against it through the ordinary parser and binder. The text carries what binding another file
/// can depend on: every type, field, map, group, oneof, enum value, extension and extension range, services, imports,
/// <c>features</c>, <c>allow_alias</c>, <c>message_set_wire_format</c>, custom <c>json_name</c>s, symbol visibility,
/// extension ranges' declarations and verification (protoc checks an importing file's extensions against them), and
/// defaults. It leaves out what only the file's own descriptor shows (reserved ranges, other options, comments): the
/// descriptor written for the file is the precompiled one, never this text's.
/// </summary>
internal sealed class DescriptorSourceWriter
{
    private const int MaxFieldNumberPlusOne = 536870912;

    private readonly StringBuilder _text = new();
    private readonly bool _isEditions;
    private readonly bool _isProto3;
    private readonly bool _isUnstable;
    private int _indent;

    private DescriptorSourceWriter(FileDescriptorProto file)
    {
        _isEditions = file.Syntax == "editions";
        _isProto3 = file.Syntax == "proto3";
        _isUnstable = _isEditions && file.Edition == Editions.Unstable;
    }

    /// <summary>The .proto text of <paramref name="file"/>.</summary>
    public static string Write(FileDescriptorProto file)
    {
        var writer = new DescriptorSourceWriter(file);
        writer.WriteFile(file);
        return writer._text.ToString();
    }

    private void WriteFile(FileDescriptorProto file)
    {
        if (_isEditions)
        {
            Line($"edition = \"{Inkwell.Internal.EditionNames.Name(file.Edition)}\";");
        }
        else
        {
            Line(_isProto3 ? "syntax = \"proto3\";" : "syntax = \"proto2\";");
        }

        if (file.Package.Length > 0)
        {
            Line($"package {file.Package};");
        }

        for (int i = 0; i < file.Dependency.Count; i++)
        {
            string kind = file.PublicDependency.Contains(i) ? "public " : file.WeakDependency.Contains(i) ? "weak " : "";
            Line($"import {kind}{Quote(file.Dependency[i])};");
        }

        foreach (string optionImport in file.OptionDependency)
        {
            Line($"import option {Quote(optionImport)};");
        }

        WriteFeatures(file.Options?.Features);
        var messages = new NestedTypeOrder(this, file.MessageType, GroupTypes(file.Extension), maps: null);
        foreach (EnumDescriptorProto enumType in file.EnumType)
        {
            WriteEnum(enumType);
        }

        WriteExtensions(file.Extension, file.MessageType, messages);
        messages.WriteRest();
        foreach (ServiceDescriptorProto service in file.Service)
        {
            WriteService(service);
        }
    }

    // A proto2 group is a field and a nested message of the same scope written as one: the message is printed in the field.
    private static HashSet<string> GroupTypes(IEnumerable<FieldDescriptorProto> fields) =>
        new(fields.Where(IsGroupSyntax).Select(f => f.TypeName.Substring(f.TypeName.LastIndexOf('.') + 1)), StringComparer.Ordinal);

    private static bool IsGroupSyntax(FieldDescriptorProto field) =>
        field.Type == FieldDescriptorProto.Types.Type.Group && field.Options?.Features?.MessageEncoding is not FeatureSet.Types.MessageEncoding.Delimited;

    private void WriteMessage(DescriptorProto message, FieldDescriptorProto? groupField)
    {
        if (groupField is null)
        {
            Line($"{Visibility(message.Visibility)}message {message.Name} {{");
        }

        _indent++;
        WriteFeatures(message.Options?.Features);
        if (message.Options?.MessageSetWireFormat == true)
        {
            Line("option message_set_wire_format = true;");
        }

        var maps = message.NestedType.Where(n => n.Options?.MapEntry == true).ToDictionary(n => n.Name, StringComparer.Ordinal);
        var nested = new NestedTypeOrder(this, message.NestedType, GroupTypes(message.Field.Concat(message.Extension)), maps);
        var writtenOneofs = new HashSet<int>();
        foreach (FieldDescriptorProto field in message.Field)
        {
            if (field.HasOneofIndex && !field.Proto3Optional)
            {
                if (writtenOneofs.Add(field.OneofIndex))
                {
                    OneofDescriptorProto oneof = message.OneofDecl[field.OneofIndex];
                    foreach (FieldDescriptorProto member in message.Field.Where(f => f.HasOneofIndex && f.OneofIndex == field.OneofIndex && IsGroupSyntax(f)))
                    {
                        // Messages are not declared inside a oneof: the ones listed before its groups come first.
                        nested.WriteBefore(GroupBody(member, message.NestedType));
                    }

                    Line($"oneof {oneof.Name} {{");
                    _indent++;
                    WriteFeatures(oneof.Options?.Features);
                    foreach (FieldDescriptorProto member in message.Field.Where(f => f.HasOneofIndex && f.OneofIndex == field.OneofIndex))
                    {
                        WriteField(member, message.NestedType, maps, inOneof: true, nested);
                    }

                    _indent--;
                    Line("}");
                }

                continue;
            }

            WriteField(field, message.NestedType, maps, inOneof: false, nested);
        }

        foreach (EnumDescriptorProto enumType in message.EnumType)
        {
            WriteEnum(enumType);
        }

        foreach (DescriptorProto.Types.ExtensionRange range in message.ExtensionRange)
        {
            Line($"extensions {Range(range.Start, range.End)}{RangeOptions(range.Options)};");
        }

        WriteExtensions(message.Extension, message.NestedType, nested);
        nested.WriteRest();
        _indent--;
        Line("}");
    }

    private void WriteExtensions(IEnumerable<FieldDescriptorProto> extensions, IReadOnlyList<DescriptorProto> scopeTypes, NestedTypeOrder order)
    {
        foreach (FieldDescriptorProto extension in extensions)
        {
            if (IsGroupSyntax(extension))
            {
                // Nor inside an extend block.
                order.WriteBefore(GroupBody(extension, scopeTypes));
            }

            Line($"extend {extension.Extendee} {{");
            _indent++;
            WriteField(extension, scopeTypes, maps: null, inOneof: false, order);
            _indent--;
            Line("}");
        }
    }

    private void WriteField(FieldDescriptorProto field, IReadOnlyList<DescriptorProto> scopeTypes, Dictionary<string, DescriptorProto>? maps, bool inOneof, NestedTypeOrder order)
    {
        string options = FieldOptions(field);
        string typeShortName = field.TypeName.Substring(field.TypeName.LastIndexOf('.') + 1);
        if (maps is not null && field.Label == FieldDescriptorProto.Types.Label.Repeated && maps.TryGetValue(typeShortName, out DescriptorProto? entry)
            && field.TypeName.EndsWith("." + entry.Name, StringComparison.Ordinal))
        {
            order.WriteBefore(entry);
            Line($"map<{TypeName(entry.Field[0])}, {TypeName(entry.Field[1])}> {field.Name} = {field.Number}{options};");
            return;
        }

        string label = inOneof ? "" : Label(field);
        if (IsGroupSyntax(field))
        {
            DescriptorProto body = GroupBody(field, scopeTypes);
            order.WriteBefore(body);
            Line($"{label}group {body.Name} = {field.Number}{options} {{");
            WriteMessage(body, field);
            return;
        }

        Line($"{label}{TypeName(field)} {field.Name} = {field.Number}{options};");
    }

    private static DescriptorProto GroupBody(FieldDescriptorProto group, IReadOnlyList<DescriptorProto> scopeTypes)
    {
        string name = group.TypeName.Substring(group.TypeName.LastIndexOf('.') + 1);
        return scopeTypes.First(t => t.Name == name);
    }

    private string Label(FieldDescriptorProto field) => field.Label switch
    {
        FieldDescriptorProto.Types.Label.Repeated => "repeated ",
        FieldDescriptorProto.Types.Label.Required when !_isEditions => "required ",
        _ when field.Proto3Optional => "optional ",
        _ when !_isEditions && !_isProto3 => "optional ",
        _ => "",
    };

    // Declarations (as a text-format message each), verification and features: what protoc checks extensions against.
    private static string RangeOptions(ExtensionRangeOptions? rangeOptions)
    {
        if (rangeOptions is null)
        {
            return "";
        }

        var options = new List<string>();
        foreach (ExtensionRangeOptions.Types.Declaration declaration in rangeOptions.Declaration)
        {
            var fields = new List<string>();
            if (declaration.HasNumber)
            {
                fields.Add($"number: {declaration.Number}");
            }

            if (declaration.HasFullName)
            {
                fields.Add($"full_name: {Quote(declaration.FullName)}");
            }

            if (declaration.HasType)
            {
                fields.Add($"type: {Quote(declaration.Type)}");
            }

            if (declaration.HasReserved)
            {
                fields.Add($"reserved: {(declaration.Reserved ? "true" : "false")}");
            }

            if (declaration.HasRepeated)
            {
                fields.Add($"repeated: {(declaration.Repeated ? "true" : "false")}");
            }

            options.Add($"declaration = {{ {string.Join(" ", fields)} }}");
        }

        if (rangeOptions.HasVerification)
        {
            options.Add($"verification = {(rangeOptions.Verification == Google.Protobuf.Reflection.ExtensionRangeOptions.Types.VerificationState.Declaration ? "DECLARATION" : "UNVERIFIED")}");
        }

        options.AddRange(Features(rangeOptions.Features).Select(f => "features." + f));
        return options.Count == 0 ? "" : $" [{string.Join(", ", options)}]";
    }

    // A default as .proto text: the descriptor holds it as protoc printed it (bytes C-escaped, strings raw).
    private static string DefaultValue(FieldDescriptorProto field) => field.Type switch
    {
        FieldDescriptorProto.Types.Type.String => "\"" + Inkwell.Internal.CEscapes.Escape(System.Text.Encoding.UTF8.GetBytes(field.DefaultValue)) + "\"",
        FieldDescriptorProto.Types.Type.Bytes => "\"" + field.DefaultValue + "\"",
        _ => field.DefaultValue,
    };

    private static string FieldOptions(FieldDescriptorProto field)
    {
        var options = new List<string>();
        if (field.HasDefaultValue)
        {
            options.Add($"default = {DefaultValue(field)}");
        }

        if (field.HasJsonName && field.JsonName != Syntax.JsonNames.Default(field.Name))
        {
            options.Add($"json_name = {Quote(field.JsonName)}");
        }

        options.AddRange(Features(field.Options?.Features).Select(f => "features." + f));
        return options.Count == 0 ? "" : $" [{string.Join(", ", options)}]";
    }

    private string TypeName(FieldDescriptorProto field) => field.Type switch
    {
        // The unstable edition renames these types (and refuses the old names).
        FieldDescriptorProto.Types.Type.Sint32 when _isUnstable => "zigzag32",
        FieldDescriptorProto.Types.Type.Sint64 when _isUnstable => "zigzag64",
        FieldDescriptorProto.Types.Type.Fixed32 when _isUnstable => "uint32",
        FieldDescriptorProto.Types.Type.Fixed64 when _isUnstable => "uint64",
        FieldDescriptorProto.Types.Type.Sfixed32 when _isUnstable => "int32",
        FieldDescriptorProto.Types.Type.Sfixed64 when _isUnstable => "int64",
        FieldDescriptorProto.Types.Type.Double => "double",
        FieldDescriptorProto.Types.Type.Float => "float",
        FieldDescriptorProto.Types.Type.Int64 => "int64",
        FieldDescriptorProto.Types.Type.Uint64 => "uint64",
        FieldDescriptorProto.Types.Type.Int32 => "int32",
        FieldDescriptorProto.Types.Type.Fixed64 => "fixed64",
        FieldDescriptorProto.Types.Type.Fixed32 => "fixed32",
        FieldDescriptorProto.Types.Type.Bool => "bool",
        FieldDescriptorProto.Types.Type.String => "string",
        FieldDescriptorProto.Types.Type.Bytes => "bytes",
        FieldDescriptorProto.Types.Type.Uint32 => "uint32",
        FieldDescriptorProto.Types.Type.Sfixed32 => "sfixed32",
        FieldDescriptorProto.Types.Type.Sfixed64 => "sfixed64",
        FieldDescriptorProto.Types.Type.Sint32 => "sint32",
        FieldDescriptorProto.Types.Type.Sint64 => "sint64",
        _ => field.TypeName,
    };

    private void WriteEnum(EnumDescriptorProto enumType)
    {
        Line($"{Visibility(enumType.Visibility)}enum {enumType.Name} {{");
        _indent++;
        WriteFeatures(enumType.Options?.Features);
        if (enumType.Options?.AllowAlias == true)
        {
            Line("option allow_alias = true;");
        }

        foreach (EnumValueDescriptorProto value in enumType.Value)
        {
            string[] features = [.. Features(value.Options?.Features).Select(f => "features." + f)];
            Line($"{value.Name} = {value.Number}{(features.Length == 0 ? "" : $" [{string.Join(", ", features)}]")};");
        }

        _indent--;
        Line("}");
    }

    private void WriteService(ServiceDescriptorProto service)
    {
        Line($"service {service.Name} {{");
        _indent++;
        WriteFeatures(service.Options?.Features);
        foreach (MethodDescriptorProto method in service.Method)
        {
            string input = (method.ClientStreaming ? "stream " : "") + method.InputType;
            string output = (method.ServerStreaming ? "stream " : "") + method.OutputType;
            Line($"rpc {method.Name} ({input}) returns ({output});");
        }

        _indent--;
        Line("}");
    }

    private void WriteFeatures(FeatureSet? features)
    {
        foreach (string feature in Features(features))
        {
            Line($"option features.{feature};");
        }
    }

    // The standard features set on an element, as `name = VALUE` (feature extensions of other languages are left out).
    private static IEnumerable<string> Features(FeatureSet? features)
    {
        if (features is null)
        {
            yield break;
        }

        foreach (FieldDescriptor field in FeatureSet.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType == FieldType.Enum && field.Accessor.HasValue(features))
            {
                int number = (int)field.Accessor.GetValue(features);
                string name = field.EnumType.FindValueByNumber(number)?.Name ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                yield return $"{field.Name} = {name}";
            }
        }
    }

    private static string Visibility(SymbolVisibility visibility) => visibility switch
    {
        SymbolVisibility.VisibilityLocal => "local ",
        SymbolVisibility.VisibilityExport => "export ",
        _ => "",
    };


    private static string Range(int start, int end) =>
        end == MaxFieldNumberPlusOne ? $"{start} to max" : end - 1 == start ? $"{start}" : $"{start} to {end - 1}";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>
    /// Writes a scope's messages so that the compiled descriptor lists them in the set's order: a map entry or a group
    /// is declared where its field is, so the ordinary messages listed before it are written just before that field,
    /// and the rest at the end of the scope.
    /// </summary>
    private sealed class NestedTypeOrder(DescriptorSourceWriter writer, IReadOnlyList<DescriptorProto> types, HashSet<string> groups, Dictionary<string, DescriptorProto>? maps)
    {
        private int _next;

        /// <summary>Writes the ordinary messages listed before <paramref name="declaredHere"/> (a map entry or group body) not written yet.</summary>
        public void WriteBefore(DescriptorProto declaredHere)
        {
            int index = -1;
            for (int i = 0; i < types.Count; i++)
            {
                if (ReferenceEquals(types[i], declaredHere))
                {
                    index = i;
                }
            }

            WriteUpTo(index);
            _next = Math.Max(_next, index + 1);
        }

        public void WriteRest() => WriteUpTo(types.Count);

        private void WriteUpTo(int end)
        {
            for (; _next < end; _next++)
            {
                DescriptorProto type = types[_next];
                if (!groups.Contains(type.Name) && maps?.ContainsKey(type.Name) != true)
                {
                    writer.WriteMessage(type, groupField: null);
                }
            }
        }
    }

    private void Line(string line)
    {
        _text.Append(' ', _indent * 2).Append(line).Append('\n');
    }
}
