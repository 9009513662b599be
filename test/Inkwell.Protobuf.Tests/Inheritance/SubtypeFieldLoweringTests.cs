using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.Tests.Inheritance;

/// <summary>
/// A field declared with a subtype's type holds the subtype's root envelope (a Cat's Animal fields with the Cat
/// nested), so the lowering gives it the root's type and keeps the declared one in <c>(inkwell.declared_type)</c>.
/// </summary>
public sealed class SubtypeFieldLoweringTests
{
    private const uint DeclaredTypeTag = (77003 << 3) | 2;

    private static CompilationResult Compile()
    {
        CompilationResult result = InheritanceCompiler.Compile(ZooSchemas.SubtypeFields);
        Assert.True(result.Success, string.Join("\n", InheritanceCompiler.Errors(result)));
        return result;
    }

    [Fact]
    public void SubtypeTypedFields_TakeTheRootType_AndKeepTheDeclaredOne()
    {
        CompilationResult result = Compile();
        FileDescriptorProto owner = result.AllFiles.Single(f => f.Name == "shop/owner.proto").ToFileDescriptorProto();
        DescriptorProto message = owner.MessageType.Single(m => m.Name == "Owner");

        FieldDescriptorProto cat = message.Field.Single(f => f.Name == "cat");
        Assert.Equal((".zoo.Animal", "zoo.Cat"), (cat.TypeName, DeclaredType(cat)));
        FieldDescriptorProto kittens = message.Field.Single(f => f.Name == "kittens");
        Assert.Equal((".zoo.Animal", "zoo.Kitten", true), (kittens.TypeName, DeclaredType(kittens), kittens.Options.Deprecated));
        FieldDescriptorProto kitten = message.Field.Single(f => f.Name == "kitten");
        Assert.Equal((".zoo.Animal", "zoo.Kitten", 0), (kitten.TypeName, DeclaredType(kitten), kitten.OneofIndex));

        // A map of subtypes: the entry's value takes the root's type, the map field names the declared one.
        DescriptorProto entry = message.NestedType.Single(m => m.Name == "CatsByNameEntry");
        FieldDescriptorProto map = message.Field.Single(f => f.Name == "cats_by_name");
        Assert.Equal((".zoo.Animal", "zoo.Cat"), (entry.Field[1].TypeName, DeclaredType(map)));
        Assert.Equal(FieldDescriptorProto.Types.Type.String, entry.Field[0].Type);
        Assert.Contains("inkwell/inheritance.proto", owner.Dependency);
    }

    [Fact]
    public void FieldsInsideTheHierarchy_AreLoweredToo_AndRootTypedFieldsAreUnchanged()
    {
        FileDescriptorProto zoo = Compile().AllFiles.Single(f => f.Name == "zoo/animal.proto").ToFileDescriptorProto();

        FieldDescriptorProto favourite = zoo.MessageType.Single(m => m.Name == "Cat").Field.Single(f => f.Name == "favourite");
        Assert.Equal((".zoo.Animal", "zoo.Kitten"), (favourite.TypeName, DeclaredType(favourite)));
        FieldDescriptorProto mother = zoo.MessageType.Single(m => m.Name == "Animal").Field.Single(f => f.Name == "mother");
        Assert.Equal((".zoo.Animal", null), (mother.TypeName, DeclaredType(mother)));
    }

    [Fact]
    public void LoweredText_ShowsTheRewrite()
    {
        string text = Compile().LoweredSources["shop/owner.proto"];
        Assert.Contains("repeated .zoo.Animal kittens = 2 [(.inkwell.declared_type) = \"zoo.Kitten\", deprecated = true];", text, StringComparison.Ordinal);
        Assert.Contains(".zoo.Animal cat = 1 [(.inkwell.declared_type) = \"zoo.Cat\"];", text, StringComparison.Ordinal);
        Assert.Contains("map<string, .zoo.Animal> cats_by_name = 3 [(.inkwell.declared_type) = \"zoo.Cat\"];", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OneofSubtypeFileWithASubtypeTypedField_ReportsTheImportCycle()
    {
        CompilationResult result = InheritanceCompiler.Compile(
            ("zoo/animal.proto", "syntax = \"proto3\";\npackage zoo;\nmessage Animal { subtypes 100 to 199; float weight = 1; }\n"),
            ("zoo/cat.proto", "syntax = \"proto3\";\npackage zoo;\nimport \"zoo/animal.proto\";\nmessage Cat : Animal = 100 { Cat friend = 1; }\n"));

        string error = InheritanceCompiler.SingleError(result);
        Assert.StartsWith("zoo/cat.proto:4:15:", error, StringComparison.Ordinal);
        Assert.Contains("encoding = ANY", error, StringComparison.Ordinal);
    }

    private static string? DeclaredType(FieldDescriptorProto field)
    {
        if (field.Options is null)
        {
            return null;
        }

        var input = new CodedInputStream(field.Options.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == DeclaredTypeTag)
            {
                return input.ReadString();
            }

            input.SkipLastField();
        }

        return null;
    }
}
