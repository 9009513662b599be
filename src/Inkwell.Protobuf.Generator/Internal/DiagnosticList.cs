namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>Diagnostics in report order without repeats (a file compiled in two groups reports its errors once).</summary>
internal sealed class DiagnosticList
{
    private readonly List<DiagnosticInfo> _items = [];
    private readonly HashSet<DiagnosticInfo> _seen = [];

    public void Add(DiagnosticInfo diagnostic)
    {
        if (_seen.Add(diagnostic))
        {
            _items.Add(diagnostic);
        }
    }

    /// <summary>Adds the compiler's diagnostics, located in the project file they name.</summary>
    public void AddRange(IEnumerable<Diagnostic> compilerDiagnostics, IReadOnlyDictionary<string, ParsedSource> files)
    {
        foreach (Diagnostic diagnostic in compilerDiagnostics)
        {
            Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor = GeneratorDiagnostics.ById(diagnostic.Id);
            if (files.TryGetValue(diagnostic.File, out ParsedSource? file))
            {
                Add(DiagnosticInfo.Create(descriptor, diagnostic.Message, SourcePositions.Locate(file.Source.FullPath, file.Source.Text, diagnostic.Line, diagnostic.Column)));
            }
            else
            {
                // A file the build did not hand over (an import that was not found) or a built-in one: name it in the text.
                Add(DiagnosticInfo.Create(descriptor, diagnostic.Format(), null));
            }
        }
    }

    public EquatableArray<DiagnosticInfo> ToArray() => new([.. _items]);
}
