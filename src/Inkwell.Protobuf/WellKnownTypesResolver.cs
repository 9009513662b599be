namespace Inkwell.Protobuf;

/// <summary>
/// Serves the well-known types (<c>google/protobuf/any.proto</c>, <c>timestamp.proto</c>, …,
/// <c>descriptor.proto</c>) from copies embedded in this assembly, the way protoc finds them in its
/// standard include directory. Put it after a project's own import roots or before them, as protoc's
/// <c>-I</c> order would; the source generator uses it so that no include directory is needed.
/// </summary>
public sealed class WellKnownTypesResolver : IProtoFileResolver
{
    private static readonly string[] s_names =
    [
        "google/protobuf/any.proto",
        "google/protobuf/api.proto",
        "google/protobuf/descriptor.proto",
        "google/protobuf/duration.proto",
        "google/protobuf/empty.proto",
        "google/protobuf/field_mask.proto",
        "google/protobuf/source_context.proto",
        "google/protobuf/struct.proto",
        "google/protobuf/timestamp.proto",
        "google/protobuf/type.proto",
        "google/protobuf/wrappers.proto",
    ];

    private static readonly Dictionary<string, Lazy<string>> s_files = s_names.ToDictionary(
        name => name, name => new Lazy<string>(() => Load(name)), StringComparer.Ordinal);

    private WellKnownTypesResolver()
    {
    }

    /// <summary>The one instance (the files are immutable and loaded once per process).</summary>
    public static WellKnownTypesResolver Instance { get; } = new();

    /// <summary>The import names served, e.g. <c>google/protobuf/timestamp.proto</c>.</summary>
    public static IReadOnlyList<string> Names => s_names;

    /// <inheritdoc/>
    public bool TryRead(string name, out string content, out string displayPath)
    {
        displayPath = name;
        if (s_files.TryGetValue(name, out Lazy<string>? text))
        {
            content = text.Value;
            return true;
        }

        content = "";
        return false;
    }

    private static string Load(string name)
    {
        using Stream stream = typeof(WellKnownTypesResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
