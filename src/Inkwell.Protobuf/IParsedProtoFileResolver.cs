using System.Diagnostics.CodeAnalysis;

namespace Inkwell.Protobuf;

/// <summary>
/// Finds a file already parsed (<see cref="ParsedProtoFile.Parse"/>) by the name it is imported as: what
/// <see cref="ProtoCompiler.Link"/> reads instead of text, so that files kept from an earlier compilation are not parsed again.
/// </summary>
public interface IParsedProtoFileResolver
{
    /// <summary>
    /// Finds <paramref name="name"/> (a path relative to an import root, like <c>google/protobuf/any.proto</c>).
    /// Returns false when no such file exists; then the files Inkwell ships are tried, as by <see cref="ProtoCompiler.Compile(IEnumerable{string}, IProtoFileResolver, CancellationToken)"/>.
    /// </summary>
    /// <param name="name">The import name.</param>
    /// <param name="file">The parsed file.</param>
    bool TryGet(string name, [NotNullWhen(true)] out ParsedProtoFile? file);
}
