using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Inkwell.Protobuf.CSharp.Internal.Emit.Fields;
using Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// Writes one message class in protoc's member order: statics, constructors and cloning, field
/// members, oneofs, framework methods, serialization, merging, extension accessors, then nested types
/// and nested extension identifiers. A message of a class hierarchy is written by <see cref="HierarchyEmitter"/>,
/// which shares the members written the same way for both (fields, oneofs, nested types, parse cases).
/// </summary>
internal sealed partial class MessageEmitter
{
    private readonly EmitContext _context;
    private readonly ProtoMessage _message;
    private readonly List<FieldEmitter> _fields = [];
    private readonly List<ProtoField> _fieldsByNumber;
    private readonly int _hasBitFieldCount;

    public MessageEmitter(EmitContext context, ProtoMessage message)
    {
        _context = context;
        _message = message;
        _fieldsByNumber = [.. message.Fields.OrderBy(f => f.Number)];
        // Has-bits are numbered in field-number order, as protoc's GetPresenceIndex does.
        var presenceIndexes = new Dictionary<ProtoField, int>();
        foreach (ProtoField field in _fieldsByNumber)
        {
            if (FieldEmitter.RequiresPresenceBit(field))
            {
                presenceIndexes.Add(field, presenceIndexes.Count);
            }
        }
        _hasBitFieldCount = (presenceIndexes.Count + 31) / 32;
        foreach (ProtoField field in message.Fields)
        {
            _fields.Add(FieldEmitter.Create(context, field, presenceIndexes.TryGetValue(field, out int index) ? index : -1));
        }
    }

    private CodeWriter W => _context.Writer;

    private bool CachesSizes => _context.CachesSizes(_message);

    public ProtoMessage Message => _message;

    public string ClassName => Names.EscapeKeyword(_message.Name);

    /// <summary>The message's fields in number order (the order protoc writes and parses them).</summary>
    public IReadOnlyList<ProtoField> FieldsByNumber => _fieldsByNumber;

    /// <summary>How many <c>int</c> fields hold the presence bits (<c>_hasBits0</c>, …).</summary>
    public int HasBitFieldCount => _hasBitFieldCount;

    public FieldEmitter EmitterFor(ProtoField field) => _fields[_message.Fields.IndexOf(field)];

    /// <summary>The fields of this class's own level: all of them, less a hierarchy base's subtype members.</summary>
    public IEnumerable<ProtoField> LevelFields =>
        _message.Fields.Where(f => _message.Hierarchy?.IsLevelField(f) ?? true);

    public IEnumerable<FieldEmitter> LevelEmitters => LevelFields.Select(EmitterFor);

    /// <summary>The oneofs of this class's own level: all of them, less a hierarchy base's subtype oneof.</summary>
    public IEnumerable<ProtoOneof> LevelOneofs =>
        _message.Oneofs.Where(o => o != _message.Hierarchy?.SubtypeOneof);

    public void Emit()
    {
        if (_message.Hierarchy is not null)
        {
            new HierarchyEmitter(_context, this).Emit();
            return;
        }
        _context.Comments.Write(W, _message.Path);
        if (_message.IsDeprecated)
        {
            W.Line("[global::System.ObsoleteAttribute]");
        }
        if (_context.Options.Serializable)
        {
            W.Line("[global::System.SerializableAttribute]");
        }
        W.Line("[global::System.Diagnostics.DebuggerDisplayAttribute(\"{ToString(),nq}\")]");
        string baseInterface = _message.HasExtensionRanges ? "pb::IExtendableMessage" : "pb::IMessage";
        W.Line($"{_context.AccessLevel} sealed partial class {ClassName} : {baseInterface}<{ClassName}>");
        W.WriteUsualBuildOnly("    , pb::IBufferMessage");
        W.Line("{");
        W.Indent();
        W.Line($"private static readonly pb::MessageParser<{ClassName}> _parser = new pb::MessageParser<{ClassName}>(() => new {ClassName}());");
        W.Line("private pb::UnknownFieldSet _unknownFields;");
        if (CachesSizes)
        {
            W.Line($"private int {SizeCache.Field};");
        }
        if (_message.HasExtensionRanges)
        {
            W.Line(IsDescriptorOptionsMessage
                ? $"internal pb::ExtensionSet<{ClassName}> _extensions;"
                : $"private pb::ExtensionSet<{ClassName}> _extensions;");
            W.Line($"private pb::ExtensionSet<{ClassName}> _Extensions {{ get {{ return _extensions; }} }}");
        }
        for (int i = 0; i < _hasBitFieldCount; i++)
        {
            W.Line($"private int _hasBits{i.ToString(CultureInfo.InvariantCulture)};");
        }
        _context.WriteGeneratedCodeAttributes();
        W.Line($"public static pb::MessageParser<{ClassName}> Parser {{ get {{ return _parser; }} }}");
        W.Line();
        WriteDescriptorProperty("");
        W.Line();
        _context.WriteGeneratedCodeAttributes();
        W.Open("pbr::MessageDescriptor pb::IMessage.Descriptor");
        W.Line("get { return Descriptor; }");
        W.Close();
        W.Line();
        WriteConstructor();
        WriteCloning();
        WriteFieldMembers();
        WriteOneofMembers();
        WriteFrameworkMethods();
        WriteSerialization();
        WriteMerging();
        if (_message.HasExtensionRanges)
        {
            WriteExtensionAccessors();
        }
        WriteNestedTypes();
        W.Close();
        W.Line();
    }

