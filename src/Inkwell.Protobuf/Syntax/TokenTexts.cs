namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// The strings tokens carry. A schema repeats the same few texts endlessly (punctuation, keywords, type and
/// field names, small numbers), so short texts come from a small per-thread cache instead of one new string per
/// token: the lexer allocates only the first time a text is seen (or after its slot was taken by another), and the
/// names the syntax tree keeps are shared, which leaves the garbage collector less to copy.
/// </summary>
internal static class TokenTexts
{
    // Direct-mapped: a text's hash picks one slot; a different text with the same hash replaces it. Bounded memory
    // per thread, no locks, and a hit costs one hash and one comparison.
    private const int SlotCount = 4096;
    private const int MaxCachedLength = 40;

    private static readonly string[] s_ascii = CreateAscii();

    // dotnet/runtime's t_ prefix marks a thread-static field; .editorconfig's naming rules cannot tell one from other statics.
#pragma warning disable IDE1006
    [ThreadStatic]
    private static string?[]? t_slots;
#pragma warning restore IDE1006

    /// <summary>The text of <paramref name="length"/> characters of <paramref name="text"/> at <paramref name="start"/>.</summary>
    public static string Get(string text, int start, int length)
    {
        if (length == 1 && text[start] < 0x80)
        {
            return s_ascii[text[start]];
        }

        if (length > MaxCachedLength)
        {
            return text.Substring(start, length);
        }

        ReadOnlySpan<char> span = text.AsSpan(start, length);
        uint hash = 2166136261;
        foreach (char c in span)
        {
            hash = (hash ^ c) * 16777619;
        }

        string?[] slots = t_slots ??= new string?[SlotCount];
        ref string? slot = ref slots[hash & (SlotCount - 1)];
        if (slot is not null && span.SequenceEqual(slot.AsSpan()))
        {
            return slot;
        }

        slot = text.Substring(start, length);
        return slot;
    }

    private static string[] CreateAscii()
    {
        string[] strings = new string[0x80];
        for (int c = 0; c < strings.Length; c++)
        {
            strings[c] = ((char)c).ToString();
        }

        return strings;
    }
}
