using Google.Protobuf;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// proto2 <c>required</c> fields on every level of a hierarchy. Google.Protobuf checks them by reflection
/// (<c>IsInitialized</c>), which sees the lowered schema, so every answer must be the one protoc's classes for the
/// lowered schema give for the same bytes: a ONEOF subtype's level is a nested message and counts; an ANY subtype's
/// level is inside an <c>Any</c>, whose contents reflection does not open; an EXTENSIONS subtype's level is an
/// extension, which reflection checks through the base's extension set. Neither parser checks required fields.
/// </summary>
public sealed class HierarchyRequiredFieldsTests
{
    public static TheoryData<string> Encodings => new() { "ONEOF", "ANY", "EXTENSIONS" };

    private static HierarchyBuild Zoo(string encoding) => HierarchyBuild.For($"hr{encoding.ToLowerInvariant()}/zoo.proto", $$"""
        syntax = "proto2";
        package hr{{encoding.ToLowerInvariant()}};

        message Animal {
          subtypes 100 to 199 [encoding = {{encoding}}];
          required float weight = 1;
        }

        message Cat : Animal = 100 {
          subtypes 10 to 19 [encoding = {{encoding}}];
          required bool declawed = 1;
        }

        message Kitten : Cat = 10 {
          required string favourite_toy = 1;
          optional Kitten sibling = 2;
        }
        """);

    private static string Type(string encoding, string name) => $"Hr{encoding.ToLowerInvariant()}.{name}";

    [Theory]
    [MemberData(nameof(Encodings))]
    public void IsInitialized_AnswersAsProtocsLoweredClasses(string encoding)
    {
        HierarchyBuild zoo = Zoo(encoding);
        (string, object?)[] all = [("Weight", 1f), ("Declawed", true), ("FavouriteToy", "yarn")];
        var kittens = new List<(string Case, IMessage Kitten, bool Expected)>
        {
            ("complete", zoo.New(Type(encoding, "Kitten"), all), true),
            ("a sibling without its toy", zoo.New(Type(encoding, "Kitten"), [.. all, ("Sibling", zoo.New(Type(encoding, "Kitten"), ("Weight", 2f), ("Declawed", false)))]), encoding == "ANY"),
        };
        foreach ((string field, _) in all)
        {
            // The root's own field always counts; a subtype's level unless it is inside an Any.
            kittens.Add(("no " + field, zoo.New(Type(encoding, "Kitten"), [.. all.Where(v => v.Item1 != field)]), field != "Weight" && encoding == "ANY"));
        }

        foreach ((string name, IMessage kitten, bool expected) in kittens)
        {
            byte[] bytes = kitten.ToByteArray();
            IMessage lowered = ParseLoweredWithExtensions(zoo, Type(encoding, "Animal"), bytes);
            IMessage parsed = zoo.Parse(Type(encoding, "Animal"), bytes);

            Assert.True(expected == lowered.IsInitialized(), $"protoc's lowered classes, {name}");
            Assert.True(expected == kitten.IsInitialized(), $"Inkwell's Kitten as built, {name}");
            Assert.True(expected == parsed.IsInitialized(), $"Inkwell's Kitten as parsed, {name}");
            Assert.Equal(bytes, parsed.ToByteArray());
        }
    }

    /// <summary>protoc's lowered classes read extensions only with their registry: every extension the lowered code declares.</summary>
    private static IMessage ParseLoweredWithExtensions(HierarchyBuild zoo, string type, byte[] bytes)
    {
        var registry = new ExtensionRegistry();
        foreach (System.Reflection.FieldInfo field in zoo.Lowered.GetTypes().SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)))
        {
            if (field.GetValue(null) is Extension extension)
            {
                registry.Add(extension);
            }
        }
        var parser = (MessageParser)zoo.LoweredType(type).GetProperty("Parser")!.GetValue(null)!;
        return parser.WithExtensionRegistry(registry).ParseFrom(bytes);
    }
}
