using System.Reflection;
using System.Runtime.InteropServices;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Tests.Infrastructure;

/// <summary>
/// protoc 35.1 from the Grpc.Tools package the test project restores: the oracle for descriptor sets
/// and for the C# that <c>--csharp_out</c> writes.
/// </summary>
internal static class Protoc
{
    private static readonly Lazy<string> s_packageRoot = new(FindPackageRoot);

    public static string ExecutablePath => Tool("protoc");

    /// <summary>grpc_csharp_plugin 2.85.0, next to protoc in the package: the oracle for service code.</summary>
    public static string GrpcPluginPath => Tool("grpc_csharp_plugin");

    private static string Tool(string name)
    {
        string platform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows"
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "macosx" : "linux";
        string arch = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "x64";
        string path = Path.Combine(s_packageRoot.Value, "tools", $"{platform}_{arch}", platform == "windows" ? name + ".exe" : name);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) == 0)
        {
            // NuGet extracts without the executable bit.
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        return path;
    }

    /// <summary>The well-known types' .proto files shipped next to protoc.</summary>
    public static string WellKnownTypesInclude => Path.Combine(s_packageRoot.Value, "build", "native", "include");

    /// <summary>Compiles <paramref name="files"/> (relative to <paramref name="root"/>) to a descriptor set with imports and source info.</summary>
    public static FileDescriptorSet DescriptorSet(string root, IReadOnlyList<string> files)
    {
        string output = Path.Combine(Path.GetTempPath(), "inkwell-protoc-" + Guid.NewGuid().ToString("N") + ".pb");
        try
        {
            Run(root, ["--include_imports", "--include_source_info", "-o", output, .. files]);
            return FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Runs <c>--csharp_out</c> and returns each generated file by relative path (with <c>/</c>).</summary>
    public static Dictionary<string, string> GenerateCSharp(string root, IReadOnlyList<string> files, string? options = null)
    {
        string output = Path.Combine(Path.GetTempPath(), "inkwell-protoc-cs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        try
        {
            var arguments = new List<string> { "--csharp_out=" + output };
            if (options is not null)
            {
                arguments.Add("--csharp_opt=" + options);
            }
            arguments.AddRange(files);
            Run(root, arguments);
            return Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllText);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>
    /// Runs <c>--grpc_out</c> through grpc_csharp_plugin and returns each generated file by relative path (with <c>/</c>).
    /// The plugin writes files flat (without <c>base_namespace</c>), so files whose outputs share a name must go in
    /// separate calls: protoc fails on the second.
    /// </summary>
    public static Dictionary<string, string> GenerateGrpc(string root, IReadOnlyList<string> files, string? options = null, IReadOnlyList<string>? importRoots = null)
    {
        string output = Path.Combine(Path.GetTempPath(), "inkwell-protoc-grpc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        try
        {
            var arguments = new List<string>();
            foreach (string importRoot in importRoots ?? [])
            {
                arguments.Add("-I" + importRoot);
            }
            arguments.Add("--plugin=protoc-gen-grpc=" + GrpcPluginPath);
            arguments.Add("--grpc_out=" + output);
            if (options is not null)
            {
                arguments.Add("--grpc_opt=" + options);
            }
            arguments.AddRange(files);
            Run(root, arguments);
            return Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllText);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>A descriptor set with imports and source info, from several import roots (the first is the working folder).</summary>
    public static FileDescriptorSet DescriptorSet(string root, IReadOnlyList<string> files, IReadOnlyList<string> importRoots)
    {
        string output = Path.Combine(Path.GetTempPath(), "inkwell-protoc-" + Guid.NewGuid().ToString("N") + ".pb");
        try
        {
            Run(root, [.. importRoots.Select(r => "-I" + r), "--include_imports", "--include_source_info", "-o", output, .. files]);
            return FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static void Run(string root, IReadOnlyList<string> arguments)
    {
        ProcessResult result = ProcessRun.Run(ExecutablePath, ["-I.", "-I" + WellKnownTypesInclude, .. arguments], root);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"protoc failed ({result.ExitCode}): {result.Error}");
        }
    }

    private static string FindPackageRoot()
    {
        string? path = typeof(Protoc).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "GrpcToolsPath")?.Value;
        if (string.IsNullOrEmpty(path) || !Directory.Exists(path))
        {
            throw new InvalidOperationException("Grpc.Tools was not restored (GrpcToolsPath is empty); run dotnet restore.");
        }
        return path;
    }
}
