using System.Runtime.CompilerServices;
using Inkwell.Protobuf.Binding;

namespace Inkwell.Protobuf.Internal;

/// <summary>
/// Reusing the binding of a kept parse (<see cref="ProtoCompiler.Link"/>): a file is bound from exactly what the
/// session loaded before it (the symbol table and extensions are theirs), so when that is the very same sequence of
/// compiled files as when the parse was last bound, binding again would give the same bound file and the same
/// diagnostics, and the last result is taken over instead.
/// </summary>
/// <remarks>
/// "The same sequence" is checked by one reference: the file compiled just before. Compiled files are only ever
/// reused under this rule, so an equal predecessor object means an equal chain of predecessors back to the first
/// file; any re-bound file is a new object and invalidates everything loaded after it. Not reused: files with
/// message inheritance (the lowering compiles them again from their lowered text anyway) and anything after an error.
/// The last binding of each parse is kept beside it, in a table that holds it only as long as the parse lives:
/// <see cref="ParsedProtoFile"/> itself holds nothing but the parse.
/// </remarks>
internal sealed partial class CompilationSession
{
    // Each box is replaced whole (Volatile), so links running at once over the same parse see one memo or another.
    private static readonly ConditionalWeakTable<ParsedProtoFile, StrongBox<BindingMemo?>> s_lastBindings = new();

    private static StrongBox<BindingMemo?> LastBinding(ParsedProtoFile kept) => s_lastBindings.GetValue(kept, static _ => new StrongBox<BindingMemo?>());

    private CompiledFile? TryReuse(ParsedProtoFile kept, string name, CompiledFile? before, string displayPath)
    {
        if (Volatile.Read(ref LastBinding(kept).Value) is not { } memo || memo.Name != name || !ReferenceEquals(memo.Before, before) ||
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
            Volatile.Write(ref LastBinding(kept).Value, new BindingMemo(name, before, compiled, bindingDiagnostics, [.. unusedImports]));
        }
    }
}
