using System.IO.Compression;
using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary>An output ending in <c>.zip</c> or <c>.jar</c> is a zip archive laid out as protoc 35.1 writes it.</summary>
public sealed class ProtocArchiveOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-archive-").FullName;

    public ProtocArchiveOutputTests() =>
        File.WriteAllText(Path.Combine(_dir, "svc.proto"), "syntax = \"proto3\";\npackage s;\nmessage Q { int32 x = 1; }\nservice Svc { rpc Get (Q) returns (Q); }\n");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string GrpcPlugin => Path.Combine(ProtocOracle.ToolsDirectory, OperatingSystem.IsWindows() ? "grpc_csharp_plugin.exe" : "grpc_csharp_plugin");

    /// <summary>The same plugin's output archived by both: the archives are equal byte for byte (a .jar with protoc's manifest first).</summary>
    [Theory]
    [InlineData("out.zip", "")]
    [InlineData("out.jar", "")]
    [InlineData("out.zip", "base_namespace=:")]
    public async Task PluginOutput_ToAnArchive_IsProtocsByteForByte(string archive, string options)
    {
        string protocArchive = Path.Combine(_dir, "protoc-" + archive);
        string inkwellArchive = Path.Combine(_dir, "inkwell-" + archive);

        var protoc = ProtocOracle.Run(_dir, ["-I" + _dir, "--plugin=protoc-gen-grpc=" + GrpcPlugin, $"--grpc_out={options}{protocArchive}", "svc.proto"]);
        var inkwell = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--plugin=protoc-gen-grpc=" + GrpcPlugin, $"--grpc_out={options}{inkwellArchive}", "svc.proto");

        Assert.True(protoc.ExitCode == 0, protoc.Error);
        Assert.True(inkwell.ExitCode == 0, inkwell.Error);
        Assert.Equal(File.ReadAllBytes(protocArchive), File.ReadAllBytes(inkwellArchive));
    }

    /// <summary>Built-in generators archive what they would write into a folder, stored, dated 1980-01-01 as protoc's entries.</summary>
    [Theory]
    [InlineData("--csharp_out", "out.zip")]
    [InlineData("--grpc_out", "out.jar")]
    public async Task BuiltInOutput_ToAnArchive_HoldsTheFolderOutput(string flag, string archive)
    {
        string folder = Directory.CreateDirectory(Path.Combine(_dir, "folder")).FullName;
        string path = Path.Combine(_dir, archive);

        var toFolder = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, $"{flag}={folder}", "svc.proto");
        var toArchive = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, $"{flag}={path}", "svc.proto");

        Assert.True(toFolder.ExitCode == 0, toFolder.Error);
        Assert.True(toArchive.ExitCode == 0, toArchive.Error);
        using ZipArchive zip = ZipFile.OpenRead(path);
        string[] expected = [.. (archive.EndsWith(".jar", StringComparison.Ordinal) ? ["META-INF/MANIFEST.MF"] : Array.Empty<string>())
            .Concat(Directory.GetFiles(folder).Select(Path.GetFileName))!];
        Assert.Equal(expected, zip.Entries.Select(e => e.FullName));
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            Assert.Equal(new DateTime(1980, 1, 1), entry.LastWriteTime.DateTime);
            Assert.Equal(entry.Length, entry.CompressedLength);
            if (entry.FullName != "META-INF/MANIFEST.MF")
            {
                using var reader = new StreamReader(entry.Open());
                Assert.Equal(File.ReadAllText(Path.Combine(folder, entry.FullName)), reader.ReadToEnd());
            }
        }
    }

    [Fact]
    public async Task Archive_WithDependencyOut_ListsTheEntriesAsProtoc()
    {
        var protoc = ProtocOracle.Run(_dir, ["-I.", "--plugin=protoc-gen-grpc=" + GrpcPlugin, "--grpc_out=out.zip", "--dependency_out=protoc.d", "svc.proto"]);
        string previous = File.ReadAllText(Path.Combine(_dir, "protoc.d"));
        File.Delete(Path.Combine(_dir, "out.zip"));
        var inkwell = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--plugin=protoc-gen-grpc=" + GrpcPlugin, "--grpc_out=" + Path.Combine(_dir, "out.zip"),
            "--dependency_out=" + Path.Combine(_dir, "inkwell.d"), Path.Combine(_dir, "svc.proto"));

        Assert.True(protoc.ExitCode == 0, protoc.Error);
        Assert.True(inkwell.ExitCode == 0, inkwell.Error);
        Assert.Equal("out.zipSvcGrpc.cs: svc.proto", previous);
        Assert.Equal($"{_dir}/out.zipSvcGrpc.cs: {_dir}/svc.proto", File.ReadAllText(Path.Combine(_dir, "inkwell.d")));
    }

    [Fact]
    public async Task Archive_InAFolderThatDoesNotExist_FailsAsProtoc()
    {
        string archive = Path.Combine(_dir, "no-such-folder", "out.zip");

        var protoc = ProtocOracle.Run(_dir, ["-I" + _dir, "--plugin=protoc-gen-grpc=" + GrpcPlugin, "--grpc_out=" + archive, "svc.proto"]);
        var inkwell = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--plugin=protoc-gen-grpc=" + GrpcPlugin, "--grpc_out=" + archive, "svc.proto");

        Assert.Equal(protoc.Error, inkwell.Error);
        Assert.Equal(protoc.ExitCode, inkwell.ExitCode);
    }
}
