using System.Text;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Inheritance;

/// <summary>
/// The names the lowering gives what it adds. They depend only on the names involved, never on declaration
/// order or on which other subtypes exist, so adding a subtype never renames anything.
/// </summary>
internal static class MemberNames
{
    /// <summary>
    /// The base's added member: <c>subtype</c>, or <c>inkwell_subtype</c> (then <c>_2</c>, <c>_3</c>…) when the base
    /// already uses that name. With EXTENSIONS the member also names the type enum (<c>Subtype</c>) and its values
    /// (<c>SUBTYPE_UNSPECIFIED</c>, <c>SUBTYPE_CAT</c>, …, siblings of the enum in the base's scope): all of them must be free.
    /// </summary>
    /// <param name="message">The base.</param>
    /// <param name="enumeratedSubtypes">With EXTENSIONS, the names of the subtypes the type enum lists; null for the other encodings.</param>
    public static string ForBase(MessageSyntax message, IReadOnlyList<string>? enumeratedSubtypes)
    {
        string name = "subtype";
        for (int i = 1; !IsFree(message, name, enumeratedSubtypes); i++)
        {
            name = i == 1 ? "inkwell_subtype" : "inkwell_subtype_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>The type enum of EXTENSIONS encoding: <c>subtype</c> → <c>Subtype</c>, <c>inkwell_subtype</c> → <c>InkwellSubtype</c>.</summary>
    public static string EnumName(string memberName) =>
        string.Concat(memberName.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));

    /// <summary>A type enum value: <c>SUBTYPE_CAT</c>; <c>SUBTYPE_UNSPECIFIED</c> for <paramref name="subtypeName"/> null.</summary>
    public static string EnumValue(string memberName, string? subtypeName) =>
        memberName.ToUpperInvariant() + "_" + (subtypeName is null ? "UNSPECIFIED" : ToSnakeCase(subtypeName).ToUpperInvariant());

    private static bool IsFree(MessageSyntax message, string name, IReadOnlyList<string>? enumeratedSubtypes)
    {
        if (IsTaken(message, name))
        {
            return false;
        }

        if (enumeratedSubtypes is null)
        {
            return true;
        }

        return !IsTaken(message, EnumName(name)) &&
            !IsTaken(message, EnumValue(name, null)) &&
            enumeratedSubtypes.All(subtype => !IsTaken(message, EnumValue(name, subtype)));
    }

    /// <summary><c>BonesBuried</c> → <c>bones_buried</c>, <c>HTTPServer</c> → <c>http_server</c>: a subtype's oneof field, or the extension named after a base.</summary>
    public static string ToSnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool afterLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (afterLowerOrDigit || endsAcronym)
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>Whether <paramref name="name"/> names a field, oneof, nested type, enum or enum value in <paramref name="message"/>.</summary>
    public static bool IsTaken(MessageSyntax message, string name) =>
        message.Fields.Any(f => f.Name == name) ||
        message.Oneofs.Any(o => o.Name == name) ||
        message.NestedTypes.Any(m => m.Name == name) ||
        message.Extensions.Any(e => e.Name == name) ||
        message.Enums.Any(e => e.Name == name || e.Values.Any(v => v.Name == name));
}
