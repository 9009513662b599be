using System.Collections.Generic;
using System.Globalization;
using Inkwell.Protobuf.CSharp.Internal.Model;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>
/// Writes one field's share of a message: its members and its lines in cloning, equality, hashing,
/// serialization, size, merging and parsing. One subclass per kind of field, as in protoc
/// (<c>csharp_*_field.cc</c>), so the text matches protoc's line for line.
/// </summary>
internal abstract class FieldEmitter(EmitContext context, ProtoField field, int presenceIndex)
{
    protected EmitContext Context { get; } = context;

    protected ProtoField Field { get; } = field;

    /// <summary>The has-bit index, or -1 when the field needs none.</summary>
    protected int PresenceIndex { get; } = presenceIndex;

    protected CodeWriter W => Context.Writer;

    protected string PropertyName => Field.PropertyName;

    /// <summary>The camelCase name without the underscore (<c>foo</c> for backing field <c>foo_</c>).</summary>
    protected string Name => Names.UnderscoresToCamelCase(Field.BaseName, capitalizeNext: false);

    protected string TypeName => TypeNames.Of(Field);

    /// <summary>Members are always public; only type declarations follow <c>internal_access</c>.</summary>
    protected static string AccessLevel => "public";

    protected string TagBytes => TypeNames.TagBytes(Field.Tag);

    protected string TagSize => TypeNames.VarintSize(Field.Tag).ToString(CultureInfo.InvariantCulture);

    protected string Number => Field.Number.ToString(CultureInfo.InvariantCulture);

    protected string Tag => Field.Tag.ToString(CultureInfo.InvariantCulture);

    protected string CapitalizedTypeName => TypeNames.Capitalized(Field.Type);

    protected string DefaultValue => TypeNames.DefaultValue(Field);

    /// <summary>Whether the field holds messages of a class hierarchy, read through its resolving parser.</summary>
    protected bool IsHierarchyMessage => Field.Type == FieldType.Message && Field.MessageType?.Hierarchy is not null;

    /// <summary>The oneof's backing field and case names, for oneof members.</summary>
    protected ProtoOneof Oneof => Field.RealOneof!;

    protected string HasBitsField => "_hasBits" + (PresenceIndex / 32).ToString(CultureInfo.InvariantCulture);

    protected string HasBitMask => (1 << (PresenceIndex % 32)).ToString(CultureInfo.InvariantCulture);

    protected string HasFieldCheck => $"({HasBitsField} & {HasBitMask}) != 0";

    protected string SetHasField => $"{HasBitsField} |= {HasBitMask}";

    protected string ClearHasField => $"{HasBitsField} &= ~{HasBitMask}";

    /// <summary>protoc's <c>SupportsPresenceApi</c>: Has/Clear members, for every field with presence but messages.</summary>
    protected bool SupportsPresenceApi => Field.Type != FieldType.Message && Field.HasPresence;

    /// <summary>The condition under which this field is written (<c>has_property_check</c>).</summary>
    protected virtual string HasPropertyCheck => SupportsPresenceApi ? "Has" + PropertyName : $"{PropertyName} != {DefaultValue}";

    protected virtual string OtherHasPropertyCheck => SupportsPresenceApi ? "other.Has" + PropertyName : $"other.{PropertyName} != {DefaultValue}";

    public abstract void WriteMembers();

    public abstract void WriteCloning();

    public abstract void WriteEquals();

    public abstract void WriteHash();

    public abstract void WriteSerialization(bool useWriteContext);

    /// <summary>
    /// Writes the field in an <c>IBufferMessage</c> write path when sizes are cached. With
    /// <paramref name="sizesCached"/> the nested messages' sizes were computed by the size pass that
    /// preceded this write; otherwise they are computed here, once, filling the caches below.
    /// </summary>
    public virtual void WriteCachedSerialization(bool sizesCached) => WriteSerialization(useWriteContext: true);

    /// <summary>
    /// Whether nested messages of this field can be written with cached sizes: messages (not groups,
    /// not wrappers, not map values) of a type generated in the same file, so in the same assembly
    /// and reachable through internal members, that has a cached size (a recursive type).
    /// </summary>
    protected bool UsesSizeCache =>
        Field.Type == FieldType.Message
        && !Field.IsWrapperType
        && !Field.IsMap
        && Field.MessageType!.File == Context.File
        && Context.CachesSizes(Field.MessageType);

    /// <summary>The length prefix and body of one nested message, with a cached or a fresh size.</summary>
    protected void WriteNestedWithSizeCache(string value, bool sizesCached)
    {
        W.Line($"output.WriteLength({value}.{(sizesCached ? SizeCache.CachedSizeMethod + "()" : "CalculateSize()")});");
        W.Line($"{value}.{SizeCache.WriteMethod}(ref output);");
    }

