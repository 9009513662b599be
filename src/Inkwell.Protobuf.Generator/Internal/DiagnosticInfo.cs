using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// A diagnostic as plain data (a Roslyn <see cref="RoslynDiagnostic"/> holds a <see cref="Location"/>, which does not
/// compare by value): kept in pipeline values and turned into a diagnostic only when reported.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string Message, string? FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string message, SourceSpan? span) =>
        span is { } s
            ? new(descriptor.Id, message, s.FilePath, s.Start, s.Length, s.StartLine, s.StartCharacter, s.EndLine, s.EndCharacter)
            : new(descriptor.Id, message, null, 0, 0, 0, 0, 0, 0);

    public RoslynDiagnostic ToDiagnostic()
    {
        Location location = FilePath is null
            ? Location.None
            : Location.Create(FilePath, new TextSpan(Start, Length),
                new LinePositionSpan(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter)));
        return RoslynDiagnostic.Create(GeneratorDiagnostics.ById(Id), location, Message);
    }
}
