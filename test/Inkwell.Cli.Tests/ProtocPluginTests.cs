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
    private static readonly CodeGeneratorResponse s_supportive = new() { SupportedFeatures = 3, MinimumEdition = 998, MaximumEdition = 1001 };

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
        string plugin = WritePlugin("rec", s_supportive);

        var (protoc, inkwell) = await RunBothAsync(["-I" + _dir, "--plugin=protoc-gen-rec=" + plugin, .. flags.Split('|'), .. inputs.Split('|')]);

        AssertSame(protoc, inkwell);
        Assert.Equal(0, inkwell.ExitCode);
        AssertSameRequest(protoc, inkwell);
    }

    /// <summary>
    /// Options with <c>retention = RETENTION_SOURCE</c> on every kind of element: protoc strips them from the inputs'
    /// proto_file copies only, keeps them (custom options in the order set) in source_file_descriptors and in the
    /// dependencies' copies. The request must be protoc's byte for byte for inputs that set them, that declare them,
    /// and that import a file setting them.
    /// </summary>
    [Theory]
    [InlineData("use.proto", "OnlySource")]
    [InlineData("opts.proto", "")]
    [InlineData("importer.proto", "OnlySource")]
    [InlineData("editions.proto", "E")]
    [InlineData("importer.proto|use.proto|editions.proto", "OnlySource")]
    public async Task Request_WithSourceRetentionOptions_IsProtocsByteForByte(string inputs, string onlySourceOptions)
    {
        SourceRetentionSchemas.WriteTo(_dir);
        string plugin = WritePlugin("rec", s_supportive);

        var (protoc, inkwell) = await RunBothAsync(["-I" + _dir, "-I" + ProtocOracle.IncludeDirectory, "--plugin=protoc-gen-rec=" + plugin, "--rec_out={0}", .. inputs.Split('|')]);

        AssertSame(protoc, inkwell);
        Assert.Equal(0, inkwell.ExitCode);
        AssertSameRequest(protoc, inkwell);
        if (onlySourceOptions.Length > 0)
        {
            // A message whose options are all source-retention ones has none once stripped: some copy in the request
            // (an input's source_file_descriptors entry, or a dependency's proto_file entry) must be the unstripped one.
            CodeGeneratorRequest request = CodeGeneratorRequest.Parser.ParseFrom(inkwell.Request);
            Assert.Contains(request.ProtoFile.Concat(request.SourceFileDescriptors), file => file.MessageType.Any(m => m.Name == onlySourceOptions && m.Options is not null));
        }
    }

    /// <summary>The protobuf corpus, each file on its own: protoc's request byte for byte.</summary>
    [Fact]
    public async Task Request_OnTheCorpus_IsProtocsByteForByte()
    {
        string root = Inkwell.Testing.Corpus.RequireProtobuf();
        string plugin = WritePlugin("rec", s_supportive);
        string[] files = [.. Directory.EnumerateFiles(Path.Combine(root, "google", "protobuf"), "*.proto", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
        var differing = new List<string>();
        int withSourceRetention = 0;
        foreach (string file in files)
        {
            var (protoc, inkwell) = await RunBothAsync("-I" + root, "--plugin=protoc-gen-rec=" + plugin, "--rec_out={0}", file);
            if (protoc.ExitCode != 0 || inkwell.ExitCode != 0 || protoc.Request is null || inkwell.Request is null)
            {
                differing.Add($"{file}: protoc {protoc.ExitCode} {protoc.Error}, inkwell {inkwell.ExitCode} {inkwell.Error}");
                continue;
            }

            if (!protoc.Request.AsSpan().SequenceEqual(inkwell.Request))
            {
                differing.Add(file);
            }

            // Most requests reach descriptor.proto, whose extension range declarations have source retention.
            CodeGeneratorRequest request = CodeGeneratorRequest.Parser.ParseFrom(protoc.Request);
            withSourceRetention += request.ProtoFile.Any(f => f.Name == "google/protobuf/descriptor.proto" && f.MessageType.Any(m => m.ExtensionRange.Any(r => r.Options?.Declaration.Count > 0))) ? 1 : 0;
        }

        Assert.True(files.Length > 50, $"{files.Length} files");
        Assert.Empty(differing);
        Assert.True(withSourceRetention > 10, $"{withSourceRetention} requests carry source-retention options");
    }

    [Fact]
    public async Task Request_GoogleAdsServicesInOneRun_IsProtocsByteForByte()
    {
        string root = Inkwell.Testing.Corpus.RequireGoogleAds();
        string protobufRoot = Inkwell.Testing.Corpus.RequireProtobuf();
        string plugin = WritePlugin("rec", s_supportive);
        string[] files = [.. Directory.EnumerateFiles(root, "*.proto", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(line => line.StartsWith("service ", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

        var (protoc, inkwell) = await RunBothAsync(["-I" + root, "-I" + protobufRoot, "--plugin=protoc-gen-rec=" + plugin, "--rec_out=p:{0}", .. files]);

        AssertSame(protoc, inkwell);
        Assert.NotNull(inkwell.Request);
        Assert.Equal(protoc.Request, inkwell.Request);
    }

    /// <summary>Plugins that fail in each way protoc knows: same exit status and the same messages as protoc.</summary>
    [Theory]
    [InlineData("exits", "echo to-stderr >&2; exit 3")]
    [InlineData("garbage", "printf '\\377\\377 garbage\\n'")]
    [InlineData("signal", "kill -SEGV $$")]
    public async Task FailingPlugin_FailsAsWithProtoc(string name, string body)
    {
        string plugin = WritePlugin(name, body);

        var (protoc, inkwell) = await RunBothAsync("-I" + _dir, "--plugin=protoc-gen-t=" + plugin, "--t_out={0}", "opt.proto");

        AssertSame(protoc, inkwell);
        Assert.Equal(1, inkwell.ExitCode);
        Assert.Contains("--t_out: protoc-gen-t: Plugin", inkwell.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--plugin=protoc-gen-t={1}/no-such-plugin|--t_out={0}")]
    [InlineData("--zz_no_such_plugin_out={0}")]
    [InlineData("--plugin={1}/nope|--nope_out={0}")]
    public async Task MissingPlugin_FailsAsWithProtoc(string flags)
    {
        var (protoc, inkwell) = await RunBothAsync(["-I" + _dir, .. flags.Replace("{1}", _dir, StringComparison.Ordinal).Split('|'), "opt.proto"]);

        AssertSame(protoc, inkwell);
        Assert.Equal(1, inkwell.ExitCode);
    }

    public static TheoryData<string, string, string> Responses => new()
    {
        // name, response (JSON of CodeGeneratorResponse), inputs and flags
        { "error", """{ "error": "boom", "supportedFeatures": "3" }""", "opt.proto" },
        { "no features", """{ }""", "opt.proto|ed.proto" },
        { "no features, error", """{ "error": "bad" }""", "opt.proto|ed.proto|plain.proto" },
        { "optional only", """{ "supportedFeatures": "1" }""", "opt.proto|ed.proto" },
        { "no maximum edition", """{ "supportedFeatures": "3" }""", "ed.proto" },
        { "minimum 2024", """{ "supportedFeatures": "3", "minimumEdition": 1001, "maximumEdition": 1001 }""", "ed.proto" },
        { "maximum proto3", """{ "supportedFeatures": "3", "minimumEdition": 998, "maximumEdition": 999 }""", "ed.proto" },
        { "experimental editions", """{ "supportedFeatures": "1" }""", "ed.proto|--experimental_editions" },
        { "files", """
            { "supportedFeatures": "3", "file": [
              { "name": "a.txt", "content": "head\n  // @@protoc_insertion_point(p)\nx /* @@protoc_insertion_point(q) */ y\n" },
              { "content": "continued\n" },
              { "name": "sub/dir/b.txt", "content": "b" },
              { "name": "a.txt", "insertionPoint": "p", "content": "one\n\ntwo" },
              { "name": "a.txt", "insertionPoint": "p", "content": "three\n" },
              { "name": "a.txt", "insertionPoint": "q", "content": "inline" } ] }
            """, "opt.proto" },
        { "no such point", """{ "supportedFeatures": "3", "file": [ { "name": "a.txt", "content": "x" }, { "name": "a.txt", "insertionPoint": "p", "content": "y" } ] }""", "opt.proto" },
        { "no such file", """{ "supportedFeatures": "3", "file": [ { "name": "a.txt", "insertionPoint": "p", "content": "y" } ] }""", "opt.proto" },
        { "twice", """{ "supportedFeatures": "3", "file": [ { "name": "a.txt", "content": "x" }, { "name": "a.txt", "content": "y" } ] }""", "opt.proto" },
        { "escapes the folder", """{ "supportedFeatures": "3", "file": [ { "name": "../escaped.txt", "content": "x" } ] }""", "opt.proto" },
        { "escapes in the middle", """{ "supportedFeatures": "3", "file": [ { "name": "a/../../escaped.txt", "content": "x" } ] }""", "opt.proto" },
        { "escape allowed", """{ "supportedFeatures": "3", "file": [ { "name": "a/../b.txt", "content": "x" } ] }""", "opt.proto|--unsafe_allow_out_dir_escape" },
        { "absolute name", """{ "supportedFeatures": "3", "file": [ { "name": "/abs/c.txt", "content": "x" } ] }""", "opt.proto" },
        { "untidy name", """{ "supportedFeatures": "3", "file": [ { "name": "./d//e.txt", "content": "x" } ] }""", "opt.proto" },
        { "nameless first chunk", """{ "supportedFeatures": "3", "file": [ { "content": "x" } ] }""", "opt.proto" },
    };

    /// <summary>What the plugin answers is filed (or refused) exactly as protoc does.</summary>
    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Response_IsHandledAsByProtoc(string name, string response, string inputsAndFlags)
    {
        string plugin = WritePlugin("answer", JsonParser.Default.Parse<CodeGeneratorResponse>(response));

        var (protoc, inkwell) = await RunBothAsync(["-I" + _dir, "--plugin=protoc-gen-t=" + plugin, "--t_out={0}", .. inputsAndFlags.Split('|')]);

        AssertSame(protoc, inkwell);
        Assert.True(name != "files" || inkwell.Files.Count == 2, string.Join(", ", inkwell.Files.Keys));
        Assert.False(File.Exists(Path.Combine(_dir, "escaped.txt")));
    }

    /// <summary>Several generators in one run: a failing one leaves no output of the others, as with protoc.</summary>
    [Fact]
    public async Task SeveralGenerators_OneFails_NothingIsWritten()
    {
        string writer = WritePlugin("writer", new CodeGeneratorResponse { SupportedFeatures = 3, File = { new CodeGeneratorResponse.Types.File { Name = "w.txt", Content = "w" } } });
        string failing = WritePlugin("failing", "exit 2");

        var (protoc, inkwell) = await RunBothAsync("-I" + _dir, "--plugin=protoc-gen-w=" + writer, "--plugin=protoc-gen-f=" + failing,
            "--w_out={0}", "--csharp_out={0}", "--f_out={0}", "opt.proto");

        AssertSame(protoc, inkwell);
        Assert.Empty(inkwell.Files);
    }

    /// <summary>Two plugins into one folder: the second inserts into the first's file, as with protoc.</summary>
    [Fact]
    public async Task SeveralGenerators_LaterOneInsertsIntoEarlierFile()
    {
        string first = WritePlugin("first", new CodeGeneratorResponse { SupportedFeatures = 3, File = { new CodeGeneratorResponse.Types.File { Name = "x.txt", Content = "a\n    // @@protoc_insertion_point(here)\nb\n" } } });
        string second = WritePlugin("second", new CodeGeneratorResponse { SupportedFeatures = 3, File = { new CodeGeneratorResponse.Types.File { Name = "x.txt", InsertionPoint = "here", Content = "inserted" } } });

        var (protoc, inkwell) = await RunBothAsync("-I" + _dir, "--plugin=protoc-gen-a=" + first, "--plugin=protoc-gen-b=" + second, "--a_out={0}", "--b_out={0}", "opt.proto");

        AssertSame(protoc, inkwell);
        Assert.Contains("    inserted\n", inkwell.Files["x.txt"], StringComparison.Ordinal);
    }

    /// <summary><c>--grpc_out</c> with <c>--plugin=protoc-gen-grpc=…</c> runs that plugin, as protoc does, instead of the built-in.</summary>
    [Fact]
    public async Task GrpcOut_WithAGrpcPlugin_RunsThePlugin()
    {
        File.WriteAllText(Path.Combine(_dir, "svc.proto"), "syntax = \"proto3\";\npackage s;\nmessage M {}\nservice S { rpc Call(M) returns (M); }\n");
        string plugin = Path.Combine(ProtocOracle.ToolsDirectory, "grpc_csharp_plugin");

        var (protoc, inkwell) = await RunBothAsync("-I" + _dir, "--plugin=protoc-gen-grpc=" + plugin, "--grpc_out=no_server:{0}", "--grpc_opt=internal_access", "svc.proto");

        AssertSame(protoc, inkwell);
        Assert.Contains("internal static partial class S", inkwell.Files["SvcGrpc.cs"], StringComparison.Ordinal);
        Assert.Contains("grpc_csharp_plugin", inkwell.Files["SvcGrpc.cs"], StringComparison.Ordinal);
    }
}
