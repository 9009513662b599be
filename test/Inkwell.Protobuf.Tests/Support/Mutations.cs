using System.Text.RegularExpressions;

namespace Inkwell.Protobuf.Tests.Support;

/// <summary>
/// Deterministic ways to break a valid .proto file: each takes the text and a random source and returns
/// a broken variant (or null when the file has nothing to break that way).
/// </summary>
internal static partial class Mutations
{
    public static readonly (string Name, Func<string, string, Random, string?> Apply)[] All =
    [
        ("truncate", (text, _, r) => text.Substring(0, r.Next(text.Length / 4, text.Length))),
        ("drop-close-brace", (text, _, r) => RemoveOne(text, '}', r)),
        ("drop-semicolon", (text, _, r) => RemoveOne(text, ';', r)),
        ("duplicate-field-number", (text, _, r) => OnFieldLine(text, r, m => m.Value + "\n" + m.Groups["indent"].Value + m.Groups["type"].Value + " " + m.Groups["name"].Value + "_dup = " + m.Groups["number"].Value + ";")),
        ("field-number-zero", (text, _, r) => OnFieldLine(text, r, m => Replace(m, "number", "0"))),
        ("field-number-19000", (text, _, r) => OnFieldLine(text, r, m => Replace(m, "number", "19000"))),
        ("field-number-too-big", (text, _, r) => OnFieldLine(text, r, m => Replace(m, "number", "536870912"))),
        ("undefined-type", (text, _, r) => OnFieldLine(text, r, m => Replace(m, "type", "NoSuchType"))),
        ("reserved-clash", (text, _, r) => OnFieldLine(text, r, m => m.Groups["indent"].Value + "reserved " + m.Groups["number"].Value + ";\n" + m.Value)),
        ("reserved-name-clash", (text, _, r) => OnFieldLine(text, r, m => m.Groups["indent"].Value + "reserved \"" + m.Groups["name"].Value + "\";\n" + m.Value)),
        ("bad-option-value", (text, _, r) => ReplaceOne(text, r, OptionTrue(), "= 42")),
        ("string-for-bool-option", (text, _, r) => ReplaceOne(text, r, OptionTrue(), "= \"yes\"")),
        ("self-import", (text, name, _) => InsertAfterHeader(text, $"import \"{name}\";")),
        ("missing-import", (text, _, _) => InsertAfterHeader(text, "import \"no/such/file.proto\";")),
        ("duplicate-message", (text, _, _) => MessageName().Match(text) is { Success: true } m ? text + "\nmessage " + m.Groups[1].Value + " {}\n" : null),
        ("misspelled-keyword", (text, _, r) => ReplaceOne(text, r, Keyword(), "mesage ")),
        ("required-label", (text, _, r) => ReplaceOne(text, r, OptionalLabel(), "required ")),
        ("default-value", (text, _, r) => OnFieldLine(text, r, m => m.Value.Substring(0, m.Value.Length - 1) + " [default = 1];")),
        ("duplicate-enum-number", (text, _, r) => ReplaceOneMatch(text, r, EnumValue(), m => m.Value + "\n" + m.Groups["indent"].Value + m.Groups["name"].Value + "_DUP = " + m.Groups["number"].Value + ";")),
        ("json-name-clash", (text, _, r) => OnFieldLine(text, r, m => m.Value + "\n" + m.Groups["indent"].Value + m.Groups["type"].Value + " " + m.Groups["name"].Value.Replace("_", "", StringComparison.Ordinal) + "X = 7777;" + "\n" + m.Groups["indent"].Value + m.Groups["type"].Value + " " + m.Groups["name"].Value.Replace("_", "", StringComparison.Ordinal) + "_x = 7778;")),
        ("garbage-token", (text, _, r) => text.Insert(LineStart(text, r), "$ ")),
        ("unterminated-string", (text, _, r) => ReplaceOne(text, r, Quote(), "\"\n")),
        ("optional-label", (text, _, r) => OnFieldLine(text, r, m => m.Groups["label"].Success ? m.Value : m.Groups["indent"].Value + "optional " + m.Value.TrimStart())),
        ("first-enum-value-one", (text, _, r) => ReplaceOneMatch(text, r, EnumValue(), m => Replace(m, "number", "1"))),
        ("drop-import", (text, _, r) => ReplaceOne(text, r, ImportLine(), "")),
        ("duplicate-option", (text, _, r) => ReplaceOneMatch(text, r, OptionStatement(), m => m.Value + "\n" + m.Value)),
        ("presence-on-field", (text, _, r) => OnFieldLine(text, r, m => m.Value.Substring(0, m.Value.Length - 1) + " [features.field_presence = IMPLICIT];")),
        ("packed-on-field", (text, _, r) => OnFieldLine(text, r, m => m.Value.Substring(0, m.Value.Length - 1) + " [packed = true];")),
        ("json-name-on-field", (text, _, r) => OnFieldLine(text, r, m => m.Value.Substring(0, m.Value.Length - 1) + " [json_name = \"id\"];")),
        // Several errors at once: protoc reports all of them, in its phases' order.
        ("missing-import-and-undefined-type", (text, _, r) => OnFieldLine(InsertAfterHeader(text, "import \"no/such/file.proto\";"), r, m => Replace(m, "type", "NoSuchType"))),
        ("undefined-type-and-duplicate-number", (text, _, r) => OnFieldLine(text, r, m => Replace(m, "type", "NoSuchType") + "\n" + m.Groups["indent"].Value + "int32 " + m.Groups["name"].Value + "_dup = " + m.Groups["number"].Value + ";")),
        ("two-zero-numbers", (text, _, r) => OnFieldLine(text, r, m => Replace(m, "number", "0")) is { } once ? OnFieldLine(once, r, m => Replace(m, "number", "0")) : null),
        ("unknown-option", (text, _, r) => OnFieldLine(text, r, m => m.Value.Substring(0, m.Value.Length - 1) + " [(no_such_option) = 1];")),
        ("reserved-zero", (text, _, r) => OnFieldLine(text, r, m => m.Groups["indent"].Value + "reserved 0;\n" + m.Value)),
        ("enum-value-out-of-range", (text, _, r) => ReplaceOneMatch(text, r, EnumValue(), m => Replace(m, "number", "2147483648"))),
    ];

