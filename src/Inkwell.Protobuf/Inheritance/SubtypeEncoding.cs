namespace Inkwell.Protobuf.Inheritance;

/// <summary>How a base message carries its subtypes on the wire (the <c>encoding</c> of its <c>subtypes</c> declaration).</summary>
internal enum SubtypeEncoding
{
    /// <summary>The base holds <c>oneof subtype { Cat cat = 100; … }</c>; every subtype is in the compilation.</summary>
    Oneof = 0,

    /// <summary>The base holds one <c>google.protobuf.Any</c> field with the subtype's message.</summary>
    Any = 1,

    /// <summary>The base declares an extension range; each subtype extends it with a field of its own type.</summary>
    Extensions = 2,
}
