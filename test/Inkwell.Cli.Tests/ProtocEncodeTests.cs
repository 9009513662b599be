using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary>
/// <c>--encode=TYPE</c> and <c>--deterministic_output</c>: the built inkwell and protoc 35.1 read the same text on standard
/// input and must write the same bytes, the same errors and warnings at the same positions, and exit alike. Round trips
/// run each tool's <c>--encode</c> and <c>--decode</c> on the other's output.
/// </summary>
public sealed class ProtocEncodeTests : IDisposable
{
    private const string Unittest = "google/protobuf/unittest.proto";
    private const string AllTypes = "proto2_unittest.TestAllTypes";

    private readonly string _dir = Directory.CreateTempSubdirectory("inkwell-encode-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Every construct protoc's text parser accepts, on unittest.proto-like corpus types.</summary>
    public static TheoryData<string, string, string, string> Texts => new()
    {
        {
            "scalars", Unittest, AllTypes, """
            # every scalar type, in each notation protoc reads
            optional_int32: -0x7f optional_int64: -9223372036854775808 optional_uint32: 0xFFFFFFFF optional_uint64: 18446744073709551615
            optional_sint32: -2147483648 optional_sint64: 017 optional_fixed32: 4294967295 optional_fixed64: 0x10
            optional_sfixed32: -1 optional_sfixed64: -0x8000000000000000
            optional_float: 1.5f; optional_double: -inf, optional_bool: t
            repeated_float: [inf, -inf, nan, -nan, 1e40, -0, 1F, .5, 3, 18446744073709551616, 0.1]
            repeated_double: [Infinity, -INF, NaN, 1e-320, -0.0, 123456789012345678901234567890, 2.5e+3]
            repeated_bool: [true, false, True, False, t, f, 1, 0]
            """
        },
        {
            "strings and bytes", Unittest, AllTypes, """
            optional_string: "adjacent " 'strings ' "are one: \"\'\\\a\b\f\n\r\t\v\?"
            optional_bytes: "\0\01\001\x7\xff\377\u00e9\U0001F600 é"
            repeated_string: ["", 'x', "y" "z"]
            repeated_bytes: "\xc3\x28"
            """
        },
        {
            "enums", Unittest, AllTypes, """
            optional_nested_enum: BAZ optional_foreign_enum: 5 optional_import_enum: IMPORT_BAR
            repeated_nested_enum: [FOO, -1, NEG, 2]
            """
        },
        {
            "messages and groups", Unittest, AllTypes, """
            optional_nested_message { bb: 1 }
            optional_foreign_message: < c: 2 >
            optional_import_message: { d: 3 }
            OptionalGroup { a: 4 }
            repeatedgroup { a: 5 } RepeatedGroup < a: 6 >
            repeated_nested_message [{ bb: 7 }, < bb: 8 >, {}]
            repeated_nested_message: { bb: 9 }
            oneof_nested_message { bb: 10 }
            """
        },
        {
            "repeated lists and separators", Unittest, AllTypes, """
            repeated_int32: [1, 2, 3], repeated_int32: 4; repeated_int64: [] repeated_uint32: [0x1, 07]
            optional_int32: 1, optional_int64: 2; optional_uint32: 3
            """
        },
        {
            "packed", Unittest, "proto2_unittest.TestPackedTypes", """
            packed_int32: [1, -2] packed_int32: 3 packed_sint64: [-1, 1] packed_double: [1.5, nan]
            packed_bool: [t, f] packed_enum: [FOREIGN_FOO, FOREIGN_BAR] packed_fixed32: [] packed_float: 2
            """
        },
        {
            "extensions", Unittest, "proto2_unittest.TestAllExtensions", """
            [proto2_unittest.optional_int32_extension]: 1
            [ proto2_unittest . optional_string_extension ]: "x"
            [proto2_unittest.optionalgroup_extension] { a: 2 }
            [proto2_unittest.repeated_nested_message_extension] [{ bb: 3 }, { bb: 4 }]
            [proto2_unittest.optional_nested_enum_extension]: BAR
            [proto2_unittest.repeated_int32_extension]: [5, 6]
            [proto2_unittest.TestRequired.single] { a: 7 }
            """
        },
        {
            "proto3 implicit presence", "google/protobuf/unittest_proto3.proto", "proto3_unittest.TestAllTypes", """
            optional_int32: 0 optional_int32: 5 optional_string: "" optional_bytes: "" optional_bool: false
            optional_float: -0 optional_double: 0 optional_nested_enum: 9 repeated_int32: [1, 2] repeated_nested_enum: [BAZ, 7]
            optional_nested_message {}
            """
        },
        {
            "maps", "google/protobuf/map_unittest.proto", "proto2_unittest.TestMap", """
            map_int32_int32 { key: 3 value: 1 } map_int32_int32 { key: -1 value: 2 } map_int32_int32 { key: 3 value: 5 } map_int32_int32 {}
            map_string_string [{ value: "a" key: "b" }, { key: "a" }]
            map_int32_foreign_message { key: 1 } map_int32_foreign_message { key: 0 value { c: 2 } }
            map_bool_bool { key: true value: false } map_bool_bool { key: false }
            map_int32_enum { key: 1 value: MAP_ENUM_BAZ }
            map_int32_bytes { key: 2 value: "\xff" }
            map_uint64_uint64 { key: 18446744073709551615 value: 1 } map_uint64_uint64 { key: 1 }
            map_sint32_sint32 { key: -2 } map_sint32_sint32 { key: 1 }
            """
        },
        {
            "any", "google/protobuf/any_test.proto", "proto2_unittest.TestAny", """
            any_value { [type.googleapis.com/proto2_unittest.TestAny] { int32_value: 3 text: "x" } }
            repeated_any_value [
              { [example.com/a/proto2_unittest.TestAny]: < any_value { [x/proto2_unittest.TestAny] {} } > },
              { type_url: "raw" value: "\001" },
              { [ type . googleapis . com / proto2_unittest . TestAny ] {} }
            ]
            """
        },
        {
            "message set", "google/protobuf/unittest_mset.proto", "proto2_unittest.TestMessageSetContainer", """
            message_set {
              [proto2_unittest.TestMessageSetExtension1.message_set_extension] { i: 5 }
              [proto2_unittest.TestMessageSetExtension2] { str: "x" }
            }
            """
        },
        {
            "missing required fields", Unittest, "proto2_unittest.TestRequiredForeign", """
            optional_message { a: 1 } repeated_message { b: 2 } repeated_message {}
            """
        },
        {
            "missing required fields in a map", "google/protobuf/map_unittest.proto", "proto2_unittest.TestRequiredMessageMap", """
            map_field { key: 2 value { a: 1 } } map_field { key: 1 }
            """
        },
        {
            "deprecated field warning", Unittest, "proto2_unittest.TestDeprecatedFields", """
            deprecated_int32  : 1
            """
        },
        { "empty", Unittest, AllTypes, "# nothing but a comment" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Encode_WritesWhatProtocWrites(string name, string file, string type, string text)
    {
        AssertEncodesAsProtoc(name, text, ["--encode=" + type, file]);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Encode_Deterministic_WritesWhatProtocWrites(string name, string file, string type, string text)
    {
        AssertEncodesAsProtoc(name, text, ["--deterministic_output", "--encode=" + type, file]);
    }

    /// <summary>Bad input: protoc's exit status, messages and positions (tokenizer errors before the parser's one included).</summary>
    [Theory]
    [InlineData("unknown field", "foo: 1")]
    [InlineData("unknown field after spaces", "optional_int32: 1  foo  : 2")]
    [InlineData("group by a wrong case", "OPTIONALGROUP { a: 1 }")]
    [InlineData("unknown enum name", "optional_nested_enum: ZOO")]
    [InlineData("unknown enum number of a closed enum", "optional_nested_enum: 7")]
    [InlineData("enum as a string", "optional_nested_enum: \"FOO\"")]
    [InlineData("int32 out of range", "optional_int32: 2147483648")]
    [InlineData("int64 below range", "optional_int64: -9223372036854775809")]
    [InlineData("uint32 negative", "optional_uint32: -1")]
    [InlineData("bool out of range", "optional_bool: 2")]
    [InlineData("bool word", "optional_bool: yes")]
    [InlineData("float for an int", "optional_int32: 1.5")]
    [InlineData("f suffix on an int", "optional_int32: 1f")]
    [InlineData("hex double", "optional_double: 0x10")]
    [InlineData("word for a double", "optional_double: infx")]
    [InlineData("number for a string", "optional_string: 5")]
    [InlineData("unterminated string", "optional_string: \"abc")]
    [InlineData("string across lines", "optional_string: \"abc\noptional_int32: 1")]
    [InlineData("bad escape", "optional_string: \"\\q\"")]
    [InlineData("missing colon", "optional_int32 1")]
    [InlineData("missing value", "optional_int32:")]
    [InlineData("missing brace", "optional_nested_message { bb: 1")]
    [InlineData("wrong closing delimiter", "optional_nested_message { bb: 1 >")]
    [InlineData("scalar for a message", "optional_nested_message: 5")]
    [InlineData("stray closing brace", "}")]
    [InlineData("duplicate field", "optional_int32: 1 optional_int32: 2")]
    [InlineData("duplicate message", "optional_nested_message { } optional_nested_message { }")]
    [InlineData("two oneof members", "oneof_uint32: 1 oneof_string: \"x\"")]
    [InlineData("list without commas", "repeated_int32: [1 2]")]
    [InlineData("list with a trailing comma", "repeated_int32: [1,]")]
    [InlineData("two separators", "optional_int32: 1 ;;")]
    [InlineData("slash comment", "optional_int32: 1 // no")]
    [InlineData("undefined extension", "[proto2_unittest.nope]: 1")]
    [InlineData("extension of another message", "[proto2_unittest.optional_int32_extension]: 1")]
    [InlineData("type URL outside Any", "[a/b] {}")]
    [InlineData("unterminated extension name", "[proto2_unittest.x")]
    [InlineData("bad hex number then more", "optional_int32: 0x optional_int64: 2")]
    [InlineData("octal with 9", "optional_int32: 09")]
    [InlineData("control character", "optional_int32: \u0001 5")]
    [InlineData("exponent without digits", "optional_float: 1.5e optional_int32: 5")]
    [InlineData("number glued to a name, then an error", "optional_int32: 1optional_int64: 2 optional_int32: 3")]
    [InlineData("tab-expanded column", "\toptional_int32:\t\"x\"")]
    public void Encode_BadInput_FailsAsProtoc(string name, string text)
    {
        AssertEncodesAsProtoc(name, text, ["--encode=" + AllTypes, Unittest]);
    }

    [Theory]
    [InlineData("prefix missing", "any_value { [proto2_unittest.TestAny] {} }")]
    [InlineData("prefix empty", "any_value { [/proto2_unittest.TestAny] {} }")]
    [InlineData("bad type name", "any_value { [a/b.c-d] {} }")]
    [InlineData("unknown type", "any_value { [type.googleapis.com/proto2_unittest.Nope] {} }")]
    [InlineData("Any twice", "any_value { [a/proto2_unittest.TestAny] {} [a/proto2_unittest.TestAny] {} }")]
    [InlineData("Any after its type_url", "any_value { type_url: \"x\" [a/proto2_unittest.TestAny] {} }")]
    [InlineData("no braces", "any_value { [a/proto2_unittest.TestAny] int32_value: 1 }")]
    public void Encode_BadAny_FailsAsProtoc(string name, string text)
    {
        AssertEncodesAsProtoc(name, text, ["--encode=proto2_unittest.TestAny", "google/protobuf/any_test.proto"]);
    }

    [Theory]
    [InlineData("--error_format=msvs|--encode=" + AllTypes + "|" + Unittest)]
    [InlineData("--encode=proto2_unittest.Nope|" + Unittest)]
    [InlineData("--encode=" + AllTypes)]
    [InlineData("--encode=" + AllTypes + "|--decode=" + AllTypes + "|" + Unittest)]
    [InlineData("--encode=" + AllTypes + "|--decode_raw")]
    [InlineData("--encode=" + AllTypes + "|-ox.pb|" + Unittest)]
    [InlineData("--deterministic_output|-ox.pb|" + Unittest)]
    [InlineData("--deterministic_output|--decode=" + AllTypes + "|" + Unittest)]
    public void Encode_Flags_BehaveAsProtoc(string flags)
    {
        AssertEncodesAsProtoc("flags", "optional_int32: 1 foo: 2", flags.Split('|'));
    }

    /// <summary>
    /// A large real message: protoc's descriptor set of corpus files, printed by protoc's <c>--decode</c>. Each tool encodes
    /// that text to the same bytes (the set itself), and inkwell's <c>--decode</c> of them prints protoc's text again.
    /// </summary>
    [Theory]
    [InlineData("google/protobuf/unittest.proto")]
    [InlineData("google/protobuf/map_unittest.proto")]
    [InlineData("google/protobuf/unittest_proto3.proto")]
    public void RoundTrip_OfADescriptorSet_MatchesProtoc(string file)
    {
        string root = Inkwell.Testing.Corpus.RequireProtobuf();
        string set = Path.Combine(_dir, "set.pb");
        var compile = ProtocOracle.Run(_dir, ["-I" + root, "--include_imports", "--include_source_info", "-o", set, file]);
        Assert.True(compile.ExitCode == 0, compile.Error);
        string[] decode = ["-I" + root, "--decode=google.protobuf.FileDescriptorSet", "google/protobuf/descriptor.proto"];
        var protocText = ProcessRun.Run(ProtocOracle.ProtocPath, decode, _dir, inputFile: set);
        Assert.Equal(0, protocText.ExitCode);
        string textFile = Path.Combine(_dir, "set.txt");
        File.WriteAllText(textFile, protocText.Output);

        string[] encode = ["-I" + root, "--encode=google.protobuf.FileDescriptorSet", "google/protobuf/descriptor.proto"];
        var protocBytes = ProcessRun.RunForBytes(ProtocOracle.ProtocPath, encode, _dir, inputFile: textFile);
        var inkwellBytes = InkwellTool.RunForBytes(["protoc", .. encode], _dir, textFile);
        Assert.Equal(protocBytes.Error, inkwellBytes.Error);
        Assert.Equal(0, inkwellBytes.ExitCode);
        Assert.Equal(File.ReadAllBytes(set), protocBytes.Output);
        Assert.Equal(protocBytes.Output, inkwellBytes.Output);

        string inkwellEncoded = Path.Combine(_dir, "inkwell.pb");
        File.WriteAllBytes(inkwellEncoded, inkwellBytes.Output);
        var inkwellText = InkwellTool.Run(["protoc", .. decode], _dir, inkwellEncoded);
        Assert.Equal(protocText.Output, inkwellText.Output);
    }

    /// <summary>Each hand-written text encoded by protoc, decoded by inkwell: protoc's own decoding of it, warnings included.</summary>
    [Theory]
    [MemberData(nameof(Texts))]
    public void DecodeOfProtocsEncoding_PrintsWhatProtocPrints(string name, string file, string type, string text)
    {
        string root = Inkwell.Testing.Corpus.RequireProtobuf();
        string textFile = Path.Combine(_dir, "in.txt");
        File.WriteAllText(textFile, text);
        var encoded = ProcessRun.RunForBytes(ProtocOracle.ProtocPath, ["-I" + root, "--encode=" + type, file], _dir, inputFile: textFile);
        Assert.True(encoded.ExitCode == 0, encoded.Error);
        string binary = Path.Combine(_dir, "in.pb");
        File.WriteAllBytes(binary, encoded.Output);

        string[] decode = ["-I" + root, "--decode=" + type, file];
        var protoc = ProcessRun.Run(ProtocOracle.ProtocPath, decode, _dir, inputFile: binary);
        var inkwell = InkwellTool.Run(["protoc", .. decode], _dir, binary);

        Assert.True(protoc.Output == inkwell.Output, name);
        Assert.Equal(protoc.Error, inkwell.Error);
        Assert.Equal(protoc.ExitCode, inkwell.ExitCode);
    }

    /// <summary>MessageSet items as <c>--decode</c> reads them: known extensions by their type's name, others as protoc keeps them.</summary>
    [Theory]
    [InlineData("known", "0a0a0b10b0a65e1a0278050c")]
    [InlineData("message before type_id", "0a0c0b1a0278051010b0a65e0c")]
    [InlineData("one extension twice (merged)", "0a140b10b0a65e1a0278050c0b10b0a65e1a0278060c")]
    [InlineData("unknown type_id", "0a080b10051a0208010c")]
    [InlineData("no message", "0a040b10050c")]
    public void Decode_OfMessageSetItems_PrintsWhatProtocPrints(string name, string hex)
    {
        string root = Inkwell.Testing.Corpus.RequireProtobuf();
        string binary = Path.Combine(_dir, "set.pb");
        File.WriteAllBytes(binary, Convert.FromHexString(hex));
        string[] decode = ["-I" + root, "--decode=proto2_unittest.TestMessageSetContainer", "google/protobuf/unittest_mset.proto"];

        var protoc = ProcessRun.Run(ProtocOracle.ProtocPath, decode, _dir, inputFile: binary);
        var inkwell = InkwellTool.Run(["protoc", .. decode], _dir, binary);

        Assert.True(protoc.Output == inkwell.Output, $"{name}: protoc printed\n{protoc.Output}\ninkwell\n{inkwell.Output}");
        Assert.Equal(protoc.Error, inkwell.Error);
        Assert.Equal(protoc.ExitCode, inkwell.ExitCode);
    }

    private void AssertEncodesAsProtoc(string name, string text, string[] flags)
    {
        string root = Inkwell.Testing.Corpus.RequireProtobuf();
        string textFile = Path.Combine(_dir, "in.txt");
        File.WriteAllText(textFile, text);
        string[] arguments = ["-I" + root, .. flags];

        var protoc = ProcessRun.RunForBytes(ProtocOracle.ProtocPath, arguments, _dir, inputFile: textFile);
        var inkwell = InkwellTool.RunForBytes(["protoc", .. arguments], _dir, textFile);

        Assert.Equal(protoc.Error, inkwell.Error);
        Assert.True(protoc.Output.AsSpan().SequenceEqual(inkwell.Output),
            $"{name}: protoc wrote {Convert.ToHexString(protoc.Output)}, inkwell {Convert.ToHexString(inkwell.Output)}");
        Assert.Equal(protoc.ExitCode, inkwell.ExitCode);
    }
}
