namespace Inkwell.Protobuf.TextFormat;

/// <summary>A message type as text format sees it: its fields and the extensions that extend it, by number.</summary>
internal sealed class TextMessageType(string fullName)
{
    public string FullName { get; } = fullName;

    /// <summary>Whether this is a map field's entry type (protoc prints its key and value even when they are not set).</summary>
    public bool IsMapEntry { get; init; }

    /// <summary>Whether the type has <c>message_set_wire_format</c>: its extensions are written as MessageSet items.</summary>
    public bool IsMessageSet { get; init; }

    public Dictionary<int, TextField> Fields { get; } = [];

    public Dictionary<int, TextField> Extensions { get; } = [];

    /// <summary>The fields in the order declared (the order protoc lists missing required fields in).</summary>
    public List<TextField> FieldsInOrder { get; } = [];

    /// <summary>The extensions by full name (what text format writes between brackets).</summary>
    public Dictionary<string, TextField> ExtensionsByName { get; } = new(StringComparer.Ordinal);

    public TextField? Find(int number) =>
        Fields.TryGetValue(number, out TextField? field) ? field : Extensions.TryGetValue(number, out field) ? field : null;
}
