using Inkwell.Internal;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Inheritance;

/// <summary>A message that has subtypes or declares <c>subtypes</c>: how it encodes them and which ones the compilation has.</summary>
internal sealed class HierarchyBase(MessageSyntax message, CompiledFile file, SubtypeEncoding encoding)
{
    public MessageSyntax Message { get; } = message;

    public CompiledFile File { get; } = file;

    public SubtypeEncoding Encoding { get; } = encoding;

    /// <summary>The direct subtypes, ordered by tag.</summary>
    public List<HierarchySubtype> Subtypes { get; } = [];

    /// <summary>The name of the member the encoding adds to the base (oneof, Any field or tag field).</summary>
    public string MemberName { get; set; } = "subtype";
}
