using System.Text;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// An option field's or enum value's <c>feature_support</c> (descriptor.proto's FieldOptions.FeatureSupport): the
/// editions it may be used in. Read from the option as written on the declaration, the way protoc reads it from
/// the declaration's interpreted options.
/// </summary>
internal sealed class FeatureSupport
{
    public int Introduced { get; private set; }

    public int? Deprecated { get; private set; }

    public int? Removed { get; private set; }

    public string? DeprecationWarning { get; private set; }

    public string? RemovalError { get; private set; }

    /// <summary>The declaration's feature support; null when it declares none.</summary>
    public static FeatureSupport? Of(List<OptionSyntax> options)
    {
        FeatureSupport? result = null;
        foreach (OptionSyntax option in options)
        {
            if (option.Name.Count == 0 || option.Name[0].IsExtension || option.Name[0].Name != "feature_support")
            {
                continue;
            }

            result ??= new FeatureSupport();
            if (option.Name.Count == 1 && option.Kind == OptionValueKind.Aggregate)
            {
                result.ReadAggregate(option.Aggregate);
            }
            else if (option.Name.Count == 2)
            {
                result.Set(option.Name[1].Name, option.Kind == OptionValueKind.Identifier ? option.Identifier : Literals.Utf8.GetString(option.String));
            }
        }

        return result;
    }

    private void ReadAggregate(string text)
    {
        var lexer = new Lexer(text, (_, _, _) => { });
        lexer.Next();
        while (lexer.Current.Kind != TokenKind.EndOfFile)
        {
            if (lexer.Current.Kind != TokenKind.Identifier)
            {
                lexer.Next();
                continue;
            }

            string name = lexer.Current.Text;
            lexer.Next();
            if (!lexer.Current.Is(":"))
            {
                continue;
            }

            lexer.Next();
            if (lexer.Current.Kind == TokenKind.String)
            {
                var bytes = new List<byte>();
                while (lexer.Current.Kind == TokenKind.String)
                {
                    Literals.UnescapeString(lexer.Current.Text, bytes);
                    lexer.Next();
                }

                Set(name, Literals.Utf8.GetString([.. bytes]));
            }
            else
            {
                Set(name, lexer.Current.Text);
                lexer.Next();
            }
        }
    }

    private void Set(string name, string value)
    {
        switch (name)
        {
            case "edition_introduced":
                Introduced = EditionNumber(value);
                break;
            case "edition_deprecated":
                Deprecated = EditionNumber(value);
                break;
            case "edition_removed":
                Removed = EditionNumber(value);
                break;
            case "deprecation_warning":
                DeprecationWarning = value;
                break;
            case "removal_error":
                RemovalError = value;
                break;
        }
    }

    /// <summary>protoc's spelling of an edition in messages: <c>2024</c>, <c>PROTO2</c>, <c>1_TEST_ONLY</c>.</summary>
    public static string EditionName(int edition) => Inkwell.Internal.EditionNames.Name((Google.Protobuf.Reflection.Edition)edition);

    private static int EditionNumber(string name) => (int?)Inkwell.Internal.EditionNames.FromName(name) ?? 0;

    /// <summary>The errors and the warning protoc gives for using <paramref name="fullName"/> in <paramref name="edition"/>.</summary>
    public void Check(int edition, string fullName, List<string> errors, List<string> warnings)
    {
        if (edition < Introduced)
        {
            errors.Add($"{fullName} wasn't introduced until edition {EditionName(Introduced)} and can't be used in edition {EditionName(edition)}");
        }

        if (Removed is { } removed && edition >= removed)
        {
            var message = new StringBuilder($"{fullName} has been removed in edition {EditionName(removed)}");
            if (RemovalError is not null)
            {
                message.Append(": ").Append(RemovalError);
            }

            errors.Add(message.ToString());
        }
        else if (Deprecated is { } deprecated && edition >= deprecated)
        {
            warnings.Add($"{fullName} has been deprecated in edition {EditionName(deprecated)}: {DeprecationWarning}");
        }
    }
}
