namespace Inkwell.Protobuf.Syntax;

/// <summary>How a file is imported.</summary>
internal enum ImportKind
{
    /// <summary><c>import "x.proto";</c></summary>
    Plain,

    /// <summary><c>import public "x.proto";</c> — re-exported to importers of this file.</summary>
    Public,

    /// <summary><c>import weak "x.proto";</c></summary>
    Weak,

    /// <summary><c>import option "x.proto";</c> (editions 2024) — only for custom options, not a dependency.</summary>
    Option,
}
