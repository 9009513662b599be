using Google.Protobuf.Reflection;
using Inkwell.Internal;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// The C# side's knowledge of the lowering's options (<see cref="InheritanceOptions"/>, <c>SubtypeEncoding</c>, src/Shared)
/// against the compiler's built-in <c>inkwell/inheritance.proto</c>, which is where the numbers are declared.
/// </summary>
public sealed class InheritanceOptionsTests
{
    private static FileDescriptorProto InheritanceProto()
    {
        CompilationResult result = ProtoCompiler.Compile([ProtoCompiler.InheritanceProto], new InMemoryResolver(new Dictionary<string, string>()));
        Assert.Empty(result.Diagnostics);
        return result.Files.Single().ToFileDescriptorProto();
    }

    [Fact]
    public void OptionNumbers_AreInheritanceProtosExtensions()
    {
        Dictionary<string, FieldDescriptorProto> extensions = InheritanceProto().Extension.ToDictionary(e => e.Name);

        Assert.Equal(3, extensions.Count);
        Assert.Equal((".google.protobuf.MessageOptions", InheritanceOptions.BaseField), (extensions["base"].Extendee, extensions["base"].Number));
        Assert.Equal((".google.protobuf.MessageOptions", InheritanceOptions.SubtypeField), (extensions["subtype"].Extendee, extensions["subtype"].Number));
        Assert.Equal((".google.protobuf.FieldOptions", InheritanceOptions.DeclaredTypeField), (extensions["declared_type"].Extendee, extensions["declared_type"].Number));
    }

    [Fact]
    public void SubtypeEncoding_IsInheritanceProtosSubtypeEncoding()
    {
        EnumDescriptorProto encoding = InheritanceProto().EnumType.Single(e => e.Name == "SubtypeEncoding");

        Assert.Equal(
            encoding.Value.Select(v => (v.Name, v.Number)),
            Enum.GetValues<SubtypeEncoding>().Select(e => (e.ToString().ToUpperInvariant(), (int)e)));
    }
}
