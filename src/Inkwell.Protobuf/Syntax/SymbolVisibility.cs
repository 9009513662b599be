namespace Inkwell.Protobuf.Syntax;

/// <summary>Edition 2024's <c>export</c>/<c>local</c> keywords, numbered as descriptor.proto's SymbolVisibility.</summary>
internal enum SymbolVisibility
{
    /// <summary>Not written.</summary>
    Unset = 0,

    /// <summary><c>local</c>: visible only inside its file.</summary>
    Local = 1,

    /// <summary><c>export</c>: visible to importers.</summary>
    Export = 2,
}
