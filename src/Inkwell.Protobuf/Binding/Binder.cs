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
    private readonly FileSyntax _file;
    private readonly Scope _scope;

    // Bases of `message Cat : Animal` resolve through their own scope, so the files they use are known apart:
    // the lowering may drop an import that only the inheritance needed.
    private readonly Scope _inheritanceScope;
    private readonly Action<FileSyntax, TextPosition, string, DiagnosticSeverity> _report;
    private readonly OptionInterpreter _options;

    public Binder(SymbolTable table, FileSyntax file, IReadOnlyCollection<FileSyntax> visibleFiles, BuiltIns? builtIns, Action<FileSyntax, TextPosition, string, DiagnosticSeverity> report)
    {
        _table = table;
        _file = file;
        _scope = new Scope(table, file, visibleFiles);
        _inheritanceScope = new Scope(table, file, visibleFiles);
        _report = report;
        _options = new OptionInterpreter(_scope, builtIns, (position, message) => Error(position, message), (position, message) => Warning(position, message));
    }

    public bool HadErrors { get; private set; }

    /// <summary>The files whose symbols the bound file used.</summary>
    public IReadOnlyCollection<FileSyntax> UsedFiles => _scope.UsedFiles;

    /// <summary>The files whose messages the bound file's messages inherit from.</summary>
    public IReadOnlyCollection<FileSyntax> InheritanceUsedFiles => _inheritanceScope.UsedFiles;

    private void Error(TextPosition position, string message)
    {
        HadErrors = true;
        _report(_file, position, message, DiagnosticSeverity.Error);
    }

    private void Warning(TextPosition position, string message) => _report(_file, position, message, DiagnosticSeverity.Warning);

    /// <summary>Runs every step for the file; returns false when it had errors.</summary>
    public bool Bind()
    {
        RegisterSymbols();
        ResolveFile();
        if (!HadErrors)
        {
            InterpretAllOptions();
            _file.InterpretedOptionPaths = _options.InterpretedPaths;
            _file.StrippedOptionPaths = _options.StrippedPaths;
        }

        if (!HadErrors)
        {
            Validate();
        }

        return !HadErrors;
    }

    /// <summary>Registers and resolves names only (for the compiled-in descriptor.proto).</summary>
    public void BindWithoutOptions()
    {
        RegisterSymbols();
        ResolveFile();
    }

    private static string Join(string scope, string name) => scope.Length == 0 ? name : scope + "." + name;

    private void AddSymbol(SymbolKind kind, string fullName, ElementSyntax node, TextPosition position)
    {
        Symbol? existing = _table.TryAdd(new Symbol(kind, fullName, _file, node));
        if (existing is null)
        {
            return;
        }

        if (existing.File == _file)
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

    private void RegisterSymbols()
    {
        _file.FullName = _file.Package;
        Symbol? clash = _table.AddPackage(_file.Package, _file);
        if (clash is not null)
        {
            Error(_file.PackagePosition, $"\"{clash.FullName}\" is already defined (as something other than a package) in file \"{clash.File.Name}\".");
        }

        foreach (MessageSyntax message in _file.Messages)
        {
            RegisterMessage(message, _file.Package);
        }

        foreach (EnumSyntax enumType in _file.Enums)
        {
            RegisterEnum(enumType, _file.Package);
        }

        foreach (ServiceSyntax service in _file.Services)
        {
            service.FullName = Join(_file.Package, service.Name);
            AddSymbol(SymbolKind.Service, service.FullName, service, service.NamePosition);
            foreach (MethodSyntax method in service.Methods)
            {
                method.FullName = service.FullName + "." + method.Name;
                AddSymbol(SymbolKind.Method, method.FullName, method, method.NamePosition);
            }
        }

        foreach (FieldSyntax extension in _file.Extensions)
        {
            extension.FullName = Join(_file.Package, extension.Name);
            AddSymbol(SymbolKind.Extension, extension.FullName, extension, extension.NamePosition);
        }
    }

    private void RegisterMessage(MessageSyntax message, string scope)
    {
        message.FullName = Join(scope, message.Name);
        AddSymbol(SymbolKind.Message, message.FullName, message, message.NamePosition);
        foreach (FieldSyntax field in message.Fields)
        {
            field.FullName = message.FullName + "." + field.Name;
            AddSymbol(SymbolKind.Field, field.FullName, field, field.NamePosition);
        }

        foreach (OneofSyntax oneof in message.Oneofs)
        {
            oneof.FullName = message.FullName + "." + oneof.Name;
            AddSymbol(SymbolKind.Oneof, oneof.FullName, oneof, oneof.NamePosition);
        }

        foreach (MessageSyntax nested in message.NestedTypes)
        {
            RegisterMessage(nested, message.FullName);
        }

        foreach (EnumSyntax enumType in message.Enums)
        {
            RegisterEnum(enumType, message.FullName);
        }

        foreach (FieldSyntax extension in message.Extensions)
        {
            extension.FullName = message.FullName + "." + extension.Name;
            AddSymbol(SymbolKind.Extension, extension.FullName, extension, extension.NamePosition);
        }
    }

    private void RegisterEnum(EnumSyntax enumType, string scope)
    {
        enumType.FullName = Join(scope, enumType.Name);
        AddSymbol(SymbolKind.Enum, enumType.FullName, enumType, enumType.NamePosition);
        foreach (EnumValueSyntax value in enumType.Values)
        {
            // Enum values are siblings of their enum (C++ scoping).
            value.FullName = Join(scope, value.Name);
            Symbol? existing = _table.TryAdd(new Symbol(SymbolKind.EnumValue, value.FullName, _file, value));
            if (existing is not null)
            {
                if (existing.File == _file && existing.Kind == SymbolKind.EnumValue)
                {
                    int dot = value.FullName.LastIndexOf('.');
                    Error(value.NamePosition, dot < 0
                        ? $"\"{value.FullName}\" is already defined."
                        : $"\"{value.Name}\" is already defined in \"{scope}\".");
                    string where = scope.Length == 0 ? "the global scope" : $"\"{scope}\"";
                    Error(value.NamePosition, $"Note that enum values use C++ scoping rules, meaning that enum values are siblings of their type, not children of it.  Therefore, \"{value.Name}\" must be unique within {where}, not just within \"{enumType.Name}\".");
                }
                else if (existing.File == _file)
                {
                    int dot = value.FullName.LastIndexOf('.');
                    Error(value.NamePosition, dot < 0
                        ? $"\"{value.FullName}\" is already defined."
                        : $"\"{value.Name}\" is already defined in \"{scope}\".");
                }
                else
                {
                    Error(value.NamePosition, $"\"{value.FullName}\" is already defined in file \"{existing.File.Name}\".");
                }
            }
        }
    }
}
