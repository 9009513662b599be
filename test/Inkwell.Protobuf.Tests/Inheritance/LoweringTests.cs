using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.Tests.Inheritance;

/// <summary>What each encoding lowers a hierarchy to, read from the descriptors the compilation produced.</summary>
public sealed class LoweringTests
{
    private const string Zoo = """
        syntax = "proto3";
        package zoo;
        // Any animal.
        message Animal {
          subtypes 100 to 199;
          float weight = 1;
        }
        message Cat : Animal = 100 {
          subtypes 10 to 19;
          bool declawed = 1;
        }
        message Dog : Animal = 101 { uint32 bones_buried = 1; }
        message Kitten : Cat = 10 { string toy = 1; }
        """;

    private static FileDescriptorProto CompileOne(string text)
    {
        CompilationResult result = InheritanceCompiler.Compile(text);
        Assert.True(result.Success, string.Join("\n", InheritanceCompiler.Errors(result)));
        return result.Files[0].ToFileDescriptorProto();
    }

    private static DescriptorProto Message(FileDescriptorProto file, string name) => file.MessageType.Single(m => m.Name == name);

    [Fact]
    public void Oneof_TheBaseGainsOneFieldPerDirectSubtype_InTagOrder()
    {
        FileDescriptorProto file = CompileOne(Zoo);

        DescriptorProto animal = Message(file, "Animal");
        Assert.Equal("subtype", Assert.Single(animal.OneofDecl).Name);
        Assert.Equal(["weight", "cat", "dog"], animal.Field.Select(f => f.Name));
        FieldDescriptorProto cat = animal.Field[1];
        Assert.Equal((100, ".zoo.Cat", 0), (cat.Number, cat.TypeName, cat.OneofIndex));
        Assert.Equal((101, ".zoo.Dog"), (animal.Field[2].Number, animal.Field[2].TypeName));

        DescriptorProto catMessage = Message(file, "Cat");
        Assert.Equal(["declawed", "kitten"], catMessage.Field.Select(f => f.Name)); // only its own fields, plus its subtypes
        Assert.Equal(10, catMessage.Field[1].Number);
        Assert.Equal(["toy"], Message(file, "Kitten").Field.Select(f => f.Name));
        Assert.Contains("inkwell/inheritance.proto", file.Dependency);
    }

    [Fact]
    public void TheHierarchyIsKeptInOptions()
    {
        FileDescriptorProto file = CompileOne(Zoo);

        Dictionary<int, object> animal = InheritanceOptions.Read(Message(file, "Animal"), 77001)!;
        Assert.Equal(0, animal[1]); // ONEOF
        Assert.Equal((100, 199, "subtype"), ((int)animal[2], (int)animal[3], (string)animal[4]));
        Assert.Null(InheritanceOptions.Read(Message(file, "Animal"), 77002));

        Dictionary<int, object> kitten = InheritanceOptions.Read(Message(file, "Kitten"), 77002)!;
        Assert.Equal(("zoo.Cat", 10, "kitten"), ((string)kitten[1], (int)kitten[2], (string)kitten[3]));
        Dictionary<int, object> cat = InheritanceOptions.Read(Message(file, "Cat"), 77002)!;
        Assert.Equal("zoo.Animal", cat[1]);
        Assert.NotNull(InheritanceOptions.Read(Message(file, "Cat"), 77001)); // Cat is a base too
    }

    [Fact]
    public void Any_TheBaseGainsOneAnyField_AtTheRangesFirstNumber()
    {
        FileDescriptorProto file = CompileOne(Zoo.Replace("subtypes 100 to 199;", "subtypes 100 to 199 [encoding = ANY];", StringComparison.Ordinal));

        DescriptorProto animal = Message(file, "Animal");
        Assert.Empty(animal.OneofDecl);
        FieldDescriptorProto subtype = animal.Field.Single(f => f.Name == "subtype");
        Assert.Equal((100, ".google.protobuf.Any"), (subtype.Number, subtype.TypeName));
        Assert.False(subtype.HasProto3Optional); // message fields have presence already: no synthetic oneof
        Assert.Contains("google/protobuf/any.proto", file.Dependency);
        Assert.Equal(1, InheritanceOptions.Read(animal, 77001)![1]); // ANY
        Assert.False(InheritanceOptions.Read(Message(file, "Dog"), 77002)!.ContainsKey(3)); // no field for ANY subtypes
    }

