using Google.Protobuf.Reflection;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.TextFormat;

/// <summary>
/// The message and enum types of a set of files, with each field's features resolved (presence, packing, delimited
/// encoding, UTF-8 checks, closed enums, packing) from its syntax or edition and the <c>features</c> options around it.
/// The one index of message types that <see cref="TextFormatParser"/> and <see cref="TextFormatPrinter"/> look their
/// <c>messageType</c> arguments up in.
/// </summary>
internal sealed class TextFormatTypes
{
    private readonly Dictionary<string, TextMessageType> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TextEnumType> _enums = new(StringComparer.Ordinal);

    public TextFormatTypes(IEnumerable<FileDescriptorProto> files)
    {
        var extensions = new List<(string Scope, FieldDescriptorProto Field, Resolved Features, FileDescriptorProto File)>();
        foreach (FileDescriptorProto file in files)
        {
            Resolved features = Resolved.Of(file).With(file.Options?.Features);
            string prefix = file.Package.Length == 0 ? "" : file.Package + ".";
            foreach (EnumDescriptorProto enumType in file.EnumType)
            {
                AddEnum(prefix + enumType.Name, enumType, features);
            }

            foreach (DescriptorProto message in file.MessageType)
            {
                AddMessage(prefix + message.Name, message, features, file, extensions);
            }

            extensions.AddRange(file.Extension.Select(f => (file.Package, f, features, file)));
        }

        foreach ((string scope, FieldDescriptorProto field, Resolved features, FileDescriptorProto file) in extensions)
        {
            if (_messages.TryGetValue(field.Extendee.TrimStart('.'), out TextMessageType? extendee))
            {
                string fullName = (scope.Length == 0 ? "" : scope + ".") + field.Name;
                // A message set's extension declared in its own type goes by the type's name (protoc prints that, and
                // reads either).
                bool byTypeName = extendee.IsMessageSet && field.Type == Type.Message && field.Label == FieldDescriptorProto.Types.Label.Optional
                    && field.TypeName.TrimStart('.') == scope;
                TextField extension = Field(field, isMap: false, features, "[" + (byTypeName ? scope : fullName) + "]", groupLikeName: null, oneofName: null);
                extendee.Extensions[field.Number] = extension;
                extendee.ExtensionsByName[fullName] = extension;
                if (byTypeName)
                {
                    extendee.ExtensionsByName[scope] = extension;
                }
            }
        }
    }

    /// <summary>The types of <paramref name="files"/>, the argument <paramref name="parameterName"/> of a public constructor.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is null.</exception>
    public static TextFormatTypes Of(IEnumerable<FileDescriptorProto>? files, string parameterName) =>
        new(files ?? throw new ArgumentNullException(parameterName));

    public TextMessageType? FindMessage(string fullName) => _messages.TryGetValue(fullName, out TextMessageType? type) ? type : null;

    public bool HasMessage(string fullName) => FindMessage(fullName) is not null;

    /// <summary>The message type a public method's argument <paramref name="parameterName"/> names.</summary>
    /// <exception cref="ArgumentException">No message type of the files has that name.</exception>
    public TextMessageType GetMessage(string fullName, string parameterName) =>
        FindMessage(fullName) ?? throw new ArgumentException($"No message type {fullName}.", parameterName);

    public TextEnumType? FindEnum(string fullName) => _enums.TryGetValue(fullName, out TextEnumType? type) ? type : null;

    private void AddEnum(string fullName, EnumDescriptorProto proto, Resolved scope)
    {
        var type = new TextEnumType(scope.With(proto.Options?.Features).ClosedEnums);
        foreach (EnumValueDescriptorProto value in proto.Value)
        {
            if (!type.Names.ContainsKey(value.Number))
            {
                type.Names[value.Number] = value.Name;
            }

            type.Numbers[value.Name] = value.Number;
        }

        _enums[fullName] = type;
    }

    private void AddMessage(string fullName, DescriptorProto proto, Resolved scope, FileDescriptorProto file,
        List<(string, FieldDescriptorProto, Resolved, FileDescriptorProto)> extensions)
    {
        Resolved features = scope.With(proto.Options?.Features);
        var type = new TextMessageType(fullName) { IsMapEntry = proto.Options?.MapEntry == true, IsMessageSet = proto.Options?.MessageSetWireFormat == true };
        _messages[fullName] = type;
        foreach (FieldDescriptorProto field in proto.Field)
        {
            Resolved fieldScope = field.HasOneofIndex ? features.With(proto.OneofDecl[field.OneofIndex].Options?.Features) : features;
            // A map entry's value is length-prefixed whatever the file's message_encoding says.
            Resolved entryScope = type.IsMapEntry ? fieldScope with { Delimited = false } : fieldScope;
            TextField textField = Field(field, IsMap(field, proto, fullName), entryScope, field.Name, GroupLikeName(field, proto, fullName),
                field.HasOneofIndex ? proto.OneofDecl[field.OneofIndex].Name : null);
            type.Fields[field.Number] = textField;
            type.FieldsInOrder.Add(textField);
        }

        foreach (EnumDescriptorProto enumType in proto.EnumType)
        {
            AddEnum(fullName + "." + enumType.Name, enumType, features);
        }

        foreach (DescriptorProto nested in proto.NestedType)
        {
            AddMessage(fullName + "." + nested.Name, nested, features, file, extensions);
        }

        extensions.AddRange(proto.Extension.Select(f => (fullName, f, features, file)));
    }

