using Microsoft.CodeAnalysis;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>The generator's diagnostics. The ids are stable: users suppress and search for them.</summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "Inkwell.Protobuf";

    // The compiler's diagnostics (Inkwell.Protobuf's Diagnostic.Id, IWP101…), reported under their own ids in protoc's
    // words at their line and column. Compilers are free to add ids; an id missing here is reported as IWP099.

    /// <summary>A file or one of its imports was not found, failed, or imports itself.</summary>
    public static readonly DiagnosticDescriptor FileNotLoaded = new(
        "IWP101", "A .proto file or its import could not be loaded", "{0}", Category, RoslynSeverity.Error, isEnabledByDefault: true);

    /// <summary>Text that is not valid .proto syntax.</summary>
    public static readonly DiagnosticDescriptor SyntaxError = new(
        "IWP102", "Syntax error in a .proto file", "{0}", Category, RoslynSeverity.Error, isEnabledByDefault: true);

    /// <summary>Valid syntax that protoc warns about.</summary>
    public static readonly DiagnosticDescriptor SyntaxWarning = new(
        "IWP103", "Syntax warning in a .proto file", "{0}", Category, RoslynSeverity.Warning, isEnabledByDefault: true);

    /// <summary>Names, types, numbers or options that do not check out.</summary>
    public static readonly DiagnosticDescriptor SemanticError = new(
        "IWP104", "Error in a .proto file's definitions", "{0}", Category, RoslynSeverity.Error, isEnabledByDefault: true);

    /// <summary>A definition protoc accepts with a warning.</summary>
    public static readonly DiagnosticDescriptor SemanticWarning = new(
        "IWP105", "Warning about a .proto file's definitions", "{0}", Category, RoslynSeverity.Warning, isEnabledByDefault: true);

    /// <summary>An import the file does not use.</summary>
    public static readonly DiagnosticDescriptor UnusedImport = new(
        "IWP106", "Unused import in a .proto file", "{0}", Category, RoslynSeverity.Warning, isEnabledByDefault: true);

    /// <summary>A message-inheritance declaration that cannot be lowered.</summary>
    public static readonly DiagnosticDescriptor InheritanceError = new(
        "IWP107", "Message inheritance error in a .proto file", "{0}", Category, RoslynSeverity.Error, isEnabledByDefault: true);

    /// <summary>A .proto file is not inside its ProtoRoot, so it has no import name.</summary>
    public static readonly DiagnosticDescriptor NotUnderProtoRoot = new(
        "IWP003", "A .proto file is outside its ProtoRoot", "{0}", Category, RoslynSeverity.Error, isEnabledByDefault: true);

    /// <summary>C# cannot be generated for a file (such as an unknown OutputOptions entry).</summary>
    public static readonly DiagnosticDescriptor GenerationFailed = new(
        "IWP004", "C# could not be generated for a .proto file", "{0}", Category, RoslynSeverity.Error, isEnabledByDefault: true);

    /// <summary>Service code was asked for (GrpcServices) but the compilation does not reference Grpc.Core.Api, its API.</summary>
    public static readonly DiagnosticDescriptor GrpcApiMissing = new(
        "IWP009", "Grpc.Core.Api is not referenced", "{0}", Category, RoslynSeverity.Error, isEnabledByDefault: true);

    /// <summary>A file to generate is hidden by another of the same import name earlier on its import path.</summary>
    public static readonly DiagnosticDescriptor DuplicateImportName = new(
        "IWP006", "A .proto file is shadowed on the import path", "{0}", Category, RoslynSeverity.Error, isEnabledByDefault: true);

    /// <summary>Code was generated but the compilation does not reference Google.Protobuf, its runtime.</summary>
    public static readonly DiagnosticDescriptor RuntimeMissing = new(
        "IWP007", "Google.Protobuf is not referenced", "{0}", Category, RoslynSeverity.Error, isEnabledByDefault: true);

    /// <summary>A subtype of a ONEOF base that this project does not generate: the base's oneof cannot list it.</summary>
    public static readonly DiagnosticDescriptor OneofSubtypeApartFromBase = new(
        "IWP008", "A ONEOF subtype is generated apart from its base", "{0}", Category, RoslynSeverity.Error, isEnabledByDefault: true);

    /// <summary>The generator itself failed: a bug, reported instead of crashing the build.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        "IWP099", "Inkwell.Protobuf.Generator failed", "{0}", Category, RoslynSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor[] s_all =
        [FileNotLoaded, SyntaxError, SyntaxWarning, SemanticError, SemanticWarning, UnusedImport, InheritanceError, NotUnderProtoRoot, GenerationFailed, DuplicateImportName, RuntimeMissing, OneofSubtypeApartFromBase, GrpcApiMissing, InternalError];

    public static DiagnosticDescriptor ById(string id)
    {
        foreach (DiagnosticDescriptor descriptor in s_all)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        return InternalError;
    }
}
