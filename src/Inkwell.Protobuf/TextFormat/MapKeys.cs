using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.TextFormat;

/// <summary>
/// The order protoc sorts map entries in (the printer always, the parser's writer with <c>--deterministic_output</c>):
/// by key, numbers by value (signed or unsigned as the key type is), bools false first, strings bytewise.
/// </summary>
internal static class MapKeys
{
    /// <summary>Compares keys made by <see cref="SortKey"/>.</summary>
    public static IComparer<object> Comparer { get; } = Comparer<object>.Create(Compare);

    /// <summary>
    /// A comparable form of a key of <paramref name="type"/>: <paramref name="key"/> is its wire value (a <see cref="ulong"/>,
    /// zigzag-encoded for sint types), its bytes for a string, or null for a key not set (the type's default).
    /// </summary>
    public static object SortKey(Type type, object? key) => key switch
    {
        byte[] bytes => new string([.. bytes.Select(b => (char)b)]),
        ulong raw => Number(type, raw),
        _ => type is Type.String ? "" : Number(type, 0),
    };

    private static int Compare(object a, object b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        (long x, long y) => x.CompareTo(y),
        (ulong x, ulong y) => x.CompareTo(y),
        _ => 0,
    };

    private static object Number(Type type, ulong raw) => type switch
    {
        Type.Int32 or Type.Sfixed32 => (long)(int)raw,
        Type.Int64 or Type.Sfixed64 => (long)raw,
        Type.Sint32 => (long)((int)((uint)raw >> 1) ^ -(int)((uint)raw & 1)),
        Type.Sint64 => (long)(raw >> 1) ^ -(long)(raw & 1),
        Type.Uint32 or Type.Fixed32 => (ulong)(uint)raw,
        Type.Bool => raw != 0 ? 1UL : 0UL,
        _ => raw,
    };
}
