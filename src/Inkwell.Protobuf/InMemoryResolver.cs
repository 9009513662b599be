namespace Inkwell.Protobuf;

/// <summary>Resolves import names from a dictionary of file names to contents.</summary>
/// <param name="files">File contents by import name.</param>
public sealed class InMemoryResolver(IReadOnlyDictionary<string, string> files) : IProtoFileResolver
{
    /// <inheritdoc/>
    public bool TryRead(string name, out string content, out string displayPath)
    {
        displayPath = name;
        if (files.TryGetValue(name, out string? text))
        {
            content = text;
            return true;
        }

        content = "";
        return false;
    }
}
