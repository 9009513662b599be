using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.Tests.TextFormat;

/// <summary>
/// How <see cref="TextFormatParser"/> and <see cref="TextFormatPrinter"/> find the message type they are asked for: both
/// look it up in the same index of the files' types, so they answer the same names and reject the same ones.
/// </summary>
public sealed class TextFormatTypeLookupTests
{
    private static List<FileDescriptorProto> Files()
    {
        const string Source = """
            syntax = "proto2";
            package pkg;
            message Outer {
              message Inner { optional int32 a = 1; }
              enum Kind { KIND_A = 0; }
              optional Inner inner = 1;
            }
            enum Top { TOP_A = 0; }
            """;
        CompilationResult result = ProtoCompiler.Compile(["pkg/a.proto"], new InMemoryResolver(new Dictionary<string, string> { ["pkg/a.proto"] = Source }));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return [.. result.AllFiles.Select(f => f.ToFileDescriptorProto())];
    }

    [Theory]
    [InlineData("pkg.Outer", true)]
    [InlineData("pkg.Outer.Inner", true)]
    [InlineData("Outer", false)]
    [InlineData("pkg.Outer.Kind", false)]
    [InlineData("pkg.Top", false)]
    [InlineData("pkg.Missing", false)]
    public void HasMessageType_ParserAndPrinter_AnswerTheSameForMessagesEnumsAndUnknownNames(string name, bool expected)
    {
        List<FileDescriptorProto> files = Files();

        Assert.Equal(expected, new TextFormatParser(files).HasMessageType(name));
        Assert.Equal(expected, new TextFormatPrinter(files).HasMessageType(name));
    }

    [Fact]
    public void Methods_UnknownMessageType_ThrowArgumentExceptionNamingMessageType()
    {
        List<FileDescriptorProto> files = Files();
        var parser = new TextFormatParser(files);
        var printer = new TextFormatPrinter(files);

        ArgumentException parse = Assert.Throws<ArgumentException>(() => parser.Parse("pkg.Top", "", deterministic: false));
        ArgumentException print = Assert.Throws<ArgumentException>(() => printer.TryPrint("pkg.Top", [], out _));
        ArgumentException missing = Assert.Throws<ArgumentException>(() => printer.FindMissingRequiredFields("pkg.Top", []));

        Assert.All([parse, print, missing], exception => Assert.Equal("messageType", exception.ParamName));
        Assert.All([parse, print, missing], exception => Assert.StartsWith("No message type pkg.Top.", exception.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Constructors_NullFiles_ThrowArgumentNullExceptionNamingFiles()
    {
        Assert.Equal("files", Assert.Throws<ArgumentNullException>(() => new TextFormatParser(null!)).ParamName);
        Assert.Equal("files", Assert.Throws<ArgumentNullException>(() => new TextFormatPrinter(null!)).ParamName);
    }

    [Fact]
    public void ParseThenPrint_NestedType_RoundTripsThroughBothLookups()
    {
        List<FileDescriptorProto> files = Files();

        TextFormatParseResult parsed = new TextFormatParser(files).Parse("pkg.Outer", "inner { a: 7 }", deterministic: false);
        Assert.True(parsed.Success);
        Assert.True(new TextFormatPrinter(files).TryPrint("pkg.Outer", parsed.Message, out string text));

        Assert.Equal("inner {\n  a: 7\n}\n", text);
    }
}
