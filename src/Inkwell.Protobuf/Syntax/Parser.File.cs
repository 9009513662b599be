namespace Inkwell.Protobuf.Syntax;

/// <summary>Top-level statements: syntax/edition, package, imports, options, and declarations.</summary>
internal sealed partial class Parser
{
    // Field numbers of FileDescriptorProto, used as source code info paths.
    private const int FilePackage = 2;
    private const int FileDependency = 3;
    private const int FileMessageType = 4;
    private const int FileEnumType = 5;
    private const int FileService = 6;
    private const int FileExtension = 7;
    private const int FileOptions = 8;
    private const int FilePublicDependency = 10;
    private const int FileWeakDependency = 11;
    private const int FileSyntaxField = 12;
    private const int FileOptionDependency = 15;

    // The file as read so far; BuildFile makes the FileSyntax once the last statement is read.
    private ProtoSyntax _syntax;
    private Google.Protobuf.Reflection.Edition _edition = Editions.Proto2;
    private TextPosition _syntaxPosition = TextPosition.None;
    private int _syntaxStatementEndOffset;
    private string _package = "";
    private bool _hasPackage;
    private TextPosition _packagePosition;
    private bool _usesInheritance;
    private readonly List<ImportSyntax> _imports = [];
    private readonly List<MessageSyntax> _messages = [];
    private readonly List<EnumSyntax> _enums = [];
    private readonly List<ServiceSyntax> _services = [];
    private readonly List<FieldSyntax> _extensions = [];
    private readonly List<OptionSyntax> _options = [];
    private readonly List<SourceLocation> _locations = [];

    private FileSyntax BuildFile() => new()
    {
        Name = _fileName,
        Syntax = _syntax,
        Edition = _edition,
        SyntaxPosition = _syntaxPosition,
        SyntaxStatementEndOffset = _syntaxStatementEndOffset,
        Package = _package,
        HasPackage = _hasPackage,
        PackagePosition = _packagePosition,
        UsesInheritance = _usesInheritance,
        HasSourceInfo = _recordSourceInfo,
        Imports = _imports,
        Messages = _messages,
        Enums = _enums,
        Services = _services,
        Extensions = _extensions,
        Options = _options,
        Locations = _locations,
    };

    private void ParseFile()
    {
        if (_lexer.AtStart)
        {
            // NextWithComments also skips a byte order mark; the comments before the first token (a licence, usually)
            // are copied only when source info is recorded.
            if (_recordSourceInfo)
            {
                _lexer.NextWithComments(null, _upcomingDetachedComments, _upcomingDocComments);
            }
            else
            {
                _lexer.NextWithComments(null, null, null);
            }
        }

        using var root = new LocationRecorder(_lexer, _locations, _recordSourceInfo);
        if (LookingAt("syntax") || LookingAt("edition"))
        {
            if (!ParseSyntaxIdentifier(root))
            {
                return;
            }
        }

        while (!AtEnd)
        {
            if (!ParseTopLevelStatement(root))
            {
                SkipStatement();
                if (LookingAt("}"))
                {
                    Error("Unmatched \"}\".");
                    _lexer.NextWithComments(null, _upcomingDetachedComments, _upcomingDocComments);
                }
            }
        }
    }

    private bool ParseSyntaxIdentifier(LocationRecorder root)
    {
        bool isEdition = LookingAt("edition");
        using var location = root.Child(FileSyntaxField);
        _syntaxPosition = TextPosition.Of(Current);
        if (!TryConsume("edition") && !Consume("syntax", "File must begin with a syntax statement, e.g. 'syntax = \"proto2\";'."))
        {
            return false;
        }

        if (!Consume("="))
        {
            return false;
        }

        Token syntaxToken = Current;
        if (!ConsumeString(out string syntax, "Expected syntax identifier.") || !ConsumeEndOfDeclaration(";", location))
        {
            return false;
        }

        _syntaxStatementEndOffset = _lexer.Previous.EndOffset;

        if (isEdition)
        {
            Google.Protobuf.Reflection.Edition? edition = Editions.Parse(syntax);
            if (edition is null)
            {
                Error(syntaxToken, $"Unknown edition \"{syntax}\".");
                return false;
            }

            _syntax = ProtoSyntax.Editions;
            _edition = edition.Value;
            return true;
        }

        if (syntax == "proto2")
        {
            _syntax = ProtoSyntax.Proto2;
            _edition = Editions.Proto2;
        }
        else if (syntax == "proto3")
        {
            _syntax = ProtoSyntax.Proto3;
            _edition = Editions.Proto3;
        }
        else
        {
            Error(syntaxToken, $"Unrecognized syntax identifier \"{syntax}\".  This parser only recognizes \"proto2\" and \"proto3\".");
            return false;
        }

        return true;
    }

