namespace Inkwell.Protobuf.Syntax;

/// <summary>A parsed .proto file: the syntax tree with positions, comments and options as written.</summary>
internal sealed class FileSyntax : ElementSyntax
{
    /// <summary>The package, or empty.</summary>
    public string Package { get; init; } = "";

    /// <summary>Whether a package statement was written.</summary>
    public bool HasPackage { get; init; }

    /// <summary>Where the package statement starts.</summary>
    public TextPosition PackagePosition { get; init; }

    /// <summary>The imports, in order.</summary>
    public List<ImportSyntax> Imports { get => field ??= []; init; }

    /// <summary>Whether the parser recorded source locations and comments (it skips them when no source info is wanted).</summary>
    public bool HasSourceInfo { get; init; } = true;

    /// <summary>The offset just past the <c>syntax</c> or <c>edition</c> statement; 0 when the file has none.</summary>
    public int SyntaxStatementEndOffset { get; init; }

    /// <summary>Whether any message of the file uses Inkwell's inheritance syntax (a base or a <c>subtypes</c> declaration).</summary>
    public bool UsesInheritance { get; init; }

    /// <summary>Proto2, proto3 or editions.</summary>
    public ProtoSyntax Syntax { get; init; }

    /// <summary>The edition number as in descriptor.proto's Edition enum (998 proto2, 999 proto3, 1000 = 2023, 1001 = 2024).</summary>
    public Google.Protobuf.Reflection.Edition Edition { get; init; } = Editions.Proto2;

    /// <summary>Where the syntax or edition statement is written.</summary>
    public TextPosition SyntaxPosition { get; init; } = TextPosition.None;

    /// <summary>Top-level messages.</summary>
    public List<MessageSyntax> Messages { get => field ??= []; init; }

    /// <summary>Top-level enums.</summary>
    public List<EnumSyntax> Enums { get => field ??= []; init; }

    /// <summary>Services.</summary>
    public List<ServiceSyntax> Services { get => field ??= []; init; }

    /// <summary>Top-level extensions.</summary>
    public List<FieldSyntax> Extensions { get => field ??= []; init; }

    internal List<SourceLocation> Locations { get => field ??= []; init; }
}
