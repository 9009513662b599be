using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary>
/// <c>--decode_raw</c> and <c>--decode=TYPE</c>: the built inkwell and protoc 35.1 read the same bytes on standard input
/// and must print the same (the text-format printer itself is checked on random messages in Inkwell.Protobuf.Tests).
/// </summary>
public sealed class ProtocDecodeRawTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-decode-raw-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string, string> Inputs => new()
    {
        { "empty", "" },
        { "varints", "08 96 01 10 ff ff ff ff ff ff ff ff ff 01 18 00" },
        { "fixed", "0d 01 02 03 04 11 01 02 03 04 05 06 07 08" },
        { "string", "0a 05 68 65 6c 6c 6f 12 03 22 0a ff 1a 00" },
        { "nested", "0a 04 08 01 10 02 12 06 0a 04 08 07 10 08" },
        { "group", "0b 08 01 13 10 02 14 0c 10 03" },
        { "not a message", "0b 08 01" },
        { "truncated", "0a 05 68 65" },
        { "stray end group", "0c" },
        { "field zero", "00 01" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void DecodeRaw_PrintsWhatProtocPrints(string name, string hex)
    {
        string file = Path.Combine(_dir, name.Replace(' ', '-') + ".bin");
        File.WriteAllBytes(file, Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)));

        AssertSameAsProtoc(file, ["--decode_raw"]);
    }

    /// <summary>A real message of every shape: protoc's own descriptor set of a corpus file with source info.</summary>
    [Fact]
    public void DecodeRaw_OfADescriptorSet_PrintsWhatProtocPrints()
    {
        string root = Inkwell.Testing.Corpus.RequireProtobuf();
        string set = Path.Combine(_dir, "set.pb");
        var compile = ProtocOracle.Run(_dir, ["-I" + root, "--include_imports", "--include_source_info", "-o", set, "google/protobuf/unittest_custom_options.proto"]);
        Assert.True(compile.ExitCode == 0, compile.Error);

        AssertSameAsProtoc(set, ["--decode_raw"]);
    }

    [Theory]
    [InlineData("--decode_raw|x.proto")]
    [InlineData("--decode_raw|-ox.pb")]
    public void DecodeRaw_Misused_FailsAsProtoc(string flags)
    {
        string file = Path.Combine(_dir, "in.bin");
        File.WriteAllBytes(file, [8, 1]);

        AssertSameAsProtoc(file, flags.Split('|'));
    }

    /// <summary>A descriptor set printed as a FileDescriptorSet, and --decode's checks and messages.</summary>
    [Theory]
    [InlineData("-I{corpus}|--decode=google.protobuf.FileDescriptorSet|google/protobuf/descriptor.proto")]
    [InlineData("-I{corpus}|--decode=proto2_unittest.TestAllTypes|google/protobuf/unittest.proto")]
    [InlineData("--descriptor_set_in={set}|--decode=google.protobuf.FileDescriptorSet")]
    [InlineData("--descriptor_set_in={set}|--decode=proto2_unittest.TestAllTypes")]
    [InlineData("--descriptor_set_in={set}|--decode=no.Such")]
    [InlineData("-I{corpus}|--decode=proto2_unittest.NoSuch|google/protobuf/unittest.proto")]
    [InlineData("-I{corpus}|--decode=proto2_unittest.TestAllTypes|--decode_raw|google/protobuf/unittest.proto")]
    [InlineData("-I{corpus}|--decode_raw|--decode=proto2_unittest.TestAllTypes|google/protobuf/unittest.proto")]
    [InlineData("-I{corpus}|--decode=proto2_unittest.TestAllTypes|-ox.pb|google/protobuf/unittest.proto")]
    [InlineData("--decode=proto2_unittest.TestAllTypes")]
    [InlineData("-I{corpus}|--deterministic_output|--decode=proto2_unittest.TestAllTypes|google/protobuf/unittest.proto")]
    public void Decode_PrintsWhatProtocPrints(string flags)
    {
        string root = Inkwell.Testing.Corpus.RequireProtobuf();
        string set = Path.Combine(_dir, "set.pb");
        var compile = ProtocOracle.Run(_dir, ["-I" + root, "--include_imports", "--include_source_info", "-o", set, "google/protobuf/unittest.proto"]);
        Assert.True(compile.ExitCode == 0, compile.Error);

        AssertSameAsProtoc(set, flags.Replace("{corpus}", root, StringComparison.Ordinal).Replace("{set}", set, StringComparison.Ordinal).Split('|'));
    }

    private void AssertSameAsProtoc(string stdinFile, string[] arguments)
    {
        var protoc = ProcessRun.Run(ProtocOracle.ProtocPath, arguments, _dir, inputFile: stdinFile);
        var inkwell = InkwellTool.Run(["protoc", .. arguments], _dir, stdinFile);

        Assert.Equal(protoc.Error, inkwell.Error);
        Assert.Equal(protoc.Output, inkwell.Output);
        Assert.Equal(protoc.ExitCode, inkwell.ExitCode);
    }
}
