using System.Reflection;

namespace Inkwell.Cli.Tests.Support;

/// <summary>protoc 35.1 from the Grpc.Tools package: the oracle <c>inkwell protoc</c> is compared with.</summary>
internal static class ProtocOracle
{
    /// <summary>The package's tools folder for this machine (protoc, grpc_csharp_plugin), made executable.</summary>
    public static string ToolsDirectory
    {
        get
        {
            string? package = typeof(ProtocOracle).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "GrpcToolsPath")?.Value;
            Assert.True(!string.IsNullOrEmpty(package) && Directory.Exists(package), "Grpc.Tools was not restored (GrpcToolsPath is empty); run dotnet restore.");
            string tools = Path.Combine(package!, "tools", OperatingSystem.IsWindows() ? "windows_x64" : "linux_x64");
            foreach (string tool in Directory.EnumerateFiles(tools))
            {
                if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(tool) & UnixFileMode.UserExecute) == 0)
                {
                    // NuGet extracts without the executable bit.
                    File.SetUnixFileMode(tool, File.GetUnixFileMode(tool) | UnixFileMode.UserExecute);
                }
            }

            return tools;
        }
    }

    /// <summary>The package's copy of protobuf's well-known .proto files (<c>google/protobuf/descriptor.proto</c>, …), an import root.</summary>
    public static string IncludeDirectory => Path.GetFullPath(Path.Combine(ToolsDirectory, "..", "..", "build", "native", "include"));

    public static string ProtocPath => Path.Combine(ToolsDirectory, OperatingSystem.IsWindows() ? "protoc.exe" : "protoc");

    /// <summary>Runs protoc in <paramref name="workingDirectory"/> with <paramref name="environment"/> added.</summary>
    public static ProcessResult Run(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRun.Run(ProtocPath, arguments, workingDirectory, environment);
}
