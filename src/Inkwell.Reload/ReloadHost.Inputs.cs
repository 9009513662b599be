using Inkwell.Reload.Internal;
using Inkwell.Reload.Internal.Compilation;
using Inkwell.Reload.Internal.Graph;
using Inkwell.Reload.Internal.Projects;
using Microsoft.CodeAnalysis;

namespace Inkwell.Reload;

// The transaction's inputs: the project's evaluation, the module files, and what the source generators make of them.
public sealed partial class ReloadHost
{
    /// <summary>Adds the generated sources to <paramref name="texts"/>, keyed by their (virtual) paths. Returns the
    /// generators' diagnostics when one of them is an error (a <c>.proto</c> that does not parse), else null.</summary>
    private IReadOnlyList<ReloadDiagnostic>? Generate(Dictionary<string, string> texts, CancellationToken cancellationToken)
    {
        SyntaxTree[] moduleTrees = [.. texts.Keys.Order(StringComparer.Ordinal).Select(p => _compiler.Parse(p, texts[p], ModuleCompiler.Hash(texts[p])))];
        (IReadOnlyList<(string Path, string Text)> sources, IReadOnlyList<Diagnostic> diagnostics) = _compiler.Generate(moduleTrees, cancellationToken);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return [.. diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(ModuleCompiler.ToReloadDiagnostic)];
        }

        foreach ((string path, string text) in sources)
        {
            texts[path] = text;
        }

        return null;
    }

    /// <summary>Restores and evaluates the project again when its files changed or <c>.cs</c> files came or went,
    /// and switches to a compiler with what it says now. Returns MSBuild's errors when that failed (the compiler
    /// and everything loaded stay as they were), else null.</summary>
    private IReadOnlyList<ReloadDiagnostic>? RefreshProject(CancellationToken cancellationToken)
    {
        List<string> sources = [.. EnumerateModuleFiles(RootDirectory)];
        if (!_project!.IsStale(sources))
        {
            return null;
        }

        long started = _time.GetTimestamp();
        try
        {
            var notes = new List<string>();
            (CompilerSettings settings, bool changed) = _project.Evaluate(sources, _shared, _options.Optimize, notes.Add, cancellationToken);
            if (changed)
            {
                _compiler = new ModuleCompiler(settings);
                _dependencies = new DependencyIndex(); // its uses name the old compiler's references
                _recompileAll = true;
            }

            Log.ProjectEvaluated(_logger, Relative(_project.ProjectFile), _project.ModuleFiles.Count, settings.Framework.Count, settings.Generators?.Generators.Count ?? 0, _time.GetElapsedTime(started).TotalMilliseconds);
            foreach (string note in notes)
            {
                Log.ProjectNote(_logger, note);
            }

            return null;
        }
        catch (ProjectEvaluationException exception)
        {
            Log.ProjectFailed(_logger, string.Join(Environment.NewLine, exception.Diagnostics));
            return exception.Diagnostics;
        }
    }

    /// <summary>Reads every module file. A file that cannot be read right now (an editor is writing it) keeps
    /// its loaded text, and the change is picked up by the next look.</summary>
    private Dictionary<string, string> ReadModules(Snapshot old)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in _project?.ModuleFiles ?? EnumerateModuleFiles(RootDirectory))
        {
            try
            {
                texts[path] = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (e is FileNotFoundException or DirectoryNotFoundException && !old.Modules.ContainsKey(path))
                {
                    continue;
                }

                if (old.Modules.ContainsKey(path) && _compiler.TryGetText(path, out string? text))
                {
                    texts[path] = text;
                }

                MarkChanged();
            }
        }

        return texts;
    }

    /// <summary>The module files as they are now, or null when one cannot be read (an editor is replacing it).</summary>
    private Dictionary<string, string>? TryReadModuleFiles()
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (string path in _project?.ModuleFiles ?? EnumerateModuleFiles(RootDirectory))
            {
                texts[path] = File.ReadAllText(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return texts;
    }

    internal static IEnumerable<string> EnumerateModuleFiles(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(root, "*.cs", options)
            .Where(p => !IsIgnored(Path.GetRelativePath(root, p)))
            .Select(Path.GetFullPath);
    }

    private static bool IsIgnored(string relativePath)
    {
        string[] parts = relativePath.Split(Path.DirectorySeparatorChar);
        return parts.Length > 1 && parts[..^1].Any(d => d is "bin" or "obj" || d.StartsWith('.'))
            || parts[^1].StartsWith('.');
    }
}