    // protoc prints a group (or a delimited field written like one: its type nested beside it, named as the field but
    // capitalized) under its type's name: `OptionalGroup { … }`. The name, if the field is delimited.
    private static string? GroupLikeName(FieldDescriptorProto field, DescriptorProto message, string messageName)
    {
        string typeName = field.TypeName.TrimStart('.');
        int dot = typeName.LastIndexOf('.');
        string shortName = typeName.Substring(dot + 1);
        bool nestedHere = dot >= 0 && typeName.Substring(0, dot) == messageName && message.NestedType.Any(n => n.Name == shortName);
        return nestedHere && shortName.ToLowerInvariant() == field.Name ? shortName : null;
    }

    private static bool IsMap(FieldDescriptorProto field, DescriptorProto message, string messageName) =>
        field.Label == FieldDescriptorProto.Types.Label.Repeated && field.Type == Type.Message
        && message.NestedType.Any(n => n.Options?.MapEntry == true && field.TypeName.TrimStart('.') == messageName + "." + n.Name);

    private static TextField Field(FieldDescriptorProto field, bool isMap, Resolved scope, string printName, string? groupLikeName, string? oneofName)
    {
        Resolved features = scope.With(field.Options?.Features);
        bool isRepeated = field.Label == FieldDescriptorProto.Types.Label.Repeated;
        bool isMessage = field.Type is Type.Message or Type.Group;
        string? typeName = field.HasTypeName ? field.TypeName.TrimStart('.') : null;
        bool delimited = field.Type == Type.Group || features.IsEditions && isMessage && !isMap && features.Delimited;
        bool hasPresence = !isRepeated && (isMessage || field.HasOneofIndex || field.HasExtendee || field.Proto3Optional || features.ExplicitPresence);
        return new TextField
        {
            PrintName = delimited && groupLikeName is not null ? groupLikeName : printName,
            Name = field.Name,
            Number = field.Number,
            Type = delimited ? Type.Group : field.Type,
            IsRepeated = isRepeated,
            HasPresence = hasPresence,
            IsMap = isMap,
            OneofIndex = field.HasOneofIndex ? field.OneofIndex : -1,
            TypeName = typeName,
            VerifyUtf8 = field.Type == Type.String && features.VerifyUtf8,
            IsPacked = isRepeated && field.Type is not (Type.String or Type.Bytes or Type.Message or Type.Group)
                && (features.IsEditions ? features.Packed : field.Options?.HasPacked == true ? field.Options.Packed : features.Packed),
            IsRequired = field.Label == FieldDescriptorProto.Types.Label.Required
                || features.IsEditions && field.Options?.Features?.FieldPresence == FeatureSet.Types.FieldPresence.LegacyRequired,
            IsDeprecated = field.Options?.Deprecated == true,
            OneofName = oneofName,
        };
    }

    /// <summary>The features that matter here, as resolved at one place of a file.</summary>
    private readonly record struct Resolved(bool IsEditions, bool ExplicitPresence, bool ClosedEnums, bool Delimited, bool VerifyUtf8, bool Packed)
    {
        public static Resolved Of(FileDescriptorProto file) => file.Syntax switch
        {
            "proto3" => new Resolved(false, false, false, false, true, true),
            "editions" => new Resolved(true, true, false, false, true, true),
            _ => new Resolved(false, true, true, false, false, false),
        };

        public Resolved With(FeatureSet? features)
        {
            if (features is null || !IsEditions)
            {
                return this;
            }

            return new Resolved(
                true,
                features.HasFieldPresence ? features.FieldPresence != FeatureSet.Types.FieldPresence.Implicit : ExplicitPresence,
                features.HasEnumType ? features.EnumType == FeatureSet.Types.EnumType.Closed : ClosedEnums,
                features.HasMessageEncoding ? features.MessageEncoding == FeatureSet.Types.MessageEncoding.Delimited : Delimited,
                features.HasUtf8Validation ? features.Utf8Validation == FeatureSet.Types.Utf8Validation.Verify : VerifyUtf8,
                features.HasRepeatedFieldEncoding ? features.RepeatedFieldEncoding == FeatureSet.Types.RepeatedFieldEncoding.Packed : Packed);
        }
    }
}
