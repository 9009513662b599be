using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>What cross-linking found for one field or extension (all null/None where it did not get that far).</summary>
/// <param name="Type">The resolved type: the scalar type as written, or message, enum or group for a named type.</param>
/// <param name="TypeName">The named type's full name with a leading dot.</param>
/// <param name="Extendee">The extended message's full name with a leading dot, for extensions.</param>
/// <param name="DefaultValue">The default value as protoc writes it into descriptors.</param>
internal readonly record struct ResolvedField(FieldType Type, string? TypeName, string? Extendee, string? DefaultValue);
