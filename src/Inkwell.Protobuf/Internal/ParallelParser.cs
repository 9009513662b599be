using System.Collections.Concurrent;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Internal;

/// <summary>
/// Reads and parses a file and, as soon as its imports are known, the files it imports, on the thread
/// pool. Binding stays sequential (it follows protoc's order); parsing, most of the work, uses every core.
/// </summary>
internal sealed class ParallelParser(IProtoFileResolver resolver, bool recordSourceInfo, CancellationToken cancellationToken)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ParsedFile>>> _files = new(StringComparer.Ordinal);

    public ParsedFile Get(string name) => Start(name).GetAwaiter().GetResult();

    public Task<ParsedFile> Start(string name) =>
        _files.GetOrAdd(name, n => new Lazy<Task<ParsedFile>>(() => Task.Run(() => Parse(n), cancellationToken))).Value;

    private ParsedFile Parse(string name)
    {
        if (!resolver.TryRead(name, out string text, out string displayPath))
        {
            return new ParsedFile(null, name, [], HadErrors: true);
        }

        var diagnostics = new List<Diagnostic>();
        FileSyntax syntax = Parser.Parse(text, name, (line, column, message, severity) =>
            diagnostics.Add(new Diagnostic(displayPath, line + 1, column + 1, message, severity)), out bool hadErrors, recordSourceInfo);
        if (!hadErrors)
        {
            foreach (ImportSyntax import in syntax.Imports)
            {
                _ = Start(import.Path);
            }
        }

        return new ParsedFile(syntax, displayPath, diagnostics, hadErrors);
    }
}