    private static bool HasTypesClass(ProtoMessage message) =>
        message.NestedEnums.Count > 0 || message.NestedMessages.Any(m => !m.IsMapEntry);

    private static bool HasExtensionsClass(ProtoMessage message) =>
        message.Extensions.Any(e => e != message.Hierarchy?.MemberInBase);

    /// <summary>A hierarchy subtype's nested class hides a base's class of the same name.</summary>
    private string HidingModifier(System.Func<ProtoMessage, bool> baseHasClass)
    {
        for (ProtoMessage? ancestor = _message.Hierarchy?.Base; ancestor is not null; ancestor = ancestor.Hierarchy?.Base)
        {
            if (baseHasClass(ancestor))
            {
                return "new ";
            }
        }
        return "";
    }

    /// <summary>The static <c>Descriptor</c>, found through the parent's or the file's descriptor.</summary>
    public void WriteDescriptorProperty(string modifiers)
    {
        string descriptorAccessor = _message.Parent is { } parent
            ? $"{parent.ClassName}.Descriptor.NestedTypes[{_message.Index.ToString(CultureInfo.InvariantCulture)}]"
            : $"{_message.File.ReflectionClassName}.Descriptor.MessageTypes[{_message.Index.ToString(CultureInfo.InvariantCulture)}]";
        _context.WriteGeneratedCodeAttributes();
        W.Open($"public static {modifiers}pbr::MessageDescriptor Descriptor");
        W.Line($"get {{ return {descriptorAccessor}; }}");
        W.Close();
    }

    public void WriteConstructor()
    {
        _context.WriteGeneratedCodeAttributes();
        W.Open($"public {ClassName}()");
        W.Line("OnConstruction();");
        W.Close();
        W.Line();
        W.Line("partial void OnConstruction();");
        W.Line();
    }

    // The runtime reads the extension sets of descriptor.proto's messages (custom options), so they are internal there.
    private bool IsDescriptorOptionsMessage => _message.File.Name == "google/protobuf/descriptor.proto";

    private void WriteCloning()
    {
        _context.WriteGeneratedCodeAttributes();
        W.Open($"public {ClassName}({ClassName} other) : this()");
        WriteHasBitsCopy();
        foreach (ProtoField field in _message.Fields)
        {
            if (field.RealOneof is null)
            {
                EmitterFor(field).WriteCloning();
            }
        }
        WriteOneofSwitches(_message.Oneofs, field => EmitterFor(field).WriteCloning());
        W.Line("_unknownFields = pb::UnknownFieldSet.Clone(other._unknownFields);");
        if (_message.HasExtensionRanges)
        {
            W.Line("_extensions = pb::ExtensionSet.Clone(other._extensions);");
        }
        W.Close();
        W.Line();
        _context.WriteGeneratedCodeAttributes();
        W.Open($"public {ClassName} Clone()");
        W.Line($"return new {ClassName}(this);");
        W.Close();
        W.Line();
    }

    /// <summary>The copy constructor's copy of the presence bits.</summary>
    public void WriteHasBitsCopy()
    {
        for (int i = 0; i < _hasBitFieldCount; i++)
        {
            string index = i.ToString(CultureInfo.InvariantCulture);
            W.Line($"_hasBits{index} = other._hasBits{index};");
        }
    }

    /// <summary>A <c>switch</c> on each oneof's case in <c>other</c>, with a case per field written by <paramref name="writeCase"/>.</summary>
    public void WriteOneofSwitches(IEnumerable<ProtoOneof> oneofs, System.Action<ProtoField> writeCase)
    {
        foreach (ProtoOneof oneof in oneofs)
        {
            W.Open($"switch (other.{oneof.PropertyName}Case)");
            foreach (ProtoField field in oneof.Fields)
            {
                W.Line($"case {oneof.CaseEnumName}.{field.OneofCaseName}:");
                W.Indent();
                writeCase(field);
                W.Line("break;");
                W.Outdent();
            }
            W.Close();
            W.Line();
        }
    }

