using Inkwell.Protobuf.CSharp.Internal.Model;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>
/// The hidden member through which reflection reaches a field of a class hierarchy's type when the field's own
/// member cannot store what reflection gives it. Reflection (JsonParser above all) builds each message of a field
/// from the field's descriptor, which for a hierarchy is the root's: an object of the root's class that may hold a
/// subtype aside until resolved. A property declared <c>Cat</c> cannot take that object, and a repeated or map
/// field would keep it unresolved (or fail to cast it to <c>Cat</c>). So the reflection info names a hidden member
/// instead: for a singular or oneof field a property of the root's class whose setter stores the most-derived
/// object, for a repeated or map field a list or dictionary over the field that does so on every add (the root's
/// <c>Inkwell_ReflectedList</c>/<c>Inkwell_ReflectedMap</c>, see <c>Hierarchy/HierarchyEmitter.JsonSupport</c>).
/// </summary>
internal static class ReflectionMember
{
    /// <summary>The hierarchy message a field holds (a map's value type), or null.</summary>
    public static ProtoMessage? HierarchyType(ProtoField field)
    {
        ProtoField holder = field.IsMap ? field.MessageType!.Fields[1] : field;
        return holder.Type == FieldType.Message && holder.MessageType?.Hierarchy is not null ? holder.MessageType : null;
    }

    /// <summary>
    /// Whether reflection needs the hidden member: repeated and map fields of any hierarchy class, singular and
    /// oneof fields declared with a subtype's class (a field of the root's class resolves in its own setter).
    /// </summary>
    public static bool IsNeeded(ProtoField field) =>
        !field.IsExtension
        && HierarchyType(field) is { } type
        && (field.IsRepeated || !type.Hierarchy!.IsRoot);

    /// <summary>
    /// The hidden member's name. Protoc's property names have no inner underscore, and no other generated
    /// <c>Inkwell_</c> member ends in <c>ForReflection</c>, so it cannot clash.
    /// </summary>
    public static string Name(ProtoField field) => "Inkwell_" + field.PropertyName + "ForReflection";

    /// <summary>The property name the reflection info gives for a field.</summary>
    public static string PropertyNameFor(ProtoField field) => IsNeeded(field) ? Name(field) : field.PropertyName;

    /// <summary>The class of the hierarchy's root, which reflection builds for the field.</summary>
    public static string RootClassName(ProtoField field) => HierarchyType(field)!.Hierarchy!.Root.ClassName;

    /// <summary>The field's full name, as its errors name it.</summary>
    public static string FullNameLiteral(ProtoField field) => $"\"{field.ContainingType.FullName}.{field.Name}\"";

    /// <summary>An expression resolving <paramref name="value"/> (of the root's class) to the field's declared class.</summary>
    public static string Resolve(ProtoField field, string value) =>
        $"{RootClassName(field)}.Inkwell_ResolveReflected<{HierarchyType(field)!.ClassName}>({value}, {FullNameLiteral(field)})";
}
