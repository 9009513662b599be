namespace Inkwell.Protobuf.Tests.Inheritance;

/// <summary>Every inheritance check (bases, cycles, subtype numbers and ranges, names, encodings) reports one protoc-style error at the place it concerns.</summary>
public sealed class HierarchyCheckTests
{
    private const string Proto3 = "syntax = \"proto3\";\npackage zoo;\n";
    private const string Proto2 = "syntax = \"proto2\";\npackage zoo;\n";

    private static string ErrorOf(string text) => InheritanceCompiler.SingleError(InheritanceCompiler.Compile(text));

    [Fact]
    public void UnknownBase_IsNotDefined()
    {
        Assert.Equal("zoo.proto:3:15: \"Animal\" is not defined.", ErrorOf(Proto3 + "message Cat : Animal = 100 {}\n"));
    }

    [Fact]
    public void EnumBase_IsNotAMessage()
    {
        Assert.Equal("zoo.proto:4:15: \"Animal\" is not a message type; a message can only inherit from a message.",
            ErrorOf(Proto3 + "enum Animal { A = 0; }\nmessage Cat : Animal = 100 {}\n"));
    }

    [Fact]
    public void MapEntryBase_IsRejected()
    {
        Assert.Equal("zoo.proto:4:15: \"Zoo.PensEntry\" is a map entry; a message cannot inherit from a map entry.",
            ErrorOf(Proto3 + "message Zoo { map<string, int32> pens = 1; }\nmessage Cat : Zoo.PensEntry = 100 {}\n"));
    }

    [Fact]
    public void GroupBase_IsRejected()
    {
        Assert.Equal("zoo.proto:4:15: \"Zoo.Pen\" is a group; a message cannot inherit from a group.",
            ErrorOf(Proto2 + "message Zoo { optional group Pen = 1 { optional int32 size = 2; } }\nmessage Cat : Zoo.Pen = 100 {}\n"));
    }

    [Fact]
    public void Cycle_IsReportedWithItsPath()
    {
        string[] errors = InheritanceCompiler.Errors(InheritanceCompiler.Compile(Proto3 + "message Cat : Kitten = 1 {}\nmessage Kitten : Cat = 2 {}\n"));

        Assert.Equal(
        [
            "zoo.proto:3:15: \"zoo.Cat\" inherits from itself: zoo.Cat -> zoo.Kitten -> zoo.Cat.",
            "zoo.proto:4:18: \"zoo.Kitten\" inherits from itself: zoo.Kitten -> zoo.Cat -> zoo.Kitten.",
        ], errors);
    }

    [Fact]
    public void SelfInheritance_IsACycle()
    {
        Assert.Equal("zoo.proto:3:15: \"zoo.Cat\" inherits from itself: zoo.Cat -> zoo.Cat.", ErrorOf(Proto3 + "message Cat : Cat = 1 {}\n"));
    }

    [Fact]
    public void DuplicateTag_AcrossFiles_NamesTheFirstOwner()
    {
        CompilationResult result = InheritanceCompiler.Compile(
            ("animal.proto", Proto3 + "message Animal { float weight = 1; }\nmessage Cat : Animal = 100 {}\n"),
            ("dog.proto", Proto3 + "import \"animal.proto\";\nmessage Dog : Animal = 100 {}\n"));

        Assert.Equal("dog.proto:4:24: Subtype tag 100 of \"zoo.Dog\" is already used by \"zoo.Cat\" (in \"animal.proto\"); each direct subtype of \"zoo.Animal\" needs its own tag.",
            InheritanceCompiler.SingleError(result));
    }

    [Fact]
    public void Tag_CollidingWithABaseField_IsRejected()
    {
        Assert.Equal("zoo.proto:4:24: Subtype tag 1 of \"Cat\" is already used by field \"weight\" of \"zoo.Animal\".",
            ErrorOf(Proto3 + "message Animal { float weight = 1; }\nmessage Cat : Animal = 1 {}\n"));
    }

    [Fact]
    public void Tag_CollidingWithAReservedNumber_IsRejected()
    {
        Assert.Equal("zoo.proto:4:24: Subtype tag 7 of \"Cat\" is reserved in \"zoo.Animal\" (5 to 9).",
            ErrorOf(Proto3 + "message Animal { reserved 5 to 9; }\nmessage Cat : Animal = 7 {}\n"));
    }

    [Fact]
    public void Tag_InAnExtensionRange_IsRejected()
    {
        Assert.Equal("zoo.proto:4:24: Subtype tag 150 of \"Cat\" is in the extension range 100 to 199 of \"zoo.Animal\".",
            ErrorOf(Proto2 + "message Animal { extensions 100 to 199; }\nmessage Cat : Animal = 150 {}\n"));
    }

    [Fact]
    public void Tag_OutsideTheDeclaredRange_IsRejected()
    {
        Assert.Equal("zoo.proto:4:24: Subtype tag 250 of \"Cat\" is outside the subtypes range 100 to 199 of \"zoo.Animal\".",
            ErrorOf(Proto3 + "message Animal { subtypes 100 to 199; }\nmessage Cat : Animal = 250 {}\n"));
    }

    [Theory]
    [InlineData("0", "zoo.proto:4:24: Subtype tags must be between 1 and 536870911.")]
    [InlineData("536870912", "zoo.proto:4:24: Subtype tags must be between 1 and 536870911.")]
    [InlineData("19500", "zoo.proto:4:24: Subtype tag 19500 of \"Cat\" is in 19000 to 19999, which is reserved for the protocol buffer library implementation.")]
    public void Tag_OutsideTheFieldNumberSpace_IsRejected(string tag, string expected)
    {
        Assert.Equal(expected, ErrorOf(Proto3 + $"message Animal {{ }}\nmessage Cat : Animal = {tag} {{}}\n"));
    }

