namespace Inkwell.Protobuf;

/// <summary>Finds the text of a .proto file by the name it is imported as.</summary>
public interface IProtoFileResolver
{
    /// <summary>
    /// Reads <paramref name="name"/> (a path relative to an import root, like <c>google/protobuf/any.proto</c>).
    /// Returns false when no such file exists.
    /// </summary>
    /// <param name="name">The import name.</param>
    /// <param name="content">The file's text.</param>
    /// <param name="displayPath">The path to show in diagnostics (protoc shows the path on disk).</param>
    bool TryRead(string name, out string content, out string displayPath);
}
