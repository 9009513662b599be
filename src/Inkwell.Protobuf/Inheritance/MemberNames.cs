using System.Text;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Inheritance;

/// <summary>
/// The names the lowering gives what it adds. They depend only on the names involved, never on declaration
/// order or on which other subtypes exist, so adding a subtype never renames anything.
/// </summary>
internal static class MemberNames
{
    /// <summary>The base's added member: <c>subtype</c>, or <c>inkwell_subtype</c> (then <c>_2</c>, <c>_3</c>…) when the base already uses that name.</summary>
    public static string ForBase(MessageSyntax message)
    {
        if (!IsTaken(message, "subtype"))
        {
            return "subtype";
        }

        string name = "inkwell_subtype";
        for (int i = 2; IsTaken(message, name); i++)
        {
            name = "inkwell_subtype_" + i;
        }

        return name;
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
