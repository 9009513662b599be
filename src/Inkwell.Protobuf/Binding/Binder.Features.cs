using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>Reading options and edition features as written, for the checks that depend on them.</summary>
internal sealed partial class Binder
{
    private bool IsProto3 => _file.Syntax == ProtoSyntax.Proto3;

    private bool IsEditions => _file.Syntax == ProtoSyntax.Editions;

    // Enclosing messages of what is being validated, innermost last (features are inherited from them).
    private readonly List<MessageSyntax> _enclosing = [];

    private static OptionSyntax? FindOption(List<OptionSyntax> options, string name, string? feature = null)
    {
        foreach (OptionSyntax option in options)
        {
            if (feature is null
                ? option.Name.Count == 1 && option.Name[0].Name == name && !option.Name[0].IsExtension
                : option.Name.Count == 2 && option.Name[0].Name == name && !option.Name[0].IsExtension && option.Name[1].Name == feature)
            {
                return option;
            }
        }

        return null;
    }

    private EnumSyntax? LookupEnum(FieldSyntax field) =>
        Resolved(field).TypeName is { } name && _table.TryGet(name.Substring(1), out Symbol symbol) ? symbol.Node as EnumSyntax : null;

    private bool EnumIsClosed(EnumSyntax enumType)
    {
        if (!_table.TryGet(enumType.FullName, out Symbol symbol))
        {
            return false;
        }

        FileSyntax file = symbol.File.Syntax;
        if (file.Syntax == ProtoSyntax.Proto2)
        {
            return true;
        }

        if (file.Syntax == ProtoSyntax.Proto3)
        {
            return false;
        }

        var scopes = new List<List<OptionSyntax>> { enumType.Options };
        if (file == _file)
        {
            for (int i = _enclosing.Count - 1; i >= 0; i--)
            {
                scopes.Add(_enclosing[i].Options);
            }
        }

        scopes.Add(file.Options);
        return FeatureValue(scopes, "enum_type") == "CLOSED";
    }

    /// <summary>The value a feature is set to in the innermost scope that sets it (either spelling), or null.</summary>
    private static string? FeatureValue(IEnumerable<List<OptionSyntax>> scopesInnermostFirst, string feature)
    {
        foreach (List<OptionSyntax> options in scopesInnermostFirst)
        {
            for (int i = options.Count - 1; i >= 0; i--)
            {
                OptionSyntax option = options[i];
                if (option.Name.Count == 0 || option.Name[0].Name != "features" || option.Name[0].IsExtension)
                {
                    continue;
                }

                if (option.Name.Count == 2 && option.Name[1].Name == feature)
                {
                    return option.Identifier;
                }

                if (option.Name.Count == 1 && option.Kind == OptionValueKind.Aggregate)
                {
                    System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(option.Aggregate, @"(?:^|\s)" + feature + @"\s*:?\s*(\w+)");
                    if (match.Success)
                    {
                        return match.Groups[1].Value;
                    }
                }
            }
        }

        return null;
    }
}
