namespace Inkwell.Internal;

/// <summary>
/// protoc's spelling of an edition in its messages and in <c>edition = "…";</c>: descriptor.proto's enum value name
/// without <c>EDITION_</c> (<c>2023</c>, <c>PROTO2</c>, <c>1_TEST_ONLY</c>). The names are read from the original names
/// that Google.Protobuf's generated <see cref="Google.Protobuf.Reflection.Edition"/> carries, so they have one home,
/// descriptor.proto, instead of a table per place that prints an edition. Shared as source (linked) by
/// Inkwell.Protobuf and the CLI, which prints the editions a plugin supports.
/// </summary>
/// <remarks>Names are qualified: one project has implicit usings and the other does not.</remarks>
internal static class EditionNames
{
    private const string Prefix = "EDITION_";

    private static readonly System.Collections.Generic.Dictionary<Google.Protobuf.Reflection.Edition, string> s_names = ReadNames();

    private static readonly System.Collections.Generic.Dictionary<string, Google.Protobuf.Reflection.Edition> s_editions =
        System.Linq.Enumerable.ToDictionary(s_names, pair => pair.Value, pair => pair.Key, System.StringComparer.Ordinal);

    /// <summary>The edition's name (<c>2024</c>, <c>PROTO3</c>); a number descriptor.proto does not name is printed as the number.</summary>
    public static string Name(Google.Protobuf.Reflection.Edition edition) =>
        s_names.TryGetValue(edition, out string? name) ? name : ((int)edition).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The edition named <paramref name="name"/>, with or without <c>EDITION_</c>; null when descriptor.proto has no such value.</summary>
    public static Google.Protobuf.Reflection.Edition? FromName(string name)
    {
        string bare = name.StartsWith(Prefix, System.StringComparison.Ordinal) ? name.Substring(Prefix.Length) : name;
        return s_editions.TryGetValue(bare, out Google.Protobuf.Reflection.Edition edition) ? edition : null;
    }

    private static System.Collections.Generic.Dictionary<Google.Protobuf.Reflection.Edition, string> ReadNames()
    {
        var names = new System.Collections.Generic.Dictionary<Google.Protobuf.Reflection.Edition, string>();
        foreach (System.Reflection.FieldInfo field in typeof(Google.Protobuf.Reflection.Edition).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            var original = (Google.Protobuf.Reflection.OriginalNameAttribute?)System.Attribute.GetCustomAttribute(field, typeof(Google.Protobuf.Reflection.OriginalNameAttribute));
            if (original is not null && original.Name.StartsWith(Prefix, System.StringComparison.Ordinal))
            {
                names[(Google.Protobuf.Reflection.Edition)field.GetValue(null)!] = original.Name.Substring(Prefix.Length);
            }
        }

        return names;
    }
}