    [GeneratedRegex(@"^import [^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex ImportLine();

    [GeneratedRegex(@"^[ \t]*option [^;{]*;", RegexOptions.Multiline)]
    private static partial Regex OptionStatement();

    [GeneratedRegex(@"^(?<indent>[ \t]+)(?<label>(optional|repeated|required) )?(?<type>[A-Za-z_][\w.]*) (?<name>[a-z_][\w]*) = (?<number>\d+);", RegexOptions.Multiline)]
    private static partial Regex FieldLine();

    [GeneratedRegex(@"^(?<indent>[ \t]+)(?<name>[A-Z][A-Z0-9_]*) = (?<number>-?\d+);", RegexOptions.Multiline)]
    private static partial Regex EnumValue();

    [GeneratedRegex(@"= true")]
    private static partial Regex OptionTrue();

    [GeneratedRegex(@"^message (\w+)", RegexOptions.Multiline)]
    private static partial Regex MessageName();

    [GeneratedRegex(@"\bmessage ")]
    private static partial Regex Keyword();

    [GeneratedRegex(@"\boptional ")]
    private static partial Regex OptionalLabel();

    [GeneratedRegex("\"")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^(syntax|edition|package|import)[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex Header();

    private static string Replace(Match m, string group, string value)
    {
        Group g = m.Groups[group];
        return m.Value.Substring(0, g.Index - m.Index) + value + m.Value.Substring(g.Index - m.Index + g.Length);
    }

    private static string? OnFieldLine(string text, Random r, Func<Match, string> change) => ReplaceOneMatch(text, r, FieldLine(), change);

    private static string? ReplaceOneMatch(string text, Random r, Regex regex, Func<Match, string> change)
    {
        MatchCollection matches = regex.Matches(text);
        if (matches.Count == 0)
        {
            return null;
        }

        Match m = matches[r.Next(matches.Count)];
        return text.Substring(0, m.Index) + change(m) + text.Substring(m.Index + m.Length);
    }

    private static string? ReplaceOne(string text, Random r, Regex regex, string replacement) => ReplaceOneMatch(text, r, regex, _ => replacement);

    private static string? RemoveOne(string text, char c, Random r)
    {
        var positions = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == c)
            {
                positions.Add(i);
            }
        }

        return positions.Count == 0 ? null : text.Remove(positions[r.Next(positions.Count)], 1);
    }

    private static string InsertAfterHeader(string text, string line)
    {
        Match last = Header().Matches(text).LastOrDefault() ?? Match.Empty;
        int at = last.Success ? last.Index + last.Length : 0;
        return text.Insert(at, line + "\n");
    }

    private static int LineStart(string text, Random r)
    {
        int at = r.Next(text.Length);
        int start = text.LastIndexOf('\n', Math.Max(0, at - 1));
        return start < 0 ? 0 : start + 1;
    }
}
