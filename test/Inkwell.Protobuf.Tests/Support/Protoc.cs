using System.Reflection;

namespace Inkwell.Protobuf.Tests.Support;

/// <summary>The oracle: protoc 35.1 from the Grpc.Tools 2.85.0 package that restore fetched.</summary>
internal static class Protoc
{
    private static readonly Lazy<string?> s_path = new(Locate);

    public static string? Path => s_path.Value;

    public static string Require()
    {
        if (Path is null)
        {
            Assert.Skip("protoc from the Grpc.Tools 2.85.0 package was not found (run dotnet restore; linux-x64 only).");
        }

        return Path!;
    }

    /// <summary>The well-known types shipped next to protoc in Grpc.Tools (build/native/include).</summary>
    public static string RequireIncludeDirectory()
    {
        string protoc = Require();
        string include = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(protoc)!, "../../build/native/include"));
        if (!File.Exists(System.IO.Path.Combine(include, "google/protobuf/descriptor.proto")))
        {
            Assert.Skip("Grpc.Tools' build/native/include (the well-known types) was not found.");
        }

        return include;
    }

    private static string? Locate()
    {
        string? fromBuild = typeof(Protoc).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProtocPath")?.Value;
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] candidates =
        [
            fromBuild ?? "",
            System.IO.Path.Combine(home, ".nuget/packages/grpc.tools/2.85.0/tools/linux_x64/protoc"),
        ];
        foreach (string candidate in candidates)
        {
            if (candidate.Length > 0 && File.Exists(candidate) && OperatingSystem.IsLinux())
            {
                // NuGet extracts files without the executable bit.
                File.SetUnixFileMode(candidate, File.GetUnixFileMode(candidate) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs protoc; returns its exit code, standard error, and the descriptor set it wrote (if any).</summary>
    public static (int ExitCode, string Error, byte[]? DescriptorSet) Run(IEnumerable<string> args, string? workingDirectory = null)
    {
        string output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "inkwell-protoc-" + Guid.NewGuid().ToString("N") + ".pb");
        ProcessResult result = ProcessRun.Run(Require(), [.. args, "-o" + output], workingDirectory);
        byte[]? bytes = File.Exists(output) ? File.ReadAllBytes(output) : null;
        File.Delete(output);
        return (result.ExitCode, result.Error, bytes);
    }
}
