using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inkwell.Reload.Internal.Compilation;

/// <summary>
/// The C# compiler's entry-point rules for a program, checked across modules: units compiled apart would each
/// be fine, so the host applies them to the whole set (top-level statements in one file only, CS8802; one entry
/// point in a program, CS0017). A reload that breaks them fails before anything loads, with the location.
/// </summary>
internal static class EntryPointRules
{
    /// <param name="trees">Every module.</param>
    /// <param name="isProgram">A project whose output is an executable and that names no <c>StartupObject</c>:
    /// then several <c>Main</c> methods are an error, as <c>dotnet build</c> would say. (A folder of modules picks
    /// its entry with <c>--entry</c> instead.)</param>
    public static ReloadDiagnostic? Check(IReadOnlyList<SyntaxTree> trees, bool isProgram)
    {
        List<(string Name, Location Location)> programs = [.. trees
            .Where(ModuleCompiler.HasTopLevelStatements)
            .Select(t => ("top-level statements in " + Path.GetFileName(t.FilePath), ((CompilationUnitSyntax)t.GetRoot()).Members.First(m => m is GlobalStatementSyntax).GetLocation()))];
        if (programs.Count > 1)
        {
            return At(programs[1].Location, "CS8802", $"Only one compilation unit can have top-level statements; {programs[0].Name} too.");
        }

        if (!isProgram)
        {
            return null;
        }

        programs.AddRange(trees
            .SelectMany(t => t.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            .OfType<MethodDeclarationSyntax>()
            .Where(IsMain)
            .Select(m => ($"{(m.Parent as BaseTypeDeclarationSyntax)?.Identifier.Text}.Main in {Path.GetFileName(m.SyntaxTree.FilePath)}", m.Identifier.GetLocation())));
        return programs.Count > 1
            ? At(programs[1].Location, "CS0017", $"Program has more than one entry point defined: {string.Join(", ", programs.Select(p => p.Name))}.")
            : null;
    }

    /// <summary><c>static</c> <c>Main</c> returning void, int, Task or Task&lt;int&gt;, taking nothing or a string[].</summary>
    private static bool IsMain(MethodDeclarationSyntax method)
    {
        if (method.Identifier.Text != "Main" || !method.Modifiers.Any(SyntaxKind.StaticKeyword) || method.TypeParameterList is not null)
        {
            return false;
        }

        string returns = method.ReturnType.ToString();
        bool returnsFit = returns is "void" or "int" or "Task" or "Task<int>" or "System.Threading.Tasks.Task" or "System.Threading.Tasks.Task<int>";
        SeparatedSyntaxList<ParameterSyntax> parameters = method.ParameterList.Parameters;
        return returnsFit && (parameters.Count == 0 || (parameters.Count == 1 && parameters[0].Type?.ToString() is "string[]" or "String[]" or "System.String[]"));
    }

    private static ReloadDiagnostic At(Location location, string id, string message)
    {
        FileLinePositionSpan span = location.GetLineSpan();
        return new ReloadDiagnostic(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, id, ReloadDiagnosticSeverity.Error, message);
    }
}
