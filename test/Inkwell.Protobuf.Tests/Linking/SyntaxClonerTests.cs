using System.Collections;
using System.Reflection;
using Inkwell.Protobuf.Internal;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Tests.Linking;

/// <summary>
/// The copy a link binds (<see cref="SyntaxCloner"/>) equals the parse in every property, read by reflection, so a
/// property added to a syntax node and not copied fails here; and linking leaves the kept parse as it was parsed.
/// </summary>
public sealed class SyntaxClonerTests
{
    public static IEnumerable<TheoryDataRow<string>> Files() => Corpus.ProtobufFiles();

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

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFile_CopyEqualsTheParse_InEveryProperty_WithNewNodes(string file)
    {
        string root = Corpus.RequireProtobuf();
        FileSyntax parsed = Parse(File.ReadAllText(Path.Combine(root, file)), file);

        FileSyntax copy = SyntaxCloner.Clone(parsed, file);

        AssertDeepEqual(parsed, copy, file, requireCopies: true);
    }

    [Fact]
    public void EveryKindOfNode_CopyEqualsTheParse_WithNewNodes()
    {
        FileSyntax parsed = Parse(Inheritance, "zoo.proto");
        Assert.True(parsed.UsesInheritance);

        AssertDeepEqual(parsed, SyntaxCloner.Clone(parsed, "zoo.proto"), "zoo.proto", requireCopies: true);
    }

    [Fact]
    public void TheCopy_TakesTheNameItIsImportedBy()
    {
        FileSyntax copy = SyntaxCloner.Clone(Parse(Inheritance, "/src/zoo.proto"), "animals/zoo.proto");

        Assert.Equal("animals/zoo.proto", copy.Name);
    }

    [Fact]
    public void Linking_LeavesTheKeptParseAsParsed()
    {
        ParsedProtoFile kept = ParsedProtoFile.Parse(Inheritance, "zoo.proto", cancellationToken: TestContext.Current.CancellationToken);
        FileSyntax fresh = Parse(Inheritance, "zoo.proto");

        CompilationResult result = ProtoCompiler.Link(["zoo.proto"], new One(kept), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Equal("zoo.Animal", result.AllFiles.Single(f => f.Name == "zoo.proto").Syntax.Messages[0].FullName);
        FileSyntax afterLink = kept.ToSessionFile("zoo.proto").Syntax!;
        AssertDeepEqual(fresh, afterLink, "zoo.proto", requireCopies: false);
        Assert.Null(afterLink.Messages[0].Fields.Single(f => f.IsMap).ResolvedTypeName); // what the binder writes: the kept tree has none of it
    }

    private static FileSyntax Parse(string text, string name)
    {
        FileSyntax syntax = Parser.Parse(text, name, (_, _, _, _) => { }, out bool hadErrors);
        Assert.False(hadErrors);
        return syntax;
    }

    // Walks Inkwell's own types property by property (public and internal), collections element by element; anything
    // else must be equal. With requireCopies, the nodes the binder writes to must be new objects in the copy.
    private static void AssertDeepEqual(object? expected, object? actual, string path, bool requireCopies)
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
            AssertDeepEqual(type.GetProperty("Key")!.GetValue(expected), type.GetProperty("Key")!.GetValue(actual), path + ".Key", requireCopies);
            AssertDeepEqual(type.GetProperty("Value")!.GetValue(expected), type.GetProperty("Value")!.GetValue(actual), path + ".Value", requireCopies);
            return;
        }

        if (expected is IEnumerable sequence)
        {
            object[] left = [.. sequence.Cast<object>()];
            object[] right = [.. ((IEnumerable)actual).Cast<object>()];
            Assert.True(left.Length == right.Length, $"{path}: {left.Length} vs {right.Length} items");
            for (int i = 0; i < left.Length; i++)
            {
                AssertDeepEqual(left[i], right[i], $"{path}[{i}]", requireCopies);
            }

            return;
        }

        if (type.Assembly != typeof(FileSyntax).Assembly)
        {
            Assert.True(expected.Equals(actual), $"{path}: {expected} vs {actual}");
            return;
        }

        if (requireCopies && (expected is ElementSyntax || expected is InheritanceSyntax))
        {
            Assert.False(ReferenceEquals(expected, actual), $"{path}: the binder writes to {type.Name}, so the copy needs its own");
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                AssertDeepEqual(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name, requireCopies);
            }
        }
    }

    private sealed class One(ParsedProtoFile file) : IParsedProtoFileResolver
    {
        public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ParsedProtoFile? parsed)
        {
            parsed = name == "zoo.proto" ? file : null;
            return parsed is not null;
        }
    }
}