    public void WriteFieldMembers()
    {
        foreach (ProtoField field in LevelFields)
        {
            W.Line($"/// <summary>Field number for the \"{field.Name}\" field.</summary>");
            W.Line($"public const int {field.FieldConstantName} = {field.Number.ToString(CultureInfo.InvariantCulture)};");
            EmitterFor(field).WriteMembers();
            W.Line();
        }
    }

    public void WriteOneofMembers()
    {
        foreach (ProtoOneof oneof in LevelOneofs)
        {
            W.Line($"private object {oneof.FieldName};");
            W.Line($"/// <summary>Enum of possible cases for the \"{oneof.Name}\" oneof.</summary>");
            W.Open($"public enum {oneof.CaseEnumName}");
            W.Line("None = 0,");
            foreach (ProtoField field in oneof.Fields)
            {
                W.Line($"{field.OneofCaseName} = {field.Number.ToString(CultureInfo.InvariantCulture)},");
            }
            W.Close();
            W.Line($"private {oneof.CaseEnumName} {oneof.CaseFieldName} = {oneof.CaseEnumName}.None;");
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public {oneof.CaseEnumName} {oneof.PropertyName}Case");
            W.Line($"get {{ return {oneof.CaseFieldName}; }}");
            W.Close();
            W.Line();
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public void Clear{oneof.PropertyName}()");
            W.Line($"{oneof.CaseFieldName} = {oneof.CaseEnumName}.None;");
            W.Line($"{oneof.FieldName} = null;");
            W.Close();
            W.Line();
        }
    }

    private void WriteExtensionAccessors()
    {
        string extendee = ClassName;
        W.Open($"public TValue GetExtension<TValue>(pb::Extension<{extendee}, TValue> extension)");
        W.Line("return pb::ExtensionSet.Get(ref _extensions, extension);");
        W.Close();
        W.Open($"public pbc::RepeatedField<TValue> GetExtension<TValue>(pb::RepeatedExtension<{extendee}, TValue> extension)");
        W.Line("return pb::ExtensionSet.Get(ref _extensions, extension);");
        W.Close();
        W.Open($"public pbc::RepeatedField<TValue> GetOrInitializeExtension<TValue>(pb::RepeatedExtension<{extendee}, TValue> extension)");
        W.Line("return pb::ExtensionSet.GetOrInitialize(ref _extensions, extension);");
        W.Close();
        W.Open($"public void SetExtension<TValue>(pb::Extension<{extendee}, TValue> extension, TValue value)");
        W.Line("pb::ExtensionSet.Set(ref _extensions, extension, value);");
        W.Close();
        W.Open($"public bool HasExtension<TValue>(pb::Extension<{extendee}, TValue> extension)");
        W.Line("return pb::ExtensionSet.Has(ref _extensions, extension);");
        W.Close();
        W.Open($"public void ClearExtension<TValue>(pb::Extension<{extendee}, TValue> extension)");
        W.Line("pb::ExtensionSet.Clear(ref _extensions, extension);");
        W.Close();
        W.Open($"public void ClearExtension<TValue>(pb::RepeatedExtension<{extendee}, TValue> extension)");
        W.Line("pb::ExtensionSet.Clear(ref _extensions, extension);");
        W.Close();
        W.Line();
    }

    public void WriteNestedTypes()
    {
        bool hasNested = HasTypesClass(_message);
        if (hasNested)
        {
            W.Line("#region Nested types");
            W.Line($"/// <summary>Container for nested types declared in the {_message.Name} message type.</summary>");
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public static {HidingModifier(HasTypesClass)}partial class Types");
            foreach (ProtoEnum nestedEnum in _message.NestedEnums)
            {
                new EnumEmitter(_context, nestedEnum).Emit();
            }
            foreach (ProtoMessage nested in _message.NestedMessages)
            {
                if (!nested.IsMapEntry)
                {
                    new MessageEmitter(_context, nested).Emit();
                }
            }
            W.Close();
            W.Line("#endregion");
            W.Line();
        }
        if (HasExtensionsClass(_message))
        {
            W.Line("#region Extensions");
            W.Line($"/// <summary>Container for extensions for other messages declared in the {_message.Name} message type.</summary>");
            _context.WriteGeneratedCodeAttributes();
            W.Open($"public static {HidingModifier(HasExtensionsClass)}partial class Extensions");
            foreach (ProtoField extension in _message.Extensions.Where(e => e != _message.Hierarchy?.MemberInBase))
            {
                FieldEmitter.Create(_context, extension).WriteExtension();
            }
            W.Close();
            W.Line("#endregion");
            W.Line();
        }
    }
}
