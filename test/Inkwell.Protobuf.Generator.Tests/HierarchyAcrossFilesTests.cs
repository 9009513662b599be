using System.Globalization;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Inkwell.Protobuf.Generator.Internal;
using Inkwell.Protobuf.Generator.Tests.Infrastructure;

namespace Inkwell.Protobuf.Generator.Tests;

/// <summary>
/// Open hierarchies (ANY, EXTENSIONS) whose subtypes live in files that import the base's file: each file's C# is
/// generated on its own, yet the base's parser must return the subtypes' classes, so the base's file is generated
/// knowing the declarations of the project files that derive from its messages.
/// </summary>
public sealed class HierarchyAcrossFilesTests
{
    private const string AnyAnimal = """
        syntax = "proto3";
        package pets;
        message Animal {
          subtypes 100 to 199 [encoding = ANY];
          float weight = 1;
        }
        """;

    private const string AnyCat = """
        syntax = "proto3";
        package pets;
        import "animal.proto";
        message Cat : Animal = 100 {
          subtypes 10 to 19 [encoding = ANY];
          bool declawed = 1;
        }
        """;

    private const string Kitten = """
        syntax = "proto3";
        package pets;
        import "cat.proto";
        message Kitten : Cat = 10 { string favourite_toy = 1; }
        """;

    private const string ExtensionsAnimal = """
        syntax = "proto2";
        package pets;
        message Animal {
          subtypes 100 to 199 [encoding = EXTENSIONS];
          optional float weight = 1;
        }
        """;

    private const string ExtensionsCat = """
        syntax = "proto2";
        package pets;
        import "animal.proto";
        message Cat : Animal = 100 {
          subtypes 10 to 19 [encoding = EXTENSIONS];
          optional bool declawed = 1;
        }
        message Kitten : Cat = 10 { optional string favourite_toy = 1; }
        """;

    [Fact]
    public void OneofBase_WithSubtypesInOtherFiles_ParsesAKittenAsAKitten()
    {
        // The lowering moves the import (animal.proto's oneof names Cat), so cat.proto sees Animal as a stub only,
        // without the oneof member Cat is written as: it comes from Cat's own subtype option.
        Assembly assembly = Build(new ProtoProject()
            .Protobuf("animal.proto", AnyAnimal.Replace(" [encoding = ANY]", "", StringComparison.Ordinal))
            .Protobuf("cat.proto", AnyCat.Replace(" [encoding = ANY]", "", StringComparison.Ordinal))
            .Protobuf("kitten.proto", Kitten));

        AssertParsedAsKitten(assembly);
    }

    [Fact]
    public void AnyBase_ParsesAKittenFromTwoFilesBelow_AsAKitten()
    {
        Assembly assembly = Build(new ProtoProject()
            .Protobuf("animal.proto", AnyAnimal)
            .Protobuf("cat.proto", AnyCat)
            .Protobuf("kitten.proto", Kitten));

        AssertParsedAsKitten(assembly);
    }

    [Fact]
    public void ExtensionsBase_ParsesSubtypesFromAnotherFile_AsTheirClasses()
    {
        Assembly assembly = Build(new ProtoProject()
            .Protobuf("animal.proto", ExtensionsAnimal)
            .Protobuf("cat.proto", ExtensionsCat));

        AssertParsedAsKitten(assembly);
    }

    [Theory]
    [InlineData("ANY")]
    [InlineData("EXTENSIONS")]
    public void SubtypesInAnotherProject_ParseAsTheirClasses_AndTheBaseKeepsThemWhole(string encoding)
    {
        // A library project generates animal.proto; an application that references it imports the file (not
        // generated again) and derives from its base.
        (string animal, string cats) = encoding == "ANY" ? (AnyAnimal, AnyCat + Kitten[Kitten.IndexOf("message", StringComparison.Ordinal)..]) : (ExtensionsAnimal, ExtensionsCat);
        GeneratorRun library = new ProtoProject().Protobuf("animal.proto", animal).Run().AssertNoException();
        Assert.True(library.Diagnostics.IsEmpty, string.Join("\n", library.Diagnostics));
        byte[] libraryImage = Compilations.Emit(library.Output);
        GeneratorRun application = new ProtoProject().ImportOnly("animal.proto", animal).Protobuf("cat.proto", cats)
            .Run(MetadataReference.CreateFromImage(libraryImage)).AssertNoException();
        Assert.True(application.Diagnostics.IsEmpty, string.Join("\n", application.Diagnostics));
        Assert.DoesNotContain(application.Sources.Keys, name => name.Contains("animal", StringComparison.OrdinalIgnoreCase));

        var context = new InMemoryAssemblies(nameof(SubtypesInAnotherProject_ParseAsTheirClasses_AndTheBaseKeepsThemWhole), libraryImage, Compilations.Emit(application.Output));
        Type animalType = context.Loaded[0].GetType("Pets.Animal", throwOnError: true)!;
        Type cat = context.Loaded[1].GetType("Pets.Cat", throwOnError: true)!;
        Type kittenType = context.Loaded[1].GetType("Pets.Kitten", throwOnError: true)!;
        var kitten = (IMessage)Activator.CreateInstance(kittenType)!;
        kittenType.GetProperty("Weight")!.SetValue(kitten, 0.8f);
        kittenType.GetProperty("Declawed")!.SetValue(kitten, true);
        kittenType.GetProperty("FavouriteToy")!.SetValue(kitten, "yarn");
        byte[] bytes = kitten.ToByteArray();

        Assert.Equal(kitten, Parse(cat, bytes));
        Assert.IsType(kittenType, Parse(cat, bytes));
        // The library's base was built before the application's subtypes: their levels stay unknown fields.
        IMessage asAnimal = Parse(animalType, bytes);
        Assert.IsType(animalType, asAnimal);
        Assert.Equal(0.8f, animalType.GetProperty("Weight")!.GetValue(asAnimal));
        Assert.Equal(bytes, asAnimal.ToByteArray());
        context.Unload();
    }

