using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// Links one parsed file into the compilation, as protoc's DescriptorBuilder does: registers its names,
/// resolves types, extendees, methods and defaults with protoc's scoping rules, interprets options,
/// and checks the rules protoc checks. Files are bound dependencies-first.
/// </summary>
internal sealed partial class Binder
{
    private readonly SymbolTable _table;
    private readonly BoundFile _bound;
    private readonly FileSyntax _file;
    private readonly Scope _scope;

    // Bases of `message Cat : Animal` resolve through their own scope, so the files they use are known apart:
    // the lowering may drop an import that only the inheritance needed.
    private readonly Scope _inheritanceScope;
    private readonly Action<FileSyntax, TextPosition, string, DiagnosticSeverity> _report;
    private readonly OptionInterpreter _options;

    /// <summary>A binder that writes what it finds into <paramref name="file"/> (and the names into <paramref name="table"/>).</summary>
    public Binder(SymbolTable table, BoundFile file, IReadOnlyCollection<BoundFile> visibleFiles, BuiltIns? builtIns, Action<FileSyntax, TextPosition, string, DiagnosticSeverity> report)
    {
        _table = table;
        _bound = file;
        _file = file.Syntax;
        _scope = new Scope(table, file, visibleFiles);
        _inheritanceScope = new Scope(table, file, visibleFiles);
        _report = report;
        _options = new OptionInterpreter(_scope, builtIns, file.Options, (position, message) => Error(position, message), (position, message) => Warning(position, message));
    }

    public bool HadErrors { get; private set; }

    /// <summary>The files whose symbols the bound file used.</summary>
    public IReadOnlyCollection<BoundFile> UsedFiles => _scope.UsedFiles;

    /// <summary>The files whose messages the bound file's messages inherit from.</summary>
    public IReadOnlyCollection<BoundFile> InheritanceUsedFiles => _inheritanceScope.UsedFiles;

    // What cross-linking found for a field of this file, of one bound before it, or of the compiled-in descriptor.proto.
    private ResolvedField Resolved(FieldSyntax field) => _options.Resolved(field);

    private void Error(TextPosition position, string message)
    {
        HadErrors = true;
        _report(_file, position, message, DiagnosticSeverity.Error);
    }

    private void Warning(TextPosition position, string message) => _report(_file, position, message, DiagnosticSeverity.Warning);

    /// <summary>Runs every step for the file; returns false when it had errors.</summary>
    /// <remarks>
    /// The phases are protoc's (DescriptorBuilder::BuildFileImpl), so the diagnostics are its complete list in its order:
    /// build (names and the checks within one element) and cross-link (types, extendees, number conflicts) always run,
    /// then the field-number suggestions; options are interpreted only when that found no errors, and the option
    /// checks and the naming style only when nothing before them did.
    /// </remarks>
    public bool Bind()
    {
        BuildFile();
        CrossLinkFile();
        SuggestFieldNumbers();
        if (!HadErrors)
        {
            InterpretAllOptions();
        }

        if (!HadErrors)
        {
            ValidateOptions();
        }

        if (!HadErrors)
        {
            ValidateNamingStyle();
        }

        return !HadErrors;
    }

    /// <summary>Registers and resolves names only (for the compiled-in descriptor.proto).</summary>
    public void BindWithoutOptions()
    {
        BuildFile();
        CrossLinkFile();
    }

    private static string Join(string scope, string name) => scope.Length == 0 ? name : scope + "." + name;

    private void AddSymbol(SymbolKind kind, string fullName, ElementSyntax node, TextPosition position)
    {
        Symbol? existing = _table.TryAdd(new Symbol(kind, fullName, _bound, node));
        if (existing is null)
        {
            return;
        }

        if (existing.File == _bound)
        {
            int dot = fullName.LastIndexOf('.');
            Error(position, dot < 0
                ? $"\"{fullName}\" is already defined."
                : $"\"{fullName.Substring(dot + 1)}\" is already defined in \"{fullName.Substring(0, dot)}\".");
        }
        else
        {
            Error(position, $"\"{fullName}\" is already defined in file \"{existing.File.Name}\".");
        }
    }
}
