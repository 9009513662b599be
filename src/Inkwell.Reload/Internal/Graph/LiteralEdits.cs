using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Reload.Internal.Graph;

/// <summary>
/// Whether an edit changed nothing but the text of string and character literals (a greeting, a log message, the text
/// parts of an interpolated string) and trivia (whitespace, comments): such an edit cannot change what the module's code
/// binds to, so its uses need not be found again. A numeric literal is not such an edit (<c>1</c> to <c>1L</c> or
/// <c>1.5</c> changes its type, and with it overload resolution), nor is a literal that changes kind (<c>"a"</c> to
/// <c>"a"u8</c>).
/// </summary>
internal static class LiteralEdits
{
    public static bool OnlyLiteralsChanged(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
    {
        using IEnumerator<SyntaxToken> old = before.GetRoot(cancellationToken).DescendantTokens().GetEnumerator();
        using IEnumerator<SyntaxToken> now = after.GetRoot(cancellationToken).DescendantTokens().GetEnumerator();
        while (true)
        {
            bool hasOld = old.MoveNext();
            bool hasNew = now.MoveNext();
            if (hasOld != hasNew)
            {
                return false;
            }

            if (!hasOld)
            {
                return true;
            }

            SyntaxToken was = old.Current;
            SyntaxToken @is = now.Current;
            if (was.RawKind != @is.RawKind || (!IsText(@is.Kind()) && !string.Equals(was.Text, @is.Text, StringComparison.Ordinal)))
            {
                return false;
            }
        }
    }

    private static bool IsText(SyntaxKind kind) => kind is SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken
        or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken;
}
