namespace Inkwell.Protobuf.Internal;

/// <summary>The last binding of a kept parse (see <c>CompilationSession.Reuse.cs</c>).</summary>
/// <param name="Name">The import name it was bound under.</param>
/// <param name="Before">The file compiled just before it in that session (null: it was the first).</param>
/// <param name="File">The compiled file.</param>
/// <param name="BindingDiagnostics">The warnings binding it gave.</param>
/// <param name="UnusedImports">The unused-import warnings, reported only when the file is one of those asked for.</param>
internal sealed record BindingMemo(string Name, CompiledFile? Before, CompiledFile File, Diagnostic[] BindingDiagnostics, Diagnostic[] UnusedImports);
