using System.Text;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.Tests.Inheritance.Interop;
using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests.TextFormat;

/// <summary><see cref="TextFormatPrinter"/> against protoc 35.1's <c>--decode</c> on random messages of corpus types.</summary>
public sealed class TextFormatPrinterTests
{
    public static TheoryData<string> Files =>
    [
        "google/protobuf/unittest.proto",
        "google/protobuf/unittest_proto3.proto",
        "google/protobuf/unittest_proto3_optional.proto",
        "google/protobuf/map_unittest.proto",
        "google/protobuf/unittest_mset.proto",
        "google/protobuf/test_messages_proto2.proto",
        "google/protobuf/test_messages_proto3.proto",
        "conformance/test_protos/test_messages_edition2023.proto",
    ];

    /// <summary>
    /// Every message type of the file, each with random messages (all field kinds, packed and unpacked, maps with repeated
    /// keys, groups, nested messages, undeclared enum numbers, unknown fields, wrong wire types): protoc's text exactly,
    /// and the same messages fail to parse.
    /// </summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void TryPrint_RandomMessages_PrintsWhatProtocDecodePrints(string file)
    {
        string root = Corpus.RequireProtobuf();
        Protoc.Require();
        CompilationResult result = ProtoCompiler.Compile([file], [root], TestContext.Current.CancellationToken);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        List<FileDescriptorProto> files = [.. result.AllFiles.Select(f => f.ToFileDescriptorProto())];
        var printer = new TextFormatPrinter(files);
        var messages = new Dictionary<string, DescriptorProto>(StringComparer.Ordinal);
        var enums = new Dictionary<string, EnumDescriptorProto>(StringComparer.Ordinal);
        foreach (FileDescriptorProto proto in files)
        {
            Index(proto.Package.Length == 0 ? "" : proto.Package + ".", proto.MessageType, proto.EnumType, messages, enums);
        }

        FileDescriptorProto target = files.Single(f => f.Name == file);
        string prefix = target.Package.Length == 0 ? "" : target.Package + ".";
        var checkedTypes = 0;
        foreach (string type in messages.Keys.Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && DeclaredIn(target, name.Substring(prefix.Length))))
        {
            var random = new Random(StableHash(type));
            var generator = new RandomWireMessage(random, messages, enums);
            byte[] message = generator.Create(type, depth: 2);
            var protoc = ProtocTextFormat.Run(["-I" + root, "--decode=" + type, file], message, root);

            bool printed = printer.TryPrint(type, message, out string text);

            Assert.True(protoc.ExitCode == (printed ? 0 : 1), $"{type}: protoc exited {protoc.ExitCode} ({protoc.Error}), Inkwell printed: {printed}");
            string expected = Encoding.UTF8.GetString(protoc.Output);
            Assert.True(expected == text, $"{type}: {FirstDifference(expected, text)}");
            checkedTypes++;
        }

        Assert.True(checkedTypes > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("08")]
    [InlineData("0c")]
    [InlineData("0b 08 01")]
    [InlineData("0a 05 68 65")]
    public void TryPrint_Malformed_FailsAsProtocDoes(string hex)
    {
        string root = Corpus.RequireProtobuf();
        Protoc.Require();
        const string ProtoFile = "google/protobuf/unittest.proto";
        CompilationResult result = ProtoCompiler.Compile([ProtoFile], [root], TestContext.Current.CancellationToken);
        var printer = new TextFormatPrinter(result.AllFiles.Select(f => f.ToFileDescriptorProto()));
        byte[] message = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

        var protoc = ProtocTextFormat.Run(["-I" + root, "--decode=proto2_unittest.TestAllTypes", ProtoFile], message, root);
        bool printed = printer.TryPrint("proto2_unittest.TestAllTypes", message, out string text);

        Assert.Equal(protoc.ExitCode == 0, printed);
        Assert.Equal(Encoding.UTF8.GetString(protoc.Output), text);
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "(end)";
            string right = i < b.Length ? b[i] : "(end)";
            if (left != right)
            {
                return $"line {i + 1}: protoc `{left}`, Inkwell `{right}` (after `{(i > 0 ? a[i - 1] : "")}`)";
            }
        }

        return "";
    }

    private static bool DeclaredIn(FileDescriptorProto file, string relativeName) => Declares(file.MessageType, relativeName);

    private static bool Declares(IEnumerable<DescriptorProto> messages, string name) =>
        messages.Any(m => m.Name == name || name.StartsWith(m.Name + ".", StringComparison.Ordinal) && Declares(m.NestedType, name.Substring(m.Name.Length + 1)));

    private static void Index(string prefix, IEnumerable<DescriptorProto> messages, IEnumerable<EnumDescriptorProto> enumTypes,
        Dictionary<string, DescriptorProto> allMessages, Dictionary<string, EnumDescriptorProto> allEnums)
    {
        foreach (EnumDescriptorProto e in enumTypes)
        {
            allEnums[prefix + e.Name] = e;
        }

        foreach (DescriptorProto message in messages)
        {
            allMessages[prefix + message.Name] = message;
            Index(prefix + message.Name + ".", message.NestedType, message.EnumType, allMessages, allEnums);
        }
    }

    private static int StableHash(string text)
    {
        int hash = 17;
        foreach (char c in text)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash;
    }
}