    [Theory]
    [InlineData("syntax = \"proto2\";", "optional ")]
    [InlineData("edition = \"2023\";", "")]
    public void Extensions_TheBaseGetsARangeATagFieldAndAnEnum_EachSubtypeExtendsIt(string syntax, string label)
    {
        string text = $$"""
            {{syntax}}
            package zoo;
            message Animal {
              subtypes 100 to max [encoding = EXTENSIONS];
              {{label}}float weight = 1;
            }
            message Cat : Animal = 100 { {{label}}bool declawed = 1; }
            message Dog : Animal = 101 { {{label}}uint32 bones_buried = 1; }
            """;
        FileDescriptorProto file = CompileOne(text);

        DescriptorProto animal = Message(file, "Animal");
        DescriptorProto.Types.ExtensionRange range = Assert.Single(animal.ExtensionRange);
        Assert.Equal((100, 536870911), (range.Start, range.End)); // end exclusive: 536870911 holds the tag
        FieldDescriptorProto tagField = animal.Field.Single(f => f.Name == "subtype");
        Assert.Equal((536870911, FieldDescriptorProto.Types.Type.Int32), (tagField.Number, tagField.Type));
        EnumDescriptorProto kinds = Assert.Single(animal.EnumType);
        Assert.Equal("Subtype", kinds.Name);
        Assert.Equal([("SUBTYPE_UNSPECIFIED", 0), ("SUBTYPE_CAT", 100), ("SUBTYPE_DOG", 101)], kinds.Value.Select(v => (v.Name, v.Number)));

        FieldDescriptorProto extension = Assert.Single(Message(file, "Cat").Extension);
        Assert.Equal(("animal", ".zoo.Animal", 100, ".zoo.Cat"), (extension.Name, extension.Extendee, extension.Number, extension.TypeName));
        Assert.Equal("zoo.Cat.animal", InheritanceOptions.Read(Message(file, "Cat"), 77002)![3]);
    }

    [Fact]
    public void Lowering_IsDeterministic_AndKeepsComments()
    {
        CompilationResult first = InheritanceCompiler.Compile(Zoo);
        CompilationResult second = InheritanceCompiler.Compile(Zoo);

        Assert.Equal(first.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true), second.GetDescriptorSetBytes(includeImports: true, includeSourceInfo: true));
        Assert.Contains("// Any animal.", first.LoweredSources["zoo.proto"], StringComparison.Ordinal);
        Assert.Equal(" Any animal.\n", first.Files[0].ToFileDescriptorProto(includeSourceInfo: true).SourceCodeInfo.Location
            .Single(l => l.Path.SequenceEqual([4, 0])).LeadingComments);
        Assert.DoesNotContain("subtypes", first.LoweredSources["zoo.proto"], StringComparison.Ordinal);
        Assert.DoesNotContain(": Animal", first.LoweredSources["zoo.proto"], StringComparison.Ordinal);
    }

    [Fact]
    public void AddingASubtype_MovesNothingThatExisted()
    {
        FileDescriptorProto before = CompileOne(Zoo);
        FileDescriptorProto after = CompileOne(Zoo + "\nmessage Bird : Animal = 102 { bool flies = 1; }\n");

        DescriptorProto animalBefore = Message(before, "Animal");
        DescriptorProto animalAfter = Message(after, "Animal");
        foreach (FieldDescriptorProto field in animalBefore.Field)
        {
            Assert.Contains(animalAfter.Field, f => f.Name == field.Name && f.Number == field.Number && f.TypeName == field.TypeName);
        }

        Assert.Contains(animalAfter.Field, f => f.Name == "bird" && f.Number == 102);
    }

    [Fact]
    public void CrlfFiles_GetCrlfInTheAddedLines()
    {
        CompilationResult result = InheritanceCompiler.Compile(Zoo.ReplaceLineEndings("\r\n"));

        Assert.True(result.Success);
        string lowered = result.LoweredSources["zoo.proto"];
        Assert.DoesNotContain("\n", lowered.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("oneof subtype {\r\n", lowered, StringComparison.Ordinal);
    }

    [Fact]
    public void ABaseNamedSubtype_GetsTheFallbackMemberName()
    {
        FileDescriptorProto file = CompileOne("syntax = \"proto3\";\npackage zoo;\nmessage Animal { string subtype = 1; }\nmessage Cat : Animal = 100 {}\n");

        Assert.Equal("inkwell_subtype", Assert.Single(Message(file, "Animal").OneofDecl).Name);
    }

    [Fact]
    public void AFileWithoutInheritance_CompilesExactlyAsBefore()
    {
        CompilationResult result = InheritanceCompiler.Compile("syntax = \"proto3\";\npackage zoo;\nmessage A { int32 a = 1; }\n");

        Assert.True(result.Success);
        Assert.Empty(result.LoweredSources);
        Assert.DoesNotContain("inkwell/inheritance.proto", result.Files[0].ToFileDescriptorProto().Dependency);
    }
}
