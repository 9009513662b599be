using Microsoft.CodeAnalysis;

namespace Inkwell.Reload.Internal.Compilation;

/// <summary>A compiled unit held in memory: the bytes to load and a reference for its dependents to compile against.</summary>
internal sealed class UnitImage(byte[] assembly, byte[] symbols)
{
    public byte[] Assembly { get; } = assembly;

    public byte[] Symbols { get; } = symbols;

    public MetadataReference Reference { get; } = MetadataReference.CreateFromImage(assembly);
}
