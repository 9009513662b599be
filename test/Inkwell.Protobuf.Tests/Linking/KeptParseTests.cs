using System.Collections;
using System.Reflection;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Tests.Linking;

/// <summary>
/// Linking only reads a kept parse's syntax tree (what binding finds goes into a bound model of its own), so after any
/// number of links every kept tree still equals a fresh parse of the same text in every property, read by reflection.
/// </summary>
public sealed class KeptParseTests
{
    private const string Inheritance = """
        syntax = "proto3";
        package zoo;
        import "google/protobuf/descriptor.proto";
        extend google.protobuf.MessageOptions { string tag = 50000; }
        message Animal {
          option (tag) = "a";
          subtypes 100 to 199 [encoding = ANY];
          reserved 5 to 9, 20;
          reserved "old";
          extensions 1000 to 2000 [verification = UNVERIFIED];
          float weight = 1;
          oneof kind { string name = 2; int32 id = 3; }
          optional int32 age = 4;
          map<string, Animal> friends = 10;
          enum Mood { option allow_alias = true; CALM = 0; QUIET = 0 [deprecated = true]; reserved 7; reserved "LOUD"; }
        }
        message Cat : Animal = 100 { bool declawed = 1 [json_name = "clawless"]; }
        service Zoo { rpc Feed (stream Cat) returns (Animal) { option deprecated = true; } }
        """;

    [Fact]
    public void LinkingEveryCorpusFile_LeavesEveryKeptParseAsParsed()
    {
        string root = Corpus.RequireProtobuf();
        string[] files = [.. Corpus.ProtobufFiles().Select(r => r.Data)];
        var parses = new ParsingResolver(new FileSystemResolver([root]));

        int linked = 0;
        foreach (string file in files)
        {
            linked += ProtoCompiler.Link([file], parses, cancellationToken: TestContext.Current.CancellationToken).Success ? 1 : 0;
        }

        Assert.True(linked > files.Length / 2, $"{linked} of {files.Length} files linked");
        Assert.Equal(files.Length, parses.Parsed.Count);
        foreach ((string name, ParsedProtoFile kept) in parses.Parsed)
        {
            AssertDeepEqual(Parse(kept.Text, kept.DisplayPath), kept.ToParsedFile().Syntax, name);
        }
    }

    [Fact]
    public void LinkingAFileWithEveryKindOfNode_LeavesTheKeptParseAsParsed()
    {
        ParsedProtoFile kept = ParsedProtoFile.Parse(Inheritance, "zoo.proto", cancellationToken: TestContext.Current.CancellationToken);

        CompilationResult result = ProtoCompiler.Link(["zoo.proto"], new One("zoo.proto", kept), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        FileDescriptorProto zoo = result.AllFiles.Single(f => f.Name == "zoo.proto").ToFileDescriptorProto();
        Assert.Equal(".zoo.Animal.FriendsEntry", zoo.MessageType[0].Field.Single(f => f.Name == "friends").TypeName);
        AssertDeepEqual(Parse(Inheritance, "zoo.proto"), kept.ToParsedFile().Syntax, "zoo.proto");
    }

    [Fact]
    public void ALinkedFile_TakesTheNameItIsImportedBy_NotThePathItWasParsedFrom()
    {
        ParsedProtoFile kept = ParsedProtoFile.Parse(Inheritance, "/src/animals/zoo.proto", cancellationToken: TestContext.Current.CancellationToken);

        CompilationResult result = ProtoCompiler.Link(["animals/zoo.proto"], new One("animals/zoo.proto", kept), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.AllFiles, f => f.Name == "animals/zoo.proto" && f.ToFileDescriptorProto().Name == "animals/zoo.proto");
    }

    private static FileSyntax Parse(string text, string name)
    {
        FileSyntax syntax = Parser.Parse(text, name, (_, _, _, _) => { }, out bool hadErrors);
        Assert.False(hadErrors);
        return syntax;
    }

    // Walks Inkwell's own types property by property (public and internal), collections element by element; anything
    // else must be equal.
    private static void AssertDeepEqual(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected ?? "null"} vs {actual ?? "null"}");
            return;
        }

        Type type = expected.GetType();
        Assert.True(type == actual.GetType(), $"{path}: {type} vs {actual.GetType()}");
        if (expected is string || type.IsPrimitive || type.IsEnum)
        {
            Assert.True(expected.Equals(actual), $"{path}: {expected} vs {actual}");
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            AssertDeepEqual(type.GetProperty("Key")!.GetValue(expected), type.GetProperty("Key")!.GetValue(actual), path + ".Key");
            AssertDeepEqual(type.GetProperty("Value")!.GetValue(expected), type.GetProperty("Value")!.GetValue(actual), path + ".Value");
            return;
        }

        if (expected is IEnumerable sequence)
        {
            object[] left = [.. sequence.Cast<object>()];
            object[] right = [.. ((IEnumerable)actual).Cast<object>()];
            Assert.True(left.Length == right.Length, $"{path}: {left.Length} vs {right.Length} items");
            for (int i = 0; i < left.Length; i++)
            {
                AssertDeepEqual(left[i], right[i], $"{path}[{i}]");
            }

            return;
        }

        if (type.Assembly != typeof(FileSyntax).Assembly)
        {
            Assert.True(expected.Equals(actual), $"{path}: {expected} vs {actual}");
            return;
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                AssertDeepEqual(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
            }
        }
    }

    private sealed class One(string importName, ParsedProtoFile file) : IParsedProtoFileResolver
    {
        public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ParsedProtoFile? parsed)
        {
            parsed = name == importName ? file : null;
            return parsed is not null;
        }
    }
}
