using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// One file as binding saw it: the syntax tree (as parsed, never written to, so one parse serves any number of
/// compilations at once), the name it is imported by, and what binding computed, in side tables keyed by the
/// syntax nodes: resolved field and method types, inheritance bases and interpreted options.
/// </summary>
/// <remarks>
/// Filled by the <see cref="Binder"/> (and the compilation session, for <see cref="InheritanceOnlyImports"/>) while the
/// file is bound; read-only once it is a <see cref="CompiledFile"/>, which then may be taken over by later links.
/// </remarks>
internal sealed class BoundFile(FileSyntax syntax, string name)
{
    // Syntax nodes do not override Equals, so these are keyed by reference: each node is its own declaration.
    private readonly Dictionary<FieldSyntax, ResolvedField> _fields = [];
    private readonly Dictionary<MethodSyntax, ResolvedMethod> _methods = [];
    private readonly Dictionary<MessageSyntax, string> _bases = [];

    /// <summary>The parsed file.</summary>
    public FileSyntax Syntax => syntax;

    /// <summary>The import name (what descriptors and other files call it; the parse may have been made under another).</summary>
    public string Name => name;

    /// <summary>The declarations' options as interpreted.</summary>
    public InterpretedOptions Options { get; } = new();

    /// <summary>Plain imports that only the file's <c>message Cat : Animal</c> declarations needed (the lowering may drop them).</summary>
    public HashSet<string> InheritanceOnlyImports { get; } = new(StringComparer.Ordinal);

    /// <summary>What cross-linking found for <paramref name="field"/>, one of this file's fields or extensions.</summary>
    public ResolvedField this[FieldSyntax field] => _fields.TryGetValue(field, out ResolvedField found) ? found : default;

    /// <summary>Whether <paramref name="field"/> is one of this file's fields that cross-linking reached, and what it found.</summary>
    public bool TryGet(FieldSyntax field, out ResolvedField resolved) => _fields.TryGetValue(field, out resolved);

    /// <summary>What cross-linking found for <paramref name="method"/>, one of this file's rpcs.</summary>
    public ResolvedMethod this[MethodSyntax method] => _methods.TryGetValue(method, out ResolvedMethod found) ? found : default;

    /// <summary>The full name (leading dot) of the message <paramref name="message"/> inherits from, when it resolved.</summary>
    public string? BaseOf(MessageSyntax message) => _bases.TryGetValue(message, out string? found) ? found : null;

    internal void Resolve(FieldSyntax field, ResolvedField resolved) => _fields[field] = resolved;

    internal void Resolve(MethodSyntax method, ResolvedMethod resolved) => _methods[method] = resolved;

    internal void ResolveBase(MessageSyntax message, string baseName) => _bases[message] = baseName;
}