    /// <summary>
    /// Exchanges this field's value with the same field of <c>other</c> (moving a parsed level, docs/csharp.md).
    /// References are exchanged only when they differ (a collection: when either has elements), because one side
    /// is nearly always empty and every reference stored costs a GC write barrier on the parse path.
    /// </summary>
    public void WriteSwap()
    {
        string swap = $"{{ var swap = {Name}_; {Name}_ = other.{Name}_; other.{Name}_ = swap; }}";
        if (Field.IsRepeated)
        {
            W.Line($"if ({Name}_.Count != 0 || other.{Name}_.Count != 0) {swap}");
        }
        else if (Field.Type is FieldType.String or FieldType.Bytes || (Field.Type is FieldType.Message or FieldType.Group && !Field.IsWrapperType))
        {
            W.Line($"if (!ReferenceEquals({Name}_, other.{Name}_)) {swap}");
        }
        else
        {
            W.Line(swap);
        }
    }

    /// <summary>
    /// <c>readonly</c> for the collection fields of ordinary messages, as protoc writes them; a hierarchy class
    /// exchanges them when a parsed level moves into its subtype.
    /// </summary>
    protected string CollectionReadonly => Field.ContainingType.Hierarchy is null ? "readonly " : "";

    /// <summary>
    /// Writes the field's members on a hierarchy level's reflection view (<c>InkwellLevel</c>), delegating
    /// to <paramref name="owner"/>'s, with the names reflection looks up (the property, <c>Has</c>, <c>Clear</c>).
    /// </summary>
    public virtual void WriteViewMembers(string owner)
    {
        W.Open($"public {TypeName} {PropertyName}");
        W.Line($"get {{ return {owner}.{PropertyName}; }}");
        W.Line($"set {{ {owner}.{PropertyName} = value; }}");
        W.Close();
        if (SupportsPresenceApi)
        {
            W.Line($"public bool Has{PropertyName} {{ get {{ return {owner}.Has{PropertyName}; }} }}");
            W.Line($"public void Clear{PropertyName}() {{ {owner}.Clear{PropertyName}(); }}");
        }
        if (ReflectionMember.IsNeeded(Field))
        {
            string name = ReflectionMember.Name(Field);
            W.Line($"public {ReflectionMember.RootClassName(Field)} {name} {{ get {{ return {owner}.{name}; }} set {{ {owner}.{name} = value; }} }}");
        }
    }

    public abstract void WriteSize();

    public abstract void WriteMerging();

    public abstract void WriteParsing(bool useParseContext);

    /// <summary>Writes the static extension identifier for an extension field.</summary>
    public virtual void WriteExtension()
    {
        Context.Comments.Write(W, Field.Path);
        WriteDeprecated();
        string extendee = Field.ContainingType.ClassName;
        W.Line($"{AccessLevel} static readonly pb::Extension<{extendee}, {TypeName}> {PropertyName} =");
        W.Line($"  new pb::Extension<{extendee}, {TypeName}>({Number}, {Codecs.Single(Field)});");
    }

    /// <summary>The full name of an extension's identifier, as the reflection class refers to it.</summary>
    public static string FullExtensionName(ProtoField extension) =>
        extension.ExtensionScope is { } scope
            ? scope.ClassName + ".Extensions." + extension.PropertyName
            : extension.File.ExtensionsClassUnqualifiedName + "." + extension.PropertyName;

    protected void WriteDeprecated()
    {
        if (Field.IsDeprecated)
        {
            W.Line("[global::System.ObsoleteAttribute]");
        }
    }

    /// <summary>protoc's <c>AddPublicMemberAttributes</c>: [Obsolete] when deprecated, then the generated-code attributes.</summary>
    protected void WritePublicMemberAttributes()
    {
        WriteDeprecated();
        Context.WriteGeneratedCodeAttributes();
    }

    protected void WriteDocComment() => Context.Comments.Write(W, Field.Path);

    protected string Ref(bool useContext) => useContext ? "ref " : "";

    public static FieldEmitter Create(EmitContext context, ProtoField field, int presenceIndex = -1)
    {
        if (field.IsMap)
        {
            return new MapFieldEmitter(context, field);
        }
        if (field.IsRepeated)
        {
            return new RepeatedFieldEmitter(context, field);
        }
        if (field.Type is FieldType.Message or FieldType.Group)
        {
            if (field.IsWrapperType)
            {
                return field.RealOneof is null ? new WrapperFieldEmitter(context, field) : new WrapperOneofFieldEmitter(context, field);
            }
            return field.RealOneof is null ? new MessageFieldEmitter(context, field) : new MessageOneofFieldEmitter(context, field);
        }
        return field.RealOneof is null ? new ScalarFieldEmitter(context, field, presenceIndex) : new ScalarOneofFieldEmitter(context, field);
    }

    /// <summary>Which fields need a has-bit (<c>RequiresPresenceBit</c>): value types with presence, outside oneofs.</summary>
    public static bool RequiresPresenceBit(ProtoField field) =>
        field.Type is not (FieldType.Message or FieldType.Group or FieldType.String or FieldType.Bytes)
        && field.HasPresence
        && !field.IsExtension
        && field.RealOneof is null;

    protected static string Join(IEnumerable<string> parts) => string.Join(", ", parts);
}
