namespace Inkwell.Internal;

/// <summary>
/// How a base message carries its subtypes on the wire: the <c>encoding</c> of its <c>subtypes</c> declaration, and
/// the values of <c>inkwell.SubtypeEncoding</c> in <c>inkwell/inheritance.proto</c>, which the lowering records in the
/// base's <c>(inkwell.base)</c> option (a test holds them equal to the file's). Shared as source (linked into each
/// project) by Inkwell.Protobuf, which declares and lowers hierarchies, and Inkwell.Protobuf.CSharp, which reads the
/// lowered options back from descriptors: the two assemblies do not reference each other.
/// </summary>
internal enum SubtypeEncoding
{
    /// <summary>The base holds <c>oneof subtype { Cat cat = 100; … }</c>; every subtype is in the compilation.</summary>
    Oneof = 0,

    /// <summary>The base holds one <c>google.protobuf.Any</c> field with the subtype's level.</summary>
    Any = 1,

    /// <summary>Each subtype extends the base; the base's type field holds the present subtype's tag.</summary>
    Extensions = 2,
}
