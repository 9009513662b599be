namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>
/// How a base carries its subtypes, as the lowering records it: the values of <c>inkwell.SubtypeEncoding</c> in
/// <c>inkwell/inheritance.proto</c> (a test holds them equal to the file's).
/// </summary>
internal enum LoweredEncoding
{
    /// <summary>The base holds <c>oneof subtype { Cat cat = 100; ... }</c>.</summary>
    Oneof = 0,

    /// <summary>The base holds one <c>google.protobuf.Any</c> field with the subtype's level.</summary>
    Any = 1,

    /// <summary>Each subtype extends the base; the base's type field holds the present subtype's tag.</summary>
    Extensions = 2,
}
