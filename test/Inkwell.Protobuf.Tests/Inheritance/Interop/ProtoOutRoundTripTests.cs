using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop;

/// <summary>
/// What <c>--proto_out</c> writes is standard protobuf: protoc, pointed at the written folder and the well-known types
/// only, accepts it and produces the very descriptor set that Inkwell writes with <c>-o</c> for the original sources,
/// with and without <c>--include_imports</c>, for each encoding and for hierarchies split over files and packages.
/// With <c>--include_source_info</c> too: Inkwell's source locations and comments are those of the lowered text.
/// </summary>
public sealed class ProtoOutRoundTripTests
{
    public static IEnumerable<TheoryDataRow<string, string, bool, bool>> Cases()
    {
        (string Set, string Files)[] compilations =
        [
            ("Oneof", ""),
            ("Any", ""),
            ("Extensions", ""),
            ("ExtensionsEditions", ""),
            ("OneofSplit", ""),
            ("OneofSplit", "zoo/cats.proto"),
            ("OneofSplit", "kennel/dogs.proto zoo/animal.proto"),
            ("AnySplit", ""),
            ("AnySplit", "pets/cat.proto"),
            ("ExtensionsSplit", ""),
            ("ExtensionsSplit", "pets/cat.proto"),
            ("SubtypeFields", ""),
            ("SubtypeFields", "shop/owner.proto"),
        ];
        foreach ((string set, string files) in compilations)
        {
            foreach (bool includeImports in new[] { false, true })
            {
                foreach (bool includeSourceInfo in new[] { false, true })
                {
                    yield return new TheoryDataRow<string, string, bool, bool>(set, files, includeImports, includeSourceInfo);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LoweredFiles_CompiledByProtoc_GiveInkwellsDescriptorSet(string set, string files, bool includeImports, bool includeSourceInfo)
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Named(set), files.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var args = new List<string>(schema.ProtocIncludes);
        if (includeImports)
        {
            args.Add("--include_imports");
        }

        if (includeSourceInfo)
        {
            args.Add("--include_source_info");
        }

        args.AddRange(schema.Files);

        (int exitCode, string error, byte[]? expected) = Protoc.Run(args, schema.LoweredDirectory);

        Assert.True(exitCode == 0, "protoc rejected the lowered files:\n" + error + "\n" + DescribeLowered(schema));
        DescriptorAssert.Equal(expected!, schema.Result.GetDescriptorSetBytes(includeImports, includeSourceInfo));
    }

    [Theory]
    [InlineData("Oneof")]
    [InlineData("OneofSplit")]
    [InlineData("AnySplit")]
    [InlineData("ExtensionsSplit")]
    public void LoweredFolder_HasTheInheritanceOptionsFile_AndNoWellKnownTypes(string set)
    {
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.Named(set));

        string[] written = [.. Directory.EnumerateFiles(schema.LoweredDirectory, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(schema.LoweredDirectory, p).Replace('\\', '/')).Order(StringComparer.Ordinal)];

        Assert.Equal([.. ZooSchemas.Named(set).Select(s => s.Name).Append("inkwell/inheritance.proto").Order(StringComparer.Ordinal)], written);
    }

    [Fact]
    public void OneofSplit_TheBasesFileImportsItsSubtypesFiles_AndTheyNoLongerImportIt()
    {
        // ONEOF puts `Cat cat = 100` into Animal, so the import has to turn around, or protoc would see a cycle.
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.OneofSplit);

        Google.Protobuf.Reflection.FileDescriptorSet set = schema.Result.ToFileDescriptorSet(includeImports: true);

        Google.Protobuf.Reflection.FileDescriptorProto animal = set.File.Single(f => f.Name == "zoo/animal.proto");
        Assert.Contains("zoo/cats.proto", animal.Dependency);
        Assert.Contains("kennel/dogs.proto", animal.Dependency);
        Assert.Equal(["cat", "dog"], animal.MessageType.Single(m => m.Name == "Animal").Field.Where(f => f.OneofIndex == 0 && f.HasOneofIndex).Select(f => f.Name));
        Assert.DoesNotContain("zoo/animal.proto", set.File.Single(f => f.Name == "zoo/cats.proto").Dependency);
        Assert.DoesNotContain("zoo/animal.proto", set.File.Single(f => f.Name == "kennel/dogs.proto").Dependency);
    }

    [Fact]
    public void ExtensionsSplit_TheSubtypesFileKeepsImportingTheBase()
    {
        // `extend .zoo.Animal` needs the base's file, so this import stays (ANY's subtype file needs nothing from it).
        using LoweredSchema schema = LoweredSchema.Create(ZooSchemas.ExtensionsSplit);

        Google.Protobuf.Reflection.FileDescriptorProto cat = schema.Result.ToFileDescriptorSet().File.Single(f => f.Name == "pets/cat.proto");

        Assert.Contains("zoo/animal.proto", cat.Dependency);
        Assert.Contains(cat.MessageType.Single(m => m.Name == "Cat").Extension, e => e.Extendee == ".zoo.Animal" && e.Number == 100 && e.TypeName == ".pets.Cat");
    }


    private static string DescribeLowered(LoweredSchema schema) =>
        string.Join("\n", Directory.EnumerateFiles(schema.LoweredDirectory, "*.proto", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("inheritance.proto", StringComparison.Ordinal))
            .Select(p => $"// ---- {Path.GetRelativePath(schema.LoweredDirectory, p)} ----\n{File.ReadAllText(p)}"));
}
