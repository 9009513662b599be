using Microsoft.CodeAnalysis;

namespace Inkwell.Reload.Internal.Compilation;

/// <summary>A compiled unit held in memory: the bytes to load and a reference for its dependents to compile against.</summary>
/// <param name="assembly">The assembly's image.</param>
/// <param name="symbols">Its portable PDB.</param>
/// <param name="surface">A hash of its reference assembly (what its dependents compile against: public and internal
/// signatures, constants, attributes; no method bodies), emitted in the same pass and read by name, without the private
/// nested types nothing else mentions (<see cref="ReferenceSurface"/>). Two versions with the same surface are
/// interchangeable for the code compiled against either.</param>
internal sealed class UnitImage(byte[] assembly, byte[] symbols, byte[] surface)
{
    public byte[] Assembly { get; } = assembly;

    public byte[] Symbols { get; } = symbols;

    public byte[] Surface { get; } = surface;

    public MetadataReference Reference { get; } = MetadataReference.CreateFromImage(assembly);
}