    private bool ParseTopLevelStatement(LocationRecorder root)
    {
        if (TryConsumeEndOfDeclaration(";", null))
        {
            return true;
        }

        if (!TryParseVisibility(out SymbolVisibility visibility))
        {
            return false;
        }

        if (LookingAt("message"))
        {
            using var location = root.Child(FileMessageType, _messages.Count);
            return ParseMessageDefinition(_messages, visibility, location);
        }

        if (LookingAt("enum"))
        {
            using var location = root.Child(FileEnumType, _enums.Count);
            return ParseEnumDefinition(_enums, visibility, location);
        }

        if (LookingAt("service"))
        {
            using var location = root.Child(FileService, _services.Count);
            return ParseServiceDefinition(_services, location);
        }

        if (LookingAt("extend"))
        {
            using var location = root.Child(FileExtension);
            return ParseExtend(_extensions, _messages, root, FileMessageType, location);
        }

        if (LookingAt("import"))
        {
            return ParseImport(root);
        }

        if (LookingAt("package"))
        {
            return ParsePackage(root);
        }

        if (LookingAt("option"))
        {
            using var location = root.Child(FileOptions);
            return ParseOption(_options, location, OptionStyle.Statement);
        }

        Error("Expected top-level statement (e.g. \"message\").");
        return false;
    }

    // "export message" / "local enum": keywords from edition 2024 on (before it, plain identifiers), unless a "." makes
    // them the start of a type name. The modifier is consumed here, so protoc's location of the declaration starts at its
    // `message`/`enum` keyword; false (with the error reported) when it precedes anything else.
    private bool TryParseVisibility(out SymbolVisibility visibility)
    {
        visibility = SymbolVisibility.Unset;
        if (_edition < Editions.Edition2024 || !(LookingAt("export") || LookingAt("local")) || _lexer.PeekIs("."))
        {
            return true;
        }

        visibility = LookingAt("export") ? SymbolVisibility.Export : SymbolVisibility.Local;
        _lexer.Next();
        if (!LookingAt("message") && !LookingAt("enum"))
        {
            Error("'local' and 'export' visibility modifiers are valid only on 'message' and 'enum'");
            return false;
        }

        return true;
    }

    private bool ParseImport(LocationRecorder root)
    {
        int dependencyIndex = _imports.Count(i => i.Kind != ImportKind.Option);
        int optionIndex = _imports.Count(i => i.Kind == ImportKind.Option);
        var position = TextPosition.Of(Current);
        var kind = ImportKind.Plain;
        LocationRecorder? location = null;
        try
        {
            // protoc records the statement's location after seeing whether it is an option import.
            Token importToken = Current;
            if (!Consume("import"))
            {
                return false;
            }

            Token afterImport = Current; // where protoc reports the import-option rules

            if (LookingAt("option"))
            {
                location = root.Child(FileOptionDependency, optionIndex);
                location.StartAt(importToken);
                _lexer.Next();
                kind = ImportKind.Option;
            }
            else
            {
                location = root.Child(FileDependency, dependencyIndex);
                location.StartAt(importToken);
                if (LookingAt("public"))
                {
                    using (root.Child(FilePublicDependency, _imports.Count(i => i.Kind == ImportKind.Public)))
                    {
                        _lexer.Next();
                    }

                    kind = ImportKind.Public;
                }
                else if (LookingAt("weak"))
                {
                    using (root.Child(FileWeakDependency, _imports.Count(i => i.Kind == ImportKind.Weak)))
                    {
                        _lexer.Next();
                    }

                    kind = ImportKind.Weak;
                }
            }

            if (!ConsumeString(out string path, "Expected a string naming the file to import."))
            {
                return false;
            }

            // protoc's rules for `import option` (editions 2024): only from 2024 on, and after every other import.
            if (kind == ImportKind.Option && _edition < Editions.Edition2024)
            {
                Error(afterImport, "option import is not supported before edition 2024.");
            }
            else if (kind != ImportKind.Option && _imports.Exists(i => i.Kind == ImportKind.Option))
            {
                Error(afterImport, "imports should precede any option imports to ensure proto files can roundtrip.");
            }

            bool ended = ConsumeEndOfDeclaration(";", location);
            _imports.Add(new ImportSyntax(path, kind, position) { StartOffset = importToken.Offset, EndOffset = _lexer.Previous.EndOffset });
            return ended;
        }
        finally
        {
            location?.Dispose();
        }
    }

    private bool ParsePackage(LocationRecorder root)
    {
        if (_hasPackage)
        {
            Error("Multiple package definitions.");
            _package = "";
        }

        using var location = root.Child(FilePackage);
        _packagePosition = TextPosition.Of(Current);
        if (!Consume("package"))
        {
            return false;
        }

        _hasPackage = true;
        string package = "";
        while (true)
        {
            if (!ConsumeIdentifier(out string identifier, "Expected identifier."))
            {
                _package = package;
                return false;
            }

            package += identifier;
            if (!TryConsume("."))
            {
                break;
            }

            package += ".";
        }

        _package = package;
        return ConsumeEndOfDeclaration(";", location);
    }
}
