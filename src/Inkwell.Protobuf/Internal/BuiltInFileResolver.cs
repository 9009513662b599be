namespace Inkwell.Protobuf.Internal;

/// <summary>
/// Serves the files Inkwell ships after the caller's resolver found nothing, the way protoc falls back to the include
/// directory it was installed with: <c>inkwell/inheritance.proto</c> (the options a lowered hierarchy carries) and
/// protobuf's well-known types (<c>google/protobuf/any.proto</c>, which ANY encoding imports, descriptor.proto, …).
/// </summary>
internal sealed class BuiltInFileResolver(IProtoFileResolver inner) : IProtoFileResolver
{
    private static readonly string[] s_names =
    [
        "inkwell/inheritance.proto",
        .. new[] { "any", "api", "descriptor", "duration", "empty", "field_mask", "source_context", "struct", "timestamp", "type", "wrappers" }
            .Select(name => $"google/protobuf/{name}.proto"),
    ];

    public bool TryRead(string name, out string content, out string displayPath)
    {
        if (inner.TryRead(name, out content, out displayPath))
        {
            return true;
        }

        if (Array.IndexOf(s_names, name) >= 0 && Read(name) is { } text)
        {
            content = text;
            displayPath = name;
            return true;
        }

        return false;
    }

    /// <summary>The text of a shipped file; null when <paramref name="name"/> is not one.</summary>
    public static string? Read(string name)
    {
        using Stream? stream = typeof(BuiltInFileResolver).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
