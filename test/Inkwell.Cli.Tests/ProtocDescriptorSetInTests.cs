using Google.Protobuf;
using Google.Protobuf.Compiler;
using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary><c>--descriptor_set_in</c> against protoc 35.1: the same sets written, the same messages, the same lookup order.</summary>
public sealed class ProtocDescriptorSetInTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-set-in-").FullName;

    public ProtocDescriptorSetInTests()
    {
        // a.proto has E on disk in a/ and not in a2/; b.proto needs E.
        Write("a/a.proto", "syntax = \"proto3\";\npackage a;\n// A.\nmessage A { int32 x = 1; map<string, A> m = 2; optional string s = 3; oneof o { int32 i = 4; } }\nenum E { E0 = 0; E1 = 1; }\n");
        Write("a2/a.proto", "syntax = \"proto3\";\npackage a;\nmessage A { int32 y = 1; }\n");
        Write("b/b.proto", "syntax = \"proto3\";\npackage b;\nimport \"a.proto\";\nmessage B { a.A a = 1; a.E e = 2; }\nservice S { rpc Get (a.A) returns (stream B); }\n");
        Write("u/x.proto", "syntax = \"proto3\";\nmessage X {}\n");
        Write("u/c.proto", "syntax = \"proto3\";\nimport \"x.proto\";\nmessage C {}\n");
        Write("garbage.pb", "not a descriptor set");
        Protoc("-Ia", "-o", "a.pb", "a.proto");
        Protoc("-Ia", "--include_source_info", "-o", "a_si.pb", "a.proto");
        Protoc("-Ia2", "-o", "a2.pb", "a.proto");
        Protoc("-Iu", "--include_imports", "-o", "u.pb", "c.proto");
        Protoc("-Ia", "-Ib", "--include_imports", "--include_source_info", "-o", "ab.pb", "b.proto");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Protoc(params string[] arguments)
    {
        var protoc = ProtocOracle.Run(_dir, arguments);
        Assert.True(protoc.ExitCode == 0, protoc.Error);
    }

    /// <summary>
    /// Runs both with <paramref name="arguments"/> (<c>$</c>: the test folder, so that no relative path depends on the
    /// working directory; <c>{0}</c>: an output file of each one's own); returns exit code, stderr and output bytes.
    /// </summary>
    private async Task<((int, string, byte[]?) Protoc, (int, string, byte[]?) Inkwell)> RunBothAsync(params string[] arguments)
    {
        string[] resolved = [.. arguments.Select(a => a.Replace("$", _dir, StringComparison.Ordinal))];
        var protoc = ProtocOracle.Run(_dir, resolved.Select(a => a.Replace("{0}", Path.Combine(_dir, "protoc.out"), StringComparison.Ordinal)));
        var inkwell = await InProcessInkwell.RunAsync(["protoc", .. resolved.Select(a => a.Replace("{0}", Path.Combine(_dir, "inkwell.out"), StringComparison.Ordinal))]);
        return ((protoc.ExitCode, Unify(protoc.Error, "protoc.out"), Read("protoc.out")), (inkwell.ExitCode, Unify(inkwell.Error, "inkwell.out"), Read("inkwell.out")));

        string Unify(string error, string output) => error.Replace(output, "OUT", StringComparison.Ordinal);

        byte[]? Read(string name)
        {
            string path = Path.Combine(_dir, name);
            byte[]? bytes = File.Exists(path) ? File.ReadAllBytes(path) : null;
            File.Delete(path);
            return bytes;
        }
    }

    [Theory]
    // The set alone: inputs are names in it, and no "." is searched.
    [InlineData("--descriptor_set_in=$/a.pb|-o|{0}|a.proto")]
    [InlineData("--descriptor_set_in=$/a.pb|-o|{0}|--include_imports|b.proto")]
    [InlineData("--descriptor_set_in=$/a.pb:$/a.pb|-o|{0}|a.proto")]
    [InlineData("--descriptor_set_in=$/a.pb::|-o|{0}|a.proto")]
    [InlineData("--descriptor_set_in|$/a.pb|-o|{0}|a.proto")]
    [InlineData("--descriptor_set_in=$/a.pb|-o|{0}|nothere.proto")]
    // Source info is the set's, written only when asked for; json_name is filled in.
    [InlineData("--descriptor_set_in=$/a_si.pb|-o|{0}|a.proto")]
    [InlineData("--descriptor_set_in=$/a_si.pb|-o|{0}|--include_source_info|a.proto")]
    [InlineData("--descriptor_set_in=$/ab.pb|-o|{0}|--include_imports|--include_source_info|b.proto")]
    // Files on disk import the set's; -I is searched before the sets, and the first set holding a name wins.
    [InlineData("--descriptor_set_in=$/a.pb|-I$/b|-o|{0}|--include_imports|$/b/b.proto")]
    [InlineData("--descriptor_set_in=$/a.pb|-I$/a2|-I$/b|-o|{0}|--include_imports|$/b/b.proto")]
    [InlineData("--descriptor_set_in=$/a2.pb|-I$/a|-I$/b|-o|{0}|--include_imports|--include_source_info|$/b/b.proto")]
    [InlineData("--descriptor_set_in=$/a2.pb:$/a.pb|-I$/b|-o|{0}|--include_imports|$/b/b.proto")]
    [InlineData("--descriptor_set_in=$/a.pb:$/a2.pb|-I$/b|-o|{0}|--include_imports|$/b/b.proto")]
    [InlineData("--descriptor_set_in=$/a.pb|-I$/b|-o|{0}|a.proto")]
    [InlineData("--descriptor_set_in=$/a.pb|-I$/b|-o|{0}|$/b/zz.proto")]
    // Unused imports are reported for files read from disk only.
    [InlineData("--descriptor_set_in=$/u.pb|-o|{0}|c.proto")]
    [InlineData("--descriptor_set_in=$/u.pb|-I$/u|-o|{0}|$/u/c.proto")]
    // Bad sets and flags.
    [InlineData("--descriptor_set_in=$/missing.pb|-o|{0}|a.proto")]
    [InlineData("--descriptor_set_in=$/missing.pb|-o|{0}|nothere.proto")]
    [InlineData("--descriptor_set_in=$/garbage.pb|-o|{0}|a.proto")]
    [InlineData("--descriptor_set_in=|-o|{0}|a.proto")]
    [InlineData("--descriptor_set_in=$/a.pb|--descriptor_set_in=$/a2.pb|-o|{0}|a.proto")]
    [InlineData("--descriptor_set_in=$/a.pb|--dependency_out=$/deps|-o|{0}|a.proto")]
    [InlineData("--dependency_out=$/deps|--descriptor_set_in=$/a.pb|-o|{0}|a.proto")]
    [InlineData("--descriptor_set_in=$/a.pb|-o|{0}")]
    public async Task DescriptorSetIn_IsProtocs(string flags)
    {
        var (protoc, inkwell) = await RunBothAsync(flags.Split('|'));

        AssertSame(protoc, inkwell);
    }

    private static void AssertSame((int ExitCode, string Error, byte[]? Output) protoc, (int ExitCode, string Error, byte[]? Output) inkwell)
    {
        Assert.Equal(protoc.Error, inkwell.Error);
        Assert.Equal(protoc.ExitCode, inkwell.ExitCode);
        Assert.Equal(protoc.Output, inkwell.Output);
    }

    /// <summary>
    /// Every corpus file from a set of it and its imports (as protoc writes one), alone and with the file itself on disk
    /// importing the set's files: the written set, messages and exit code are protoc's.
    /// </summary>
    [Theory]
    [MemberData(nameof(Corpus.ProtobufFiles), MemberType = typeof(Corpus))]
    public async Task DescriptorSetIn_OnTheCorpus_IsProtocs(string file)
    {
        string corpus = Corpus.RequireProtobuf();
        string set = Path.Combine(_dir, "corpus.pb");
        Protoc("-I" + corpus, "--include_imports", "--include_source_info", "-o", set, file);
        Write("disk/" + file, File.ReadAllText(Path.Combine(corpus, file)));

        var (protoc, inkwell) = await RunBothAsync("--descriptor_set_in=" + set, "-o", "{0}", "--include_imports", "--include_source_info", file);
        AssertSame(protoc, inkwell);

        (protoc, inkwell) = await RunBothAsync("--descriptor_set_in=" + set, "-I$/disk", "-o", "{0}", "--include_imports", "$/disk/" + file);
        AssertSame(protoc, inkwell);
    }

    /// <summary>A plugin's request for files read from a set is protoc's byte for byte.</summary>
    [Theory]
    [InlineData("--descriptor_set_in=$/ab.pb|b.proto")]
    [InlineData("--descriptor_set_in=$/ab.pb|a.proto|b.proto")]
    [InlineData("--descriptor_set_in=$/a_si.pb|-I$/b|$/b/b.proto")]
    public async Task DescriptorSetIn_PluginRequest_IsProtocs(string flags)
    {
        string response = Path.Combine(_dir, "response.bin");
        File.WriteAllBytes(response, new CodeGeneratorResponse { SupportedFeatures = 3 }.ToByteArray());
        string plugin = Path.Combine(_dir, "protoc-gen-rec");
        File.WriteAllText(plugin, $"#!/bin/sh\ncat > '{_dir}/request.bin'\ncat '{response}'\n");
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("The recording plugin is a shell script.");
        }
        else
        {
            File.SetUnixFileMode(plugin, File.GetUnixFileMode(plugin) | UnixFileMode.UserExecute);
        }

        string outDir = Directory.CreateDirectory(Path.Combine(_dir, "gen")).FullName;
        string[] arguments = ["--plugin=protoc-gen-rec=" + plugin, "--rec_out=" + outDir, .. flags.Replace("$", _dir, StringComparison.Ordinal).Split('|')];

        var protoc = ProtocOracle.Run(_dir, arguments);
        byte[] protocRequest = File.ReadAllBytes(Path.Combine(_dir, "request.bin"));
        File.Delete(Path.Combine(_dir, "request.bin"));
        var inkwell = await InProcessInkwell.RunAsync(["protoc", .. arguments]);
        byte[] inkwellRequest = File.ReadAllBytes(Path.Combine(_dir, "request.bin"));

        Assert.True(protoc.ExitCode == 0, protoc.Error);
        Assert.Equal((protoc.ExitCode, protoc.Error), (inkwell.ExitCode, inkwell.Error));
        Assert.Equal(CodeGeneratorRequest.Parser.ParseFrom(protocRequest), CodeGeneratorRequest.Parser.ParseFrom(inkwellRequest));
        Assert.Equal(protocRequest, inkwellRequest);
    }

    /// <summary>C# from a set with source info is the C# of the same files compiled from their text.</summary>
    [Fact]
    public async Task DescriptorSetIn_CSharpOut_IsTheSameAsFromSource()
    {
        string fromSet = Directory.CreateDirectory(Path.Combine(_dir, "cs-set")).FullName;
        string fromSource = Directory.CreateDirectory(Path.Combine(_dir, "cs-source")).FullName;

        var set = await InProcessInkwell.RunAsync("protoc", "--descriptor_set_in=" + Path.Combine(_dir, "ab.pb"), "--csharp_out=" + fromSet, "a.proto", "b.proto");
        var source = await InProcessInkwell.RunAsync("protoc", "-I" + Path.Combine(_dir, "a"), "-I" + Path.Combine(_dir, "b"), "--csharp_out=" + fromSource, "a.proto", "b.proto");

        Assert.True(set.ExitCode == 0, set.Error);
        Assert.True(source.ExitCode == 0, source.Error);
        string[] names = [.. Directory.GetFiles(fromSource).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(["A.cs", "B.cs"], names);
        Assert.Equal(names, Directory.GetFiles(fromSet).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string name in names)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(fromSource, name)), File.ReadAllText(Path.Combine(fromSet, name)));
        }
    }
}