    [Fact]
    public void DeclaredRange_OverlappingABaseField_IsRejectedAtTheField()
    {
        Assert.Equal("zoo.proto:3:54: Field \"weight\" uses number 150, which is in the subtypes range 100 to 199 of \"Animal\".",
            ErrorOf(Proto3 + "message Animal { subtypes 100 to 199; float weight = 150; }\n"));
    }

    [Fact]
    public void DeclaredRange_OverlappingReservedOrExtensionRanges_IsRejected()
    {
        Assert.Equal("zoo.proto:3:27: The subtypes range 100 to max of \"Animal\" overlaps its reserved range 150 to 160.",
            ErrorOf(Proto3 + "message Animal { subtypes 100 to max; reserved 150 to 160; }\n"));
        Assert.Equal("zoo.proto:3:27: The subtypes range 100 to 199 of \"Animal\" overlaps its extension range 150 to 299.",
            ErrorOf(Proto2 + "message Animal { subtypes 100 to 199; extensions 150 to 299; }\n"));
    }

    [Fact]
    public void SubtypeFieldName_CollidingWithABaseField_IsRejected()
    {
        Assert.Equal("zoo.proto:4:15: ONEOF encoding adds field \"cat\" for \"Cat\" to \"zoo.Animal\", which already has a member of that name.",
            ErrorOf(Proto3 + "message Animal { string cat = 1; }\nmessage Cat : Animal = 100 {}\n"));
    }

    [Fact]
    public void Extensions_InProto3_IsRejected()
    {
        Assert.Equal("zoo.proto:3:50: EXTENSIONS encoding needs proto2 or editions: proto3 only allows extensions of custom options. Use ONEOF or ANY in a proto3 file.",
            ErrorOf(Proto3 + "message Animal { subtypes 100 to 199 [encoding = EXTENSIONS]; }\n"));
    }

    [Fact]
    public void UnknownEncoding_IsRejected()
    {
        Assert.Equal("zoo.proto:3:50: Unknown subtype encoding \"JSON\"; expected ONEOF, ANY or EXTENSIONS.",
            ErrorOf(Proto3 + "message Animal { subtypes 100 to 199 [encoding = JSON]; }\n"));
    }

    [Fact]
    public void Oneof_WithASubtypeThatStillNeedsTheBasesFile_SaysWhichEncodingWorks()
    {
        CompilationResult result = InheritanceCompiler.Compile(
            ("animal.proto", Proto3 + "message Animal { float weight = 1; }\n"),
            ("cat.proto", Proto3 + "import \"animal.proto\";\nmessage Cat : Animal = 100 { Animal friend = 1; }\n"));

        string error = InheritanceCompiler.SingleError(result);

        Assert.StartsWith("cat.proto:4:15: \"zoo.Animal\" uses ONEOF encoding, so \"animal.proto\" would have to import \"cat.proto\", which depends on \"animal.proto\" (cat.proto -> animal.proto).", error, StringComparison.Ordinal);
        Assert.Contains("[encoding = ANY]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Oneof_WithASubtypeInAnotherFile_MovesTheImport()
    {
        CompilationResult result = InheritanceCompiler.Compile(
            ("animal.proto", Proto3 + "message Animal { float weight = 1; }\n"),
            ("cat.proto", Proto3 + "import \"animal.proto\";\nmessage Cat : Animal = 100 { bool declawed = 1; }\n"));

        Assert.True(result.Success, string.Join("\n", InheritanceCompiler.Errors(result)));
        Assert.DoesNotContain("import \"animal.proto\"", result.LoweredSources["cat.proto"], StringComparison.Ordinal);
        Assert.Contains("import \"cat.proto\";", result.LoweredSources["animal.proto"], StringComparison.Ordinal);
        Assert.Empty(result.Diagnostics); // no "unused import" warning for an import only the base needed
    }

    [Fact]
    public void BaseResolution_FollowsProtocScoping()
    {
        CompilationResult result = InheritanceCompiler.Compile(
            ("base.proto", "syntax = \"proto3\";\npackage farm.animals;\nmessage Animal { subtypes 100 to 199 [encoding = ANY]; }\n"),
            ("cat.proto", "syntax = \"proto3\";\npackage farm.pets;\nimport \"base.proto\";\nmessage Cat : animals.Animal = 100 {}\nmessage Outer { message Dog : .farm.animals.Animal = 101 {} }\n"));

        Assert.True(result.Success, string.Join("\n", InheritanceCompiler.Errors(result)));
        string cat = result.LoweredSources["cat.proto"];
        Assert.Contains("option (.inkwell.subtype) = { base: \"farm.animals.Animal\" tag: 100 };", cat, StringComparison.Ordinal);
        Assert.Contains("option (.inkwell.subtype) = { base: \"farm.animals.Animal\" tag: 101 };", cat, StringComparison.Ordinal);
    }

    [Fact]
    public void SubtypesKeyword_FollowedByAName_IsStillAFieldType()
    {
        CompilationResult result = InheritanceCompiler.Compile(Proto3 + "message subtypes {}\nmessage A { subtypes s = 1; }\n");

        Assert.True(result.Success);
        Assert.Empty(result.LoweredSources); // no inheritance: an ordinary compilation
    }

    [Fact]
    public void MissingTag_IsASyntaxError()
    {
        Assert.Equal("zoo.proto:4:22: Expected \"=\" and the subtype's tag after the base message's name.",
            ErrorOf(Proto3 + "message Animal {}\nmessage Cat : Animal {}\n"));
    }
}
