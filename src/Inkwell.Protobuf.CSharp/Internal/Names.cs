using System.Collections.Generic;
using System.Linq;
using System.Text;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal;

/// <summary>
/// protoc's C# naming rules (compiler/csharp/names.cc and csharp_helpers.cc). Every public name the
/// generated code exposes comes from here, so the API matches protoc's output name for name.
/// </summary>
internal static class Names
{
    // Members every generated message declares; a property with one of these names gets "_" appended.
    private static readonly HashSet<string> s_reservedMemberNames =
    [
        "Types", "Descriptor", "Equals", "ToString", "GetHashCode", "WriteTo", "Clone", "CalculateSize",
        "MergeFrom", "OnConstruction", "Parser",
    ];

    /// <summary>
    /// Converts snake_case to camelCase or PascalCase: letters after a non-letter are capitalized,
    /// digits are kept and capitalize the next letter, everything else is dropped (or kept, for periods).
    /// </summary>
    public static string UnderscoresToCamelCase(string input, bool capitalizeNext, bool preservePeriod = false)
    {
        var result = new StringBuilder(input.Length);
        for (int i = 0; i < input.Length; i++)
        {
            char c = input[i];
            if (c is >= 'a' and <= 'z')
            {
                result.Append(capitalizeNext ? (char)(c - 'a' + 'A') : c);
                capitalizeNext = false;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                // The first letter is lower-cased unless told to capitalize; later capitals stay.
                result.Append(i == 0 && !capitalizeNext ? (char)(c - 'A' + 'a') : c);
                capitalizeNext = false;
            }
            else if (c is >= '0' and <= '9')
            {
                result.Append(c);
                capitalizeNext = true;
            }
            else
            {
                capitalizeNext = true;
                if (c == '.' && preservePeriod)
                {
                    result.Append('.');
                }
            }
        }
        if (input.Length > 0 && input[input.Length - 1] == '#')
        {
            result.Append('_');
        }
        // An identifier cannot start with a digit: keep one underscore when the input began with "_<digit>".
        if (result.Length > 0 && result[0] is >= '0' and <= '9' && input.Length > 0 && input[0] == '_')
        {
            result.Insert(0, '_');
        }
        return result.ToString();
    }

    public static string UnderscoresToPascalCase(string input) => UnderscoresToCamelCase(input, capitalizeNext: true);

    /// <summary>The PascalCase base of a file name: <c>google/protobuf/foo_bar.proto</c> → <c>FooBar</c>.</summary>
    public static string FileNameBase(string protoFile)
    {
        string name = protoFile.Substring(protoFile.LastIndexOf('/') + 1);
        int dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            name = name.Substring(0, dot);
        }
        return UnderscoresToPascalCase(name);
    }

    /// <summary>The C# name of a message or enum: the package becomes the namespace, nesting goes through <c>Types</c>.</summary>
    public static string ClassName(string fullName, ProtoFile file)
    {
        string relative = file.Package.Length == 0 ? fullName : fullName.Substring(file.Package.Length + 1);
        return file.Qualify(string.Join(".Types.", relative.Split('.').Select(EscapeKeyword)));
    }

    /// <summary>
    /// Prefixes C# keywords with <c>@</c>. Message and enum names keep their .proto spelling, so a type
    /// called <c>bool</c> or <c>class</c> would not compile; protoc writes them bare, Inkwell escapes them.
    /// </summary>
    public static string EscapeKeyword(string name) => s_csharpKeywords.Contains(name) ? "@" + name : name;

    private static readonly HashSet<string> s_csharpKeywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    ];

    public static string PropertyName(ProtoField field)
    {
        string name = UnderscoresToPascalCase(field.BaseName);
        // protoc compares with containing_type(), which for an extension is the extended message.
        if (name == field.ContainingType.Name || s_reservedMemberNames.Contains(name))
        {
            name += "_";
        }
        return name;
    }

    /// <summary>
    /// SHOUTY_CASE to PascalCase: non-alphanumerics are skipped; a letter after a non-letter or a digit is
    /// upper-cased, after a lower-case letter kept, after an upper-case letter lower-cased.
    /// </summary>
    public static string ShoutyToPascalCase(string input)
    {
        var result = new StringBuilder(input.Length);
        char previous = '_';
        foreach (char current in input)
        {
            if (!IsAsciiLetterOrDigit(current))
            {
                previous = current;
                continue;
            }
            if (!IsAsciiLetterOrDigit(previous) || previous is >= '0' and <= '9')
            {
                result.Append(char.ToUpperInvariant(current));
            }
            else if (previous is >= 'a' and <= 'z')
            {
                result.Append(current);
            }
            else
            {
                result.Append(char.ToLowerInvariant(current));
            }
            previous = current;
        }
        return result.ToString();
    }

    /// <summary>
    /// Removes the enum's name from the start of a value name, ignoring case and underscores
    /// (<c>Color</c>, <c>COLOR_BLUE</c> → <c>BLUE</c>); keeps the value when nothing would remain.
    /// </summary>
    public static string TryRemovePrefix(string prefix, string value)
    {
        var toMatch = new StringBuilder();
        foreach (char c in prefix)
        {
            if (c != '_')
            {
                toMatch.Append(char.ToLowerInvariant(c));
            }
        }
        int prefixIndex = 0, valueIndex = 0;
        for (; prefixIndex < toMatch.Length && valueIndex < value.Length; valueIndex++)
        {
            if (value[valueIndex] == '_')
            {
                continue;
            }
            if (char.ToLowerInvariant(value[valueIndex]) != toMatch[prefixIndex++])
            {
                return value;
            }
        }
        if (prefixIndex < toMatch.Length)
        {
            return value;
        }
        while (valueIndex < value.Length && value[valueIndex] == '_')
        {
            valueIndex++;
        }
        return valueIndex == value.Length ? value : value.Substring(valueIndex);
    }

    public static string EnumValueName(string enumName, string valueName)
    {
        string result = ShoutyToPascalCase(TryRemovePrefix(enumName, valueName));
        return result.Length > 0 && result[0] is >= '0' and <= '9' ? "_" + result : result;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
