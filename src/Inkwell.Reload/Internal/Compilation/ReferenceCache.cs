using System.Collections.Concurrent;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Inkwell.Reload.Internal.Compilation;

/// <summary>
/// Metadata references are expensive to create (each maps a file and later builds assembly symbols), so they
/// are created once per process and shared by every host and every compilation.
/// </summary>
internal static class ReferenceCache
{
    private static readonly ConcurrentDictionary<string, MetadataReference?> s_byPath = new(StringComparer.Ordinal);
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_framework = new(LoadFramework);

    /// <summary>The base class library: the targeting pack's reference assemblies when the SDK is installed
    /// beside the runtime (what a project would compile against), else the runtime's own assemblies.</summary>
    public static IReadOnlyList<MetadataReference> Framework => s_framework.Value;

    /// <summary>The directory the framework references came from, for diagnostics and docs.</summary>
    public static string? FrameworkDirectory { get; private set; }

    public static MetadataReference? FromFile(string path)
    {
        return s_byPath.GetOrAdd(Path.GetFullPath(path), static p => IsManagedAssembly(p) ? MetadataReference.CreateFromFile(p) : null);
    }

    private static IReadOnlyList<MetadataReference> LoadFramework()
    {
        string runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        string directory = FindReferencePack(runtimeDirectory) ?? runtimeDirectory;
        FrameworkDirectory = directory;
        var references = new List<MetadataReference>();
        foreach (string file in Directory.EnumerateFiles(directory, "*.dll").Order(StringComparer.Ordinal))
        {
            if (FromFile(file) is { } reference)
            {
                references.Add(reference);
            }
        }

        return references;
    }

    // <dotnet>/shared/Microsoft.NETCore.App/10.0.12/ → <dotnet>/packs/Microsoft.NETCore.App.Ref/10.0.x/ref/net10.0/
    private static string? FindReferencePack(string runtimeDirectory)
    {
        try
        {
            var runtime = new DirectoryInfo(runtimeDirectory.TrimEnd(Path.DirectorySeparatorChar));
            DirectoryInfo? dotnetRoot = runtime.Parent?.Parent?.Parent;
            if (dotnetRoot is null || !Version.TryParse(runtime.Name.Split('-')[0], out Version? runtimeVersion))
            {
                return null;
            }

            var packs = new DirectoryInfo(Path.Combine(dotnetRoot.FullName, "packs", "Microsoft.NETCore.App.Ref"));
            if (!packs.Exists)
            {
                return null;
            }

            string tfm = $"net{runtimeVersion.Major}.{runtimeVersion.Minor}";
            return packs.EnumerateDirectories()
                .Select(d => (Directory: d, Version: Version.TryParse(d.Name.Split('-')[0], out Version? v) ? v : null))
                .Where(p => p.Version is not null && p.Version.Major == runtimeVersion.Major && p.Version.Minor == runtimeVersion.Minor)
                .OrderByDescending(p => p.Version)
                .Select(p => Path.Combine(p.Directory.FullName, "ref", tfm))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "System.Runtime.dll")));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
