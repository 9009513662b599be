using System.Collections.Concurrent;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Internal;

/// <summary>
/// Reads and parses a file and, as soon as its imports are known, the files it imports, on the thread
/// pool. Binding stays sequential (it follows protoc's order); parsing, most of the work, uses every core.
/// When the binder asks for a file no worker has begun yet, the binder's thread parses it itself instead of
/// waiting behind the queue.
/// </summary>
internal sealed class ParallelParser(IProtoFileResolver resolver, bool recordSourceInfo, CancellationToken cancellationToken)
{
    private readonly ConcurrentDictionary<string, PendingFile> _files = new(StringComparer.Ordinal);

    public ParsedFile Get(string name)
    {
        PendingFile file = GetOrQueue(name);
        file.RunIfUnclaimed();
        return file.Result.GetAwaiter().GetResult();
    }

    public Task<ParsedFile> Start(string name) => GetOrQueue(name).Result;

    private PendingFile GetOrQueue(string name)
    {
        if (_files.TryGetValue(name, out PendingFile? existing))
        {
            return existing;
        }

        var created = new PendingFile(this, name);
        PendingFile file = _files.GetOrAdd(name, created);
        if (file == created)
        {
            _ = Task.Run(file.RunIfUnclaimed, CancellationToken.None);
        }

        return file;
    }

    private bool IsCancelled => cancellationToken.IsCancellationRequested;

    private ParsedFile Parse(string name)
    {
        if (!resolver.TryRead(name, out string text, out string displayPath))
        {
            return new ParsedFile(null, name, [], HadErrors: true);
        }

        var diagnostics = new List<Diagnostic>();
        FileSyntax syntax = Parser.Parse(text, name, (line, column, message, severity) =>
            diagnostics.Add(new Diagnostic(DiagnosticIds.Syntax(severity), displayPath, line + 1, column + 1, message, severity)), out bool hadErrors, recordSourceInfo);
        if (!hadErrors)
        {
            foreach (ImportSyntax import in syntax.Imports)
            {
                _ = GetOrQueue(import.Path);
            }
        }

        return new ParsedFile(syntax, displayPath, diagnostics, hadErrors);
    }

    // One file's parse: run once, by whichever thread claims it first (a pool worker, or the binder that needs it).
    private sealed class PendingFile(ParallelParser parser, string name)
    {
        private readonly TaskCompletionSource<ParsedFile> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _claimed;

        public Task<ParsedFile> Result => _result.Task;

        public void RunIfUnclaimed()
        {
            if (Interlocked.Exchange(ref _claimed, 1) != 0)
            {
                return;
            }

            if (parser.IsCancelled)
            {
                _result.SetCanceled();
                return;
            }

            try
            {
                _result.SetResult(parser.Parse(name));
            }
            catch (Exception e)
            {
                // A resolver's exception reaches the caller of Get, as it did when each parse was its own task.
                _result.SetException(e);
            }
        }
    }
}
