using Google.Protobuf.Reflection;
using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

public sealed class ProtocCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-protoc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Protoc_WritesDescriptorSetWithImportsDependenciesFirst()
    {
        Write("a/dep.proto", "syntax = \"proto3\";\npackage a;\nmessage Dep { string name = 1; }\n");
        Write("main.proto", "syntax = \"proto3\";\nimport \"a/dep.proto\";\nmessage Main { a.Dep dep = 1; }\n");
        string output = Path.Combine(_dir, "out.pb");

        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--include_imports", "-o", output, "main.proto");

        Assert.True(exitCode == 0, error);
        FileDescriptorSet set = FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(output));
        Assert.Equal(["a/dep.proto", "main.proto"], set.File.Select(f => f.Name));
        Assert.Equal(".a.Dep", set.File[1].MessageType[0].Field[0].TypeName);
    }

    [Fact]
    public async Task Protoc_AskedToStop_GivesUpWithExitCode130_AndWritesNothing()
    {
        Write("main.proto", "syntax = \"proto3\";\nmessage Main { string name = 1; }\n");
        string output = Path.Combine(_dir, "out.pb");
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync(); // as TerminationSignals does on Ctrl-C

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode = await InkwellCommand.RunAsync(["protoc", "-I" + _dir, "-o", output, "main.proto"], stdout, stderr, stop.Token);

        Assert.Equal(InkwellCommand.StoppedExitCode, exitCode);
        Assert.False(File.Exists(output));
        Assert.DoesNotContain("unhandled exception", stderr.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Protoc_AcceptsProtocFlagSpellingsAndResponseFiles()
    {
        Write("x.proto", "syntax = \"proto2\";\nmessage X { optional int32 a = 1; }\n");
        string output = Path.Combine(_dir, "x.pb");
        string responseFile = Write("args.txt", $"--proto_path={_dir}\n--descriptor_set_out={output}\n--include_source_info\n{Path.Combine(_dir, "x.proto")}\n");

        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "@" + responseFile);

        Assert.True(exitCode == 0, error);
        FileDescriptorSet set = FileDescriptorSet.Parser.ParseFrom(File.ReadAllBytes(output));
        Assert.Equal("x.proto", set.File[0].Name);
        Assert.NotEmpty(set.File[0].SourceCodeInfo.Location);
    }

    [Fact]
    public async Task Protoc_SyntaxError_ExitsOneWithGccFormat()
    {
        Write("bad.proto", "syntax = \"proto3\";\nmessage Bad {\n  int32 a = ;\n}\n");

        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I", _dir, "-o", Path.Combine(_dir, "bad.pb"), "bad.proto");

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.proto:3:13: Expected field number.", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "bad.pb")));
    }

    [Fact]
    public async Task Protoc_MsvsErrorFormat()
    {
        Write("bad.proto", "syntax = \"proto3\";\nmessage Bad { Missing m = 1; }\n");

        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "--error_format=msvs", "-o" + Path.Combine(_dir, "bad.pb"), "bad.proto");

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.proto(2) : error in column=15: \"Missing\" is not defined.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protoc_InputShadowedByAnEarlierRoot_FailsAsProtocDoes()
    {
        Write("first/x.proto", "syntax = \"proto3\";\nmessage X {}\n");
        string second = Write("second/x.proto", "syntax = \"proto3\";\nmessage X {}\n");
        string first = Path.Combine(_dir, "first");

        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I" + first, "-I" + Path.Combine(_dir, "second"), "-o" + Path.Combine(_dir, "x.pb"), second);
        var (reordered, _, _) = await InProcessInkwell.RunAsync("protoc", "-I" + Path.Combine(_dir, "second"), "-I" + first, "-o" + Path.Combine(_dir, "x.pb"), second);

        Assert.Equal(1, exitCode);
        Assert.Equal($"{second}: Input is shadowed in the --proto_path by \"{first}/x.proto\".  Either use the latter file as your input or reorder the --proto_path so that the former file's location comes first.", error.Trim());
        Assert.Equal(0, reordered);
    }

    [Fact]
    public async Task Protoc_UnknownFlag_Fails()
    {
        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "--no-such-flag", "x.proto");

        Assert.Equal(1, exitCode);
        Assert.Contains("Unknown flag: --no-such-flag", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protoc_MissingOutput_Fails()
    {
        Write("x.proto", "syntax = \"proto3\";\n");

        var (exitCode, _, error) = await InProcessInkwell.RunAsync("protoc", "-I" + _dir, "x.proto");

        Assert.Equal(1, exitCode);
        Assert.Contains("Missing output directives.", error, StringComparison.Ordinal);
    }
}
