using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop;

/// <summary>
/// A file with inheritance either lowers to files protoc accepts, or gets an Inkwell error at the user's own source:
/// never an error from the second compilation, in protoc's words about names the user did not write, at a line of the
/// lowered text (which the user never sees). Where a name the lowering adds is taken, it picks another, as
/// <c>subtype</c> becomes <c>inkwell_subtype</c>.
/// </summary>
public sealed class LoweredTextErrorTests
{
    [Fact]
    public void Extensions_BaseWithANestedMessageNamedSubtype_GetsAnotherEnumName()
    {
        // The member rule checks "subtype", but the EXTENSIONS type enum is "Subtype": they clash in the base.
        AssertLowersToValidProtobuf("""
            syntax = "proto2";
            package d;
            message Animal {
              subtypes 100 to 199 [encoding = EXTENSIONS];
              optional float weight = 1;
              message Subtype { optional int32 id = 1; }
            }
            message Cat : Animal = 100 { optional bool declawed = 1; }
            """);
    }

    [Fact]
    public void Extensions_BaseWithAnEnumValueNamedLikeTheTypeEnumsValues_GetsOtherValueNames()
    {
        // Enum values are siblings of their enum (C++ scoping): SUBTYPE_UNSPECIFIED clashes across the base's enums.
        AssertLowersToValidProtobuf("""
            syntax = "proto2";
            package e;
            message Animal {
              subtypes 100 to 199 [encoding = EXTENSIONS];
              optional float weight = 1;
              enum Color { SUBTYPE_UNSPECIFIED = 0; }
            }
            message Cat : Animal = 100 { optional bool declawed = 1; }
            """);
    }

    [Fact]
    public void Extensions_TwoSubtypesWithTheSameSimpleName_AreReportedAtTheSecond()
    {
        // Cat and Outer.Cat both become SUBTYPE_CAT. ONEOF reports its "cat"/"cat" clash at the subtype; EXTENSIONS does
        // the same, at the user's own declaration, instead of failing in the lowered text.
        const string Source = """
            edition = "2023";
            package g;
            message Animal {
              subtypes 100 to max [encoding = EXTENSIONS];
              float weight = 1;
            }
            message Cat : Animal = 100 { bool declawed = 1; }
            message Outer {
              message Cat : Animal = 101 { int32 lives = 1; }
            }
            """;
        CompilationResult result = Compile(("g.proto", Source));

        Assert.False(result.Success);
        Diagnostic error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(error.File == "g.proto" && error.Line == 9, $"expected the error at Outer.Cat (g.proto:9), got: {error.Format()}");
        Assert.Contains("\"SUBTYPE_CAT\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extensions_SubtypeInAProto3File_IsReportedAtItsDeclaration()
    {
        // The lowering would write `extend .zoo.Animal` in a proto3 file, which protoc allows only for options.
        CompilationResult result = Compile(
            ("base.proto", """
                syntax = "proto2";
                package zoo;
                message Animal {
                  subtypes 100 to 199 [encoding = EXTENSIONS];
                  optional float weight = 1;
                }
                """),
            ("cat.proto", """
                syntax = "proto3";
                package pets;
                import "base.proto";
                message Cat : zoo.Animal = 100 { bool declawed = 1; }
                """));

        Assert.False(result.Success);
        Diagnostic error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(error.File == "cat.proto" && error.Line == 4, $"expected the error at cat.proto:4 (the `: zoo.Animal`), got: {error.Format()}");
        Assert.Contains("EXTENSIONS", error.Message, StringComparison.Ordinal);
    }

    private static void AssertLowersToValidProtobuf(string source)
    {
        CompilationResult result = Compile(("t.proto", source));
        Assert.True(result.Success, "Inkwell rejected it in the lowered text:\n" + string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        AssertProtocAccepts(("t.proto", source));
    }

    private static void AssertProtocAccepts(params (string Name, string Text)[] sources)
    {
        using LoweredSchema schema = LoweredSchema.Create(sources);
        (int exitCode, string error, byte[]? expected) = Protoc.Run([.. schema.ProtocIncludes, .. schema.Files], schema.LoweredDirectory);
        Assert.True(exitCode == 0, error);
        DescriptorAssert.Equal(expected!, schema.Result.GetDescriptorSetBytes());
    }

    private static CompilationResult Compile(params (string Name, string Text)[] sources) =>
        ProtoCompiler.Compile([sources[^1].Name], new InMemoryResolver(sources.ToDictionary(s => s.Name, s => s.Text)), TestContext.Current.CancellationToken);
}
