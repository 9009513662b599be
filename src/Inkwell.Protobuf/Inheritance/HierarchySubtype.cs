using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Inheritance;

/// <summary>A message declared as <c>message Cat : Animal = 100</c>.</summary>
internal sealed class HierarchySubtype(MessageSyntax message, CompiledFile file, HierarchyBase parent, int tag)
{
    public MessageSyntax Message { get; } = message;

    public CompiledFile File { get; } = file;

    public HierarchyBase Base { get; } = parent;

    public int Tag { get; } = tag;

    /// <summary>The oneof member's name in the base (ONEOF) or the extension's name inside the subtype (EXTENSIONS).</summary>
    public string FieldName { get; set; } = "";
}
