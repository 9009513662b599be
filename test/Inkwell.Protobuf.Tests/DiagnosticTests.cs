using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests;

/// <summary>Broken schemas: Inkwell's first diagnostic must be exactly protoc's (text, line, column).</summary>
public sealed class DiagnosticTests
{
    public static IEnumerable<TheoryDataRow<string, string>> Cases() =>
    [
        new("missing-number", "syntax = \"proto3\";\nmessage A { int32 a = ; }\n"),
        new("missing-semicolon", "syntax = \"proto3\";\nmessage A { int32 a = 1 }\n"),
        new("unknown-syntax", "syntax = \"proto4\";\n"),
        new("unknown-edition", "edition = \"2099\";\n"),
        new("unexpected-top-level", "syntax = \"proto3\";\nfoo bar;\n"),
        new("missing-brace", "syntax = \"proto3\";\nmessage A { int32 a = 1;\n"),
        new("unmatched-brace", "syntax = \"proto3\";\n}\n"),
        new("undefined-type", "syntax = \"proto3\";\nmessage A { B b = 1; }\n"),
        new("duplicate-number", "syntax = \"proto3\";\nmessage A { int32 a = 1; int32 b = 1; }\n"),
        new("duplicate-name", "syntax = \"proto3\";\nmessage A { int32 a = 1; int32 a = 2; }\n"),
        new("duplicate-message", "syntax = \"proto3\";\nmessage A {}\nmessage A {}\n"),
        new("number-zero", "syntax = \"proto3\";\nmessage A { int32 a = 0; }\n"),
        new("number-reserved-range", "syntax = \"proto3\";\nmessage A { int32 a = 19001; }\n"),
        new("number-too-large", "syntax = \"proto3\";\nmessage A { int32 a = 536870912; }\n"),
        new("reserved-number", "syntax = \"proto3\";\nmessage A { reserved 3; int32 a = 3; }\n"),
        new("reserved-name", "syntax = \"proto3\";\nmessage A { reserved \"a\"; int32 a = 3; }\n"),
        new("proto3-required", "syntax = \"proto3\";\nmessage A { required int32 a = 1; }\n"),
        new("proto3-default", "syntax = \"proto3\";\nmessage A { int32 a = 1 [default = 3]; }\n"),
        new("proto3-enum-zero", "syntax = \"proto3\";\nenum E { E_ONE = 1; }\n"),
        new("enum-alias", "syntax = \"proto3\";\nenum E { E_ZERO = 0; E_ALSO = 0; }\n"),
        new("enum-value-scope", "syntax = \"proto3\";\nenum E { X = 0; }\nenum F { X = 0; }\n"),
        new("bad-option-type", "syntax = \"proto3\";\noption java_multiple_files = 3;\n"),
        new("unknown-option", "syntax = \"proto3\";\noption no_such_option = 3;\n"),
        new("option-set-twice", "syntax = \"proto3\";\noption java_package = \"a\";\noption java_package = \"b\";\n"),
        new("extension-out-of-range", "syntax = \"proto2\";\nmessage A { extensions 10 to 20; }\nextend A { optional int32 x = 5; }\n"),
        new("map-key-float", "syntax = \"proto3\";\nmessage A { map<float, int32> m = 1; }\n"),
        new("json-conflict", "syntax = \"proto3\";\nmessage A { int32 foo_bar = 1; int32 fooBar = 2; }\n"),
        new("bad-escape", "syntax = \"proto3\";\noption java_package = \"\\q\";\n"),
        new("group-lowercase", "syntax = \"proto2\";\nmessage A { optional group g = 1 {} }\n"),
        new("missing-import", "syntax = \"proto3\";\nimport \"nowhere.proto\";\n"),
        new("not-imported", "syntax = \"proto3\";\nmessage A { google.protobuf.Any a = 1; }\n"),
        new("features-in-proto3", "syntax = \"proto3\";\noption features.field_presence = EXPLICIT;\n"),
        new("editions-optional", "edition = \"2023\";\nmessage A { optional int32 a = 1; }\n"),
        new("editions-required", "edition = \"2023\";\nmessage A { required int32 a = 1; }\n"),
        new("editions-packed", "edition = \"2023\";\nmessage A { int32 a = 1 [packed = true]; }\n"),
        new("editions-open-enum-zero", "edition = \"2023\";\nenum E { A = 1; }\n"),
        new("editions-repeated-presence", "edition = \"2023\";\nmessage A { repeated int32 a = 1 [features.field_presence = EXPLICIT]; }\n"),
        new("editions-message-implicit", "edition = \"2023\";\nmessage A { A m = 1 [features.field_presence = IMPLICIT]; }\n"),
        new("editions-encoding-scalar", "edition = \"2023\";\nmessage A { int32 m = 1 [features.message_encoding = DELIMITED]; }\n"),
        new("editions-java-utf8", "edition = \"2023\";\noption java_string_check_utf8 = true;\n"),
        new("editions-closed-enum-ok", "edition = \"2023\";\nenum E { option features.enum_type = CLOSED; A = 1; }\n"),
        new("extension-declaration-missing", "syntax = \"proto2\";\nmessage A { extensions 10 to 20 [declaration = { number: 10 full_name: \".x\" type: \"int32\" }]; }\nextend A { optional int32 y = 11; }\n"),
        new("extension-declaration-name", "syntax = \"proto2\";\nmessage A { extensions 10 to 20 [declaration = { number: 10 full_name: \".x\" type: \"int32\" }]; }\nextend A { optional int32 w = 10; }\n"),
        new("non-ascii", "syntax = \"proto3\";\nmessage A { int32 é = 1; }\n"),
        new("feature-support-removed-option", "edition = \"2024\";\noption java_multiple_files = true;\n"),
        new("feature-support-not-introduced", "edition = \"2023\";\nmessage A {\n  option features.enforce_naming_style = STYLE2024;\n}\n"),
        new("feature-support-not-introduced-field", "edition = \"2023\";\nmessage A { int32 a = 1 [features.enforce_naming_style = STYLE2024]; }\n"),
        new("feature-support-aggregate", "edition = \"2023\";\noption features = { enforce_naming_style: STYLE2024 };\n"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void FirstDiagnostic_MatchesProtoc(string name, string text)
    {
        string dir = Directory.CreateTempSubdirectory("inkwell-diag-").FullName;
        try
        {
            string file = name + ".proto";
            File.WriteAllText(Path.Combine(dir, file), text);
            (int exitCode, string protocError, _) = Protoc.Run(["-I" + dir, file], dir);
            CompilationResult result = ProtoCompiler.Compile([file], [dir], TestContext.Current.CancellationToken);
            string expected = protocError.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            string actual = result.Diagnostics.FirstOrDefault()?.Format() ?? "";
            Assert.Equal(exitCode == 0, result.Success);
            Assert.Equal(expected, actual);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
