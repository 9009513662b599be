using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>
/// What a Grpc.Tools user of the lowered schema has: Inkwell lowers a .proto (<c>inkwell protoc --proto_out</c>),
/// protoc 35.1 with grpc_csharp_plugin 2.85.0 (from the Grpc.Tools package) generates messages and services from it,
/// and Roslyn compiles them with a hand-written driver (<c>Interop/*.cs.txt</c>) into an assembly of its own.
/// </summary>
internal static class PlainGrpcTools
{
    /// <summary>Compiles <paramref name="protoFile"/> (under Protos/) lowered, with <paramref name="driverFile"/>, and loads it.</summary>
    public static Assembly Build(string protoFile, string driverFile)
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            Assert.Skip("The interop tests run protoc and grpc_csharp_plugin from Grpc.Tools' tools/linux_x64 folder: Linux x64 only.");
        }

        string protos = Path.Combine(AppContext.BaseDirectory, "Protos");
        CompilationResult result = ProtoCompiler.Compile([protoFile], new FileSystemResolver([protos]));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));

        string work = Directory.CreateTempSubdirectory("inkwell-interop-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(work, protoFile), result.LoweredSources[protoFile]);
            Directory.CreateDirectory(Path.Combine(work, "inkwell"));
            using (Stream inheritance = typeof(ProtoCompiler).Assembly.GetManifestResourceStream(ProtoCompiler.InheritanceProto)!)
            using (FileStream copy = File.Create(Path.Combine(work, ProtoCompiler.InheritanceProto)))
            {
                inheritance.CopyTo(copy);
            }

            string output = Directory.CreateDirectory(Path.Combine(work, "out")).FullName;
            RunProtoc(work, ["--csharp_out=" + output, "--grpc_out=" + output, protoFile, ProtoCompiler.InheritanceProto]);
            var trees = Directory.EnumerateFiles(output)
                .Append(Path.Combine(AppContext.BaseDirectory, "Interop", driverFile))
                .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest), path));
            return Compile(trees);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Assembly Compile(IEnumerable<SyntaxTree> trees)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0)
            .Select(p => MetadataReference.CreateFromFile(p));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "PlainGrpcTools" + Guid.NewGuid().ToString("N"), trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Take(10)));
        // The default context (not collectible): ASP.NET Core's gRPC binds the service type by reflection and keeps it.
        return Assembly.Load(image.ToArray());
    }

    private static void RunProtoc(string workingDirectory, IEnumerable<string> arguments)
    {
        string package = typeof(PlainGrpcTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GrpcToolsPath").Value!;
        string tools = Path.Combine(package, "tools", "linux_x64");
        string protoc = Path.Combine(tools, "protoc");
        string plugin = Path.Combine(tools, "grpc_csharp_plugin");
        foreach (string tool in new[] { protoc, plugin })
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(tool) & UnixFileMode.UserExecute) == 0)
            {
                // NuGet extracts without the executable bit.
                File.SetUnixFileMode(tool, File.GetUnixFileMode(tool) | UnixFileMode.UserExecute);
            }
        }

        ProcessResult result = ProcessRun.Run(
            protoc, ["-I.", "-I" + Path.Combine(package, "build", "native", "include"), "--plugin=protoc-gen-grpc=" + plugin, .. arguments], workingDirectory);
        Assert.True(result.ExitCode == 0, "protoc with grpc_csharp_plugin failed: " + result.Error);
    }
}
