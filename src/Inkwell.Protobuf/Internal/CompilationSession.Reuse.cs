using Inkwell.Protobuf.Binding;

namespace Inkwell.Protobuf.Internal;

/// <summary>
/// Reusing the binding of a kept parse (<see cref="ProtoCompiler.Link"/>): a file is bound from exactly what the
/// session loaded before it (the symbol table and extensions are theirs), so when that is the very same sequence of
/// compiled files as when the parse was last bound, binding again would give the same tree and the same
/// diagnostics, and the last result is taken over instead.
/// </summary>
/// <remarks>
/// "The same sequence" is checked by one reference: the file compiled just before. Compiled files are only ever
/// reused under this rule, so an equal predecessor object means an equal chain of predecessors back to the first
/// file; any re-bound file is a new object and invalidates everything loaded after it. Not reused: files with
/// message inheritance (the session records things in their trees after binding) and anything after an error.
/// </remarks>
internal sealed partial class CompilationSession
{
    private CompiledFile? TryReuse(ParsedProtoFile kept, string name, CompiledFile? before, string displayPath)
    {
        if (kept.LastBinding is not { } memo || memo.Name != name || !ReferenceEquals(memo.Before, before) ||
            Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        CompiledFile compiled = memo.File;
        BoundFileRegistration.Register(_table, compiled.Bound);
        _displayNames[compiled.Syntax] = displayPath;
        Diagnostics.AddRange(memo.BindingDiagnostics);
        if (_requested.Contains(name))
        {
            Diagnostics.AddRange(memo.UnusedImports);
        }

        _loaded[name] = compiled;
        Ordered.Add(compiled);
        return compiled;
    }

    private void Remember(ParsedProtoFile kept, string name, CompiledFile? before, CompiledFile compiled, Diagnostic[] bindingDiagnostics, List<Diagnostic> unusedImports)
    {
        if (!compiled.Syntax.UsesInheritance && !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            kept.LastBinding = new BindingMemo(name, before, compiled, bindingDiagnostics, [.. unusedImports]);
        }
    }
}
