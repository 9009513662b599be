using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Inkwell.Reload.Internal.Projects;

/// <summary>
/// Loads the assemblies a project's code needs at run time as the app itself would get them: its packages'
/// run-time assets and project references' outputs (what the SDK copies beside the app), and the shared
/// frameworks it names (<c>Microsoft.AspNetCore.App</c>, …) from the same <c>dotnet</c> installation the host runs
/// on, at the newest installed patch of the version the project targets (the host's roll-forward rule). They load
/// once, into the default context, so every version of every module shares them; a reload never reloads a
/// package.
/// </summary>
/// <remarks>Resolving by hand instead of restarting inkwell under the app's own runtimeconfig (<c>dotnet exec
/// --runtimeconfig</c>, what <c>dotnet ef</c> does) keeps one process for the life of a session: a project edit
/// that adds a framework or a package needs no restart. The price: an assembly inkwell itself ships (Roslyn,
/// Microsoft.Extensions.Logging.Abstractions) is inkwell's copy, the newer in practice.</remarks>
internal sealed class RuntimeAssemblies : IDisposable
{
    private readonly Lock _gate = new();
    private Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

    public RuntimeAssemblies() => AssemblyLoadContext.Default.Resolving += Resolve;

    /// <summary>The directories of the shared frameworks that could not be found (none when all are installed).</summary>
    public IReadOnlyList<string> Missing { get; private set; } = [];

    /// <summary>Replaces what can be resolved with what <paramref name="inputs"/> names. Assemblies already loaded
    /// stay as they are.</summary>
    public void Update(ProjectInputs inputs)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        foreach ((string name, string version) in inputs.Frameworks)
        {
            string? directory = FindSharedFramework(name, version);
            if (directory is null)
            {
                missing.Add($"{name} {version}");
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(directory, "*.dll"))
            {
                byName.TryAdd(Path.GetFileNameWithoutExtension(file), file);
            }
        }

        // The app's own copies win over a shared framework's, as the host's deps.json resolution does for
        // higher package versions.
        foreach (string file in inputs.RuntimeAssemblies)
        {
            byName[Path.GetFileNameWithoutExtension(file)] = file;
        }

        lock (_gate)
        {
            _byName = byName;
            Missing = missing;
        }
    }

    public void Dispose() => AssemblyLoadContext.Default.Resolving -= Resolve;

    private Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        string? path;
        lock (_gate)
        {
            path = name.Name is null ? null : _byName.GetValueOrDefault(name.Name);
        }

        return path is null || !File.Exists(path) ? null : AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }

    /// <summary><c>&lt;dotnet&gt;/shared/NAME/X.Y.*</c>, newest patch, for the runtime the host runs on.</summary>
    internal static string? FindSharedFramework(string name, string version)
    {
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        if (string.Equals(name, "Microsoft.NETCore.App", StringComparison.OrdinalIgnoreCase))
        {
            return runtime.FullName;
        }

        DirectoryInfo? shared = runtime.Parent?.Parent;
        var frameworkRoot = new DirectoryInfo(Path.Combine(shared?.FullName ?? string.Empty, name));
        if (shared is null || !frameworkRoot.Exists || !Version.TryParse(version.Split('-')[0], out Version? wanted))
        {
            return null;
        }

        return frameworkRoot.EnumerateDirectories()
            .Select(d => (Directory: d, Version: Version.TryParse(d.Name.Split('-')[0], out Version? v) ? v : null))
            .Where(p => p.Version is not null && p.Version.Major == wanted.Major && p.Version.Minor == wanted.Minor && p.Version >= wanted)
            .OrderByDescending(p => p.Version)
            .Select(p => p.Directory.FullName)
            .FirstOrDefault();
    }
}
