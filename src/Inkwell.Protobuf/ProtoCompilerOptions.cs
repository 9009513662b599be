namespace Inkwell.Protobuf;

/// <summary>How <see cref="ProtoCompiler"/> compiles.</summary>
public sealed class ProtoCompilerOptions
{
    /// <summary>
    /// Whether to record source code info (spans and comments) for <c>--include_source_info</c> and for generators
    /// that turn comments into documentation. Default true. Without it the parser skips comments and locations, which
    /// makes a compilation faster and smaller; asking such a result for source info then throws.
    /// </summary>
    public bool SourceInfo { get; init; } = true;
}
