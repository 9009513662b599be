namespace Inkwell.Protobuf.TextFormat;

/// <summary>An enum as text format sees it: value names by number (the first of aliases) and whether it is closed.</summary>
internal sealed class TextEnumType(bool isClosed)
{
    /// <summary>Whether a value not declared is kept as an unknown field (proto2, <c>features.enum_type = CLOSED</c>).</summary>
    public bool IsClosed { get; } = isClosed;

    public Dictionary<int, string> Names { get; } = [];

    /// <summary>Value numbers by name (aliases too), for text that names a value.</summary>
    public Dictionary<string, int> Numbers { get; } = new(StringComparer.Ordinal);
}