    [Fact]
    public void OneofSubtypesInAnotherProject_AreAnErrorAtTheSubtype()
    {
        // The library's ONEOF base was generated without the application's subtypes, which its oneof would have to list.
        string animal = AnyAnimal.Replace(" [encoding = ANY]", "", StringComparison.Ordinal);
        string cat = AnyCat.Replace(" [encoding = ANY]", "", StringComparison.Ordinal);
        GeneratorRun application = new ProtoProject().ImportOnly("animal.proto", animal).Protobuf("cat.proto", cat).Run().AssertNoException();

        Microsoft.CodeAnalysis.Diagnostic error = Assert.Single(application.Diagnostics);
        Assert.Equal("IWP008", error.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, error.Severity);
        FileLinePositionSpan span = error.Location.GetLineSpan();
        Assert.Equal(ProtoProject.PathOf("cat.proto"), span.Path);
        Assert.Equal(new LinePosition(3, 8), span.StartLinePosition);
        Assert.StartsWith("pets.Cat derives from pets.Animal, whose ONEOF encoding", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // Nothing is generated for the file, so no C# error follows the one at the .proto line.
        Assert.DoesNotContain(application.Sources.Keys, name => name.StartsWith("cat", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EachFile_SeesItsImports_ThenItsHierarchysOtherFilesByName_EachOnce()
    {
        // cat.proto imports animal.proto for a field too, so animal.proto is both an import and Cat's base's file;
        // animal.proto and kitten.proto reach each other through cat.proto only.
        GeneratorRun run = new ProtoProject()
            .Protobuf("kitten.proto", Kitten)
            .Protobuf("cat.proto", AnyCat + "message Owner { Animal pet = 1; }\n")
            .Protobuf("animal.proto", AnyAnimal)
            .Protobuf("unrelated.proto", "syntax = \"proto3\";\npackage pets;\nimport \"animal.proto\";\nmessage Cage { Animal inside = 1; }\n")
            .Run().AssertNoException();

        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        Dictionary<string, LinkedFile> files = run.Generator.TrackedSteps[ProtobufGenerator.FileStep]
            .SelectMany(s => s.Outputs)
            .ToDictionary(o => ((LinkedFile)o.Value).ImportName, o => (LinkedFile)o.Value);

        AssertStubs(files["animal.proto"], "cat.proto", "kitten.proto");
        AssertStubs(files["cat.proto"], "kitten.proto");
        AssertStubs(files["kitten.proto"], "animal.proto", "cat.proto");
        AssertStubs(files["unrelated.proto"]);
        Compilations.EmitAndLoad(run.Output);
    }

    /// <summary>The stubs are the file's imports (as the lowering ordered them), then the other files of its hierarchies by name, each file once.</summary>
    private static void AssertStubs(LinkedFile file, params string[] related)
    {
        string[] imports = [.. FileDescriptorProto.Parser.ParseFrom(file.Descriptor.ToArray()).Dependency];
        string[] stubs = [.. FileDescriptorSet.Parser.ParseFrom(file.Dependencies.ToArray()).File.Select(f => f.Name)];

        Assert.Equal(imports, stubs.Take(imports.Length));
        Assert.Equal(related, stubs.Skip(imports.Length));
    }

    private static Assembly Build(ProtoProject project)
    {
        GeneratorRun run = project.Run().AssertNoException();
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        return Compilations.EmitAndLoad(run.Output);
    }

    private static void AssertParsedAsKitten(Assembly assembly)
    {
        Type animal = assembly.GetType("Pets.Animal", throwOnError: true)!;
        Type cat = assembly.GetType("Pets.Cat", throwOnError: true)!;
        Type kittenType = assembly.GetType("Pets.Kitten", throwOnError: true)!;
        Assert.Equal(animal, cat.BaseType);
        Assert.Equal(cat, kittenType.BaseType);

        var kitten = (IMessage)Activator.CreateInstance(kittenType)!;
        kittenType.GetProperty("Weight")!.SetValue(kitten, 0.8f);
        kittenType.GetProperty("Declawed")!.SetValue(kitten, true);
        kittenType.GetProperty("FavouriteToy")!.SetValue(kitten, "yarn");
        byte[] bytes = kitten.ToByteArray();

        foreach (Type reader in new[] { animal, cat, kittenType })
        {
            IMessage parsed = Parse(reader, bytes);
            Assert.IsType(kittenType, parsed);
            Assert.Equal(kitten, parsed);
            Assert.Equal(bytes, parsed.ToByteArray());
        }

        var plainCat = (IMessage)Activator.CreateInstance(cat)!;
        cat.GetProperty("Declawed")!.SetValue(plainCat, true);
        Assert.IsType(cat, Parse(animal, plainCat.ToByteArray()));
    }

    /// <summary>Parses with a hierarchy class's own <c>Parser</c> (a HierarchyParser, which resolves the most-derived class).</summary>
    private static IMessage Parse(Type message, byte[] bytes)
    {
        object parser = message.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)!.GetValue(null)!;
        return (IMessage)parser.GetType().GetMethod("ParseFrom", [typeof(byte[])])!.Invoke(parser, [bytes])!;
    }
}
