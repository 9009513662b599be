using Google.Protobuf;
using Google.Protobuf.Compiler;
using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary>
/// The protoc plugin protocol: a test plugin (a shell script) records the request it receives and answers with a
/// response the test prepares; <c>inkwell protoc</c> and protoc 35.1 run it with the same command line and must send
/// the same bytes, write the same files and fail the same way.
/// </summary>
public sealed class ProtocPluginTests : IDisposable
{
    private const string OptionalProto = "syntax = \"proto3\";\npackage t;\n// A message.\nmessage A { optional int32 x = 1; }\n";
    private const string EditionsProto = "edition = \"2023\";\npackage t;\nmessage E { int32 x = 1; }\n";
    private const string PlainProto = "syntax = \"proto2\";\npackage t;\nimport \"opt.proto\";\nmessage B { optional A a = 1; }\n";

    /// <summary>Declares proto3 optional and editions PROTO2..2024 support and writes nothing.</summary>
    private static readonly CodeGeneratorResponse Supportive = new() { SupportedFeatures = 3, MinimumEdition = 998, MaximumEdition = 1001 };

    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-plugin-").FullName;

    public ProtocPluginTests()
    {
        File.WriteAllText(Path.Combine(_dir, "opt.proto"), OptionalProto);
        File.WriteAllText(Path.Combine(_dir, "ed.proto"), EditionsProto);
        File.WriteAllText(Path.Combine(_dir, "plain.proto"), PlainProto);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Writes an executable plugin script that saves its request to request.bin and prints <paramref name="body"/>'s effect.</summary>
    private string WritePlugin(string name, string body)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, $"#!/bin/sh\ncat > '{_dir}/request.bin'\n{body}\n");
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("The test plugins are shell scripts.");
        }
        else
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }

    /// <summary>A plugin that answers <paramref name="response"/>.</summary>
    private string WritePlugin(string name, CodeGeneratorResponse response)
    {
        File.WriteAllBytes(Path.Combine(_dir, name + ".response"), response.ToByteArray());
        return WritePlugin(name, $"cat '{_dir}/{name}.response'");
    }

    private string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;

    /// <summary>Runs both with <paramref name="arguments"/> ({0}: the output folder); returns what each did and the requests they sent.</summary>
    private async Task<(Outcome Protoc, Outcome Inkwell)> RunBothAsync(params string[] arguments)
    {
        string protocOut = NewFolder("protoc-out-" + Guid.NewGuid().ToString("N"));
        string inkwellOut = NewFolder("inkwell-out-" + Guid.NewGuid().ToString("N"));
        string request = Path.Combine(_dir, "request.bin");

        File.Delete(request);
        var protoc = ProtocOracle.Run(_dir, arguments.Select(a => a.Replace("{0}", protocOut, StringComparison.Ordinal)));
        byte[]? protocRequest = File.Exists(request) ? File.ReadAllBytes(request) : null;

        File.Delete(request);
        (int ExitCode, string Output, string Error) inkwell;
        inkwell = await InProcessInkwell.RunAsync(["protoc", .. arguments.Select(a => a.Replace("{0}", inkwellOut, StringComparison.Ordinal))]);
        byte[]? inkwellRequest = File.Exists(request) ? File.ReadAllBytes(request) : null;

        return (new Outcome(protoc.ExitCode, protoc.Error.Replace(protocOut, "OUT", StringComparison.Ordinal), protocRequest, Files(protocOut)),
                new Outcome(inkwell.ExitCode, inkwell.Error.Replace(inkwellOut, "OUT", StringComparison.Ordinal), inkwellRequest, Files(inkwellOut)));
    }

    private static Dictionary<string, string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    private sealed record Outcome(int ExitCode, string Error, byte[]? Request, Dictionary<string, string> Files);

    private static void AssertSame(Outcome protoc, Outcome inkwell)
    {
        Assert.Equal(protoc.Error, inkwell.Error);
        Assert.Equal(protoc.ExitCode, inkwell.ExitCode);
        Assert.Equal(protoc.Files.OrderBy(p => p.Key, StringComparer.Ordinal), inkwell.Files.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static void AssertSameRequest(Outcome protoc, Outcome inkwell)
    {
        Assert.NotNull(protoc.Request);
        Assert.NotNull(inkwell.Request);
        CodeGeneratorRequest expected = CodeGeneratorRequest.Parser.ParseFrom(protoc.Request);
        CodeGeneratorRequest actual = CodeGeneratorRequest.Parser.ParseFrom(inkwell.Request);
        // The parsed comparison names the first differing field; the bytes must be equal too.
        Assert.Equal(expected, actual);
        Assert.Equal(protoc.Request, inkwell.Request);
    }

    [Theory]
    [InlineData("--rec_out={0}", "opt.proto")]
    [InlineData("--rec_out=a,b=c:{0}|--rec_opt=d|--rec_opt=e=f", "plain.proto|ed.proto")]
    [InlineData("--rec_opt=only|--rec_out={0}", "ed.proto|opt.proto|plain.proto")]
    public async Task Request_IsProtocsByteForByte(string flags, string inputs)
    {
        string plugin = WritePlugin("rec", Supportive);

        var (protoc, inkwell) = await RunBothAsync(["-I" + _dir, "--plugin=protoc-gen-rec=" + plugin, .. flags.Split('|'), .. inputs.Split('|')]);

        AssertSame(protoc, inkwell);
        Assert.Equal(0, inkwell.ExitCode);
        AssertSameRequest(protoc, inkwell);
    }

    /// <summary>
    /// The protobuf corpus, each file on its own. protoc's request keeps source-retention options in the copies of
    /// the dependencies and in source_file_descriptors; Inkwell's descriptors never have them (docs/cli.md). So the
    /// request must equal, byte for byte, protoc's request with each file replaced by protoc's own <c>-o</c>
    /// descriptor of it (options stripped), and exactly protoc's for every file whose request has no such options.
    /// </summary>
    [Fact]
    public async Task Request_OnTheCorpus_IsProtocsByteForByte()
    {
        string root = Inkwell.Testing.Corpus.RequireProtobuf();
        string plugin = WritePlugin("rec", Supportive);
        string[] files = [.. Directory.EnumerateFiles(Path.Combine(root, "google", "protobuf"), "*.proto", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
        var differing = new List<string>();
        int exact = 0;
        foreach (string file in files)
        {
            var (protoc, inkwell) = await RunBothAsync("-I" + root, "--plugin=protoc-gen-rec=" + plugin, "--rec_out={0}", file);
            if (protoc.ExitCode != 0 || inkwell.ExitCode != 0 || protoc.Request is null || inkwell.Request is null)
            {
                differing.Add($"{file}: protoc {protoc.ExitCode} {protoc.Error}, inkwell {inkwell.ExitCode} {inkwell.Error}");
                continue;
            }

            byte[] expected = WithProtocsStrippedDescriptors(protoc.Request, ["-I" + root, file]);
            if (!expected.AsSpan().SequenceEqual(inkwell.Request))
            {
                differing.Add(file);
            }

            exact += protoc.Request.AsSpan().SequenceEqual(inkwell.Request) ? 1 : 0;
        }

        Assert.True(files.Length > 50, $"{files.Length} files");
        Assert.Empty(differing);
        // Most requests do not reach a source-retention option at all; those are protoc's exactly.
        Assert.True(exact > files.Length / 2, $"{exact} of {files.Length} requests byte-identical to protoc's");
    }

    /// <summary>
    /// protoc's request with every proto_file and source_file_descriptors entry replaced by protoc's own
    /// <c>-o --include_imports --include_source_info</c> bytes for that file: its request as it would be if protoc
    /// stripped source-retention options everywhere, as Inkwell's descriptors are.
    /// </summary>
    private byte[] WithProtocsStrippedDescriptors(byte[] protocRequest, string[] compileArguments)
    {
        string set = Path.Combine(_dir, "stripped.pb");
        var run = ProtocOracle.Run(_dir, [.. compileArguments, "--include_imports", "--include_source_info", "-o", set]);
        Assert.True(run.ExitCode == 0, run.Error);
        var byName = new Dictionary<string, ByteString>(StringComparer.Ordinal);
        var input = new CodedInputStream(File.ReadAllBytes(set));
        while (input.ReadTag() != 0)
        {
            ByteString bytes = input.ReadBytes();
            byName[Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes).Name] = bytes;
        }

        CodeGeneratorRequest request = CodeGeneratorRequest.Parser.ParseFrom(protocRequest);
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        foreach (string name in request.FileToGenerate)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteString(name);
        }

        if (request.HasParameter)
        {
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteString(request.Parameter);
        }

        output.WriteTag(3, WireFormat.WireType.LengthDelimited);
        output.WriteMessage(request.CompilerVersion);
        foreach ((int field, IEnumerable<Google.Protobuf.Reflection.FileDescriptorProto> entries) in new[] { (15, request.ProtoFile), (17, request.SourceFileDescriptors) })
        {
            foreach (var entry in entries)
            {
                output.WriteTag(field, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(byName[entry.Name]);
            }
        }

        output.Flush();
        return stream.ToArray();
    }

    [Fact]
    public async Task Request_GoogleAdsServicesInOneRun_IsProtocsByteForByte()
    {
        string root = Inkwell.Testing.Corpus.RequireGoogleAds();
        string protobufRoot = Inkwell.Testing.Corpus.RequireProtobuf();
        string plugin = WritePlugin("rec", Supportive);
        string[] files = [.. Directory.EnumerateFiles(root, "*.proto", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(line => line.StartsWith("service ", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

        var (protoc, inkwell) = await RunBothAsync(["-I" + root, "-I" + protobufRoot, "--plugin=protoc-gen-rec=" + plugin, "--rec_out=p:{0}", .. files]);

        AssertSame(protoc, inkwell);
        Assert.NotNull(inkwell.Request);
        // descriptor.proto (imported for the google.api options) has source-retention options: see the corpus test.
        Assert.Equal(WithProtocsStrippedDescriptors(protoc.Request!, ["-I" + root, "-I" + protobufRoot, .. files]), inkwell.Request);
    }
}
