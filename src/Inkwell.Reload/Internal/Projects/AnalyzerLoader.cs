using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inkwell.Reload.Internal.Projects;

/// <summary>
/// Loads the source generators among a project's analyzers, once per process: each analyzer assembly into one
/// shared context that resolves its neighbours from the analyzer folders and everything else (Roslyn itself
/// above all, so the generator's <c>ISourceGenerator</c> is the host's) from the default context. Analyzers that
/// only report diagnostics are not run: a reload compiles, it does not lint.
/// </summary>
internal sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<ISourceGenerator>> s_generators = new(StringComparer.Ordinal);
    private static readonly AnalyzerLoader s_instance = new();

    private readonly ConcurrentDictionary<string, string> _dependencies = new(StringComparer.OrdinalIgnoreCase);
    private readonly Context _context;

    private AnalyzerLoader() => _context = new Context(this);

    /// <summary>The generators in the analyzer assemblies at <paramref name="paths"/> (for C#), each assembly loaded once.</summary>
    public static IReadOnlyList<ISourceGenerator> GeneratorsOf(IEnumerable<string> paths, Action<string> note)
    {
        string[] all = [.. paths];
        foreach (string path in all)
        {
            // All first: a generator may need a neighbour listed after it (LibraryImportGenerator and
            // Microsoft.Interop.SourceGeneration).
            s_instance.AddDependencyLocation(path);
        }

        var generators = new List<ISourceGenerator>();
        foreach (string path in all)
        {
            generators.AddRange(s_generators.GetOrAdd(path, p => Load(p, note)));
        }

        return generators;
    }

    private static IReadOnlyList<ISourceGenerator> Load(string path, Action<string> note)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var reference = new AnalyzerFileReference(path, s_instance);
        reference.AnalyzerLoadFailed += (_, e) => note($"analyzer {Path.GetFileName(path)} could not be loaded: {e.Message}");
        return reference.GetGenerators(LanguageNames.CSharp);
    }

    public void AddDependencyLocation(string fullPath) => _dependencies.TryAdd(Path.GetFileNameWithoutExtension(fullPath), fullPath);

    public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);

    private sealed class Context(AnalyzerLoader loader) : AssemblyLoadContext("Inkwell.Reload analyzers")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Whatever the host has (Roslyn, the BCL) comes from the host, so the types match.
            try
            {
                return Default.LoadFromAssemblyName(assemblyName);
            }
            catch (FileNotFoundException)
            {
            }

            return assemblyName.Name is { } name && loader._dependencies.TryGetValue(name, out string? path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
