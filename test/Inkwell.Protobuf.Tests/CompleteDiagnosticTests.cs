using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests;

/// <summary>
/// Schemas with several problems at once: every line protoc 35.1 prints (errors and warnings, in order) must be
/// Inkwell's line. Each case names what in protoc's phases it pins down.
/// </summary>
public sealed class CompleteDiagnosticTests
{
    public static IEnumerable<TheoryDataRow<string, string[]>> Cases() =>
    [
        // A cycle is reported in its first file; both files are still built without each other.
        new("cycle", [
            "a.proto", "syntax = \"proto3\";\nimport \"b.proto\";\nmessage A { B b = 1; strin s = 2; }\n",
            "b.proto", "syntax = \"proto3\";\n\nimport \"a.proto\";\nmessage B { A a = 1; int32 x = 1; }\n"]),
        // A missing import does not stop the file: its own errors follow.
        new("missing-import-then-unknown-type", [
            "a.proto", "syntax = \"proto3\";\nimport \"nope.proto\";\nmessage A { strin s = 1; int32 t = 1; }\n"]),
        // Importing itself stops a file at once, after the imports before it were reported.
        new("self-import", [
            "a.proto", "syntax = \"proto3\";\nimport \"nope.proto\";\nimport \"a.proto\";\nimport \"c.proto\";\nmessage A { strin b = 1; }\n",
            "c.proto", "syntax = \"proto3\";\nmessage C { strin b = 1; }\n"]),
        // A file that failed is rolled back: its names are "not defined" for the files after it, not "not imported".
        new("failed-import-rolled-back", [
            "a.proto", "syntax = \"proto3\";\nimport \"bad.proto\";\nmessage A { Bad b = 1; }\n",
            "bad.proto", "syntax = \"proto3\";\nmessage Bad { strin s = 1; }\n"]),
        // The leading fields 1, 2, … are found by position, so one there is taken even with an unknown type; elsewhere not.
        new("unknown-type-numbers", [
            "a.proto", "syntax = \"proto2\";\nmessage A { optional Nope a = 1; optional int32 b = 1; }\n" +
                "message B { optional int32 i = 1; optional int32 j = 9; oneof o { Nope a = 2; int32 x = 2; } }\n"]),
        // Suggestions per top-level message at the first reason; "next available" is 1 once a number is 0.
        new("field-number-suggestions", [
            "a.proto", "syntax = \"proto3\";\nmessage B { int32 c = 1; int32 a = 0; int32 b = 0; int32 d = 2; reserved 3; }\n" +
                "message C { message D { int32 z = 0; } int32 y = 536870912; }\n"]),
        // Another file's extension number is only a warning.
        new("extension-number-in-another-file", [
            "c.proto", "syntax = \"proto2\";\npackage shop;\nimport \"a.proto\";\nimport \"stamp.proto\";\nextend Stamp { optional int32 b = 100; }\n",
            "a.proto", "syntax = \"proto2\";\npackage shop;\nimport \"stamp.proto\";\nextend Stamp { optional int32 a = 100; }\n",
            "stamp.proto", "syntax = \"proto2\";\npackage shop;\nmessage Stamp { extensions 100 to 200; }\n"]),
        // JSON names: default names first, then custom ones; proto2 warns where a default name is involved.
        new("json-names", [
            "a.proto", "syntax = \"proto2\";\nmessage M {\n  optional int32 a_b = 1;\n  optional int32 aB = 2;\n  optional int32 c = 3 [json_name=\"aB\"];\n" +
                "  optional int32 d = 4 [json_name=\"q\"];\n  optional int32 e = 5 [json_name=\"q\"];\n}\n"]),
        // Options are interpreted parts first, the file's last; an element stops at its first bad option.
        new("unknown-options", [
            "a.proto", "syntax = \"proto3\";\noption (f) = 1;\nmessage M {\n  option (m) = 1;\n  int32 z = 1 [(x) = 1, (y) = 2];\n}\n"]),
        // A name that is no field is unknown; a field, or an extension of another options message, is the wrong field.
        new("option-names-that-are-not-options", [
            "a.proto", "syntax = \"proto3\";\nimport \"google/protobuf/descriptor.proto\";\nextend google.protobuf.MessageOptions { int32 mo = 5000; }\n" +
                "message M {\n  int32 x = 1 [(M) = 1];\n  int32 y = 2 [(mo) = 1];\n  int32 z = 3 [(x) = 1];\n}\n"]),
        // Error recovery: a brace nested in a skipped block swallows its parent's closing brace, as in protoc.
        new("recovery-nested-braces", [
            "a.proto", "syntax = \"proto3\";\nenum E {\n  A = 0;\nmessage M { oneof o { int32 x = 1; } x }\nmessage N { int32 y = 1; }\n}\n"]),
        // export/local: keywords from edition 2024 only.
        new("visibility", [
            "a.proto", "edition = \"2024\";\npackage p;\nlocal mesage A { int32 x = 1; }\nmessage B { int32 y = 1 }\nlocal service S {}\n" +
                "message C { local foo D {} local int32 e = 1; }\n"]),
        new("import-option-rules", [
            "a.proto", "syntax = \"proto3\";\nimport option \"b.proto\";\nimport \"b.proto\";\nmessage M { int32 x = 1; }\n",
            "b.proto", "syntax = \"proto3\";\n"]),
        // An extension checked against its range's declaration: name, then type (".pkg.Type" or the scalar's name), then
        // repeatedness, each reported; one without a declaration in a declared range has no line.
        new("extension-declarations", [
            "a.proto", "syntax = \"proto2\";\npackage c;\nimport \"base.proto\";\nmessage M {}\nextend b.Foo {\n  repeated M bar = 100;\n  optional string baz = 101;\n  optional int64 qux = 102;\n  repeated string other = 103;\n}\n",
            "base.proto", "syntax = \"proto2\";\npackage b;\nmessage Foo {\n  extensions 100 to 200 [declaration = { number: 100 full_name: \".c.bar\" type: \"int32\" }, declaration = { number: 101 full_name: \".c.baz\" type: \"string\" repeated: true }, declaration = { number: 102 full_name: \".c.quux\" type: \".c.M\" }, verification = DECLARATION];\n}\n"]),
        // A map's entry type has no place in the file, so its value type's error has no line.
        new("map-value-unknown", [
            "a.proto", "syntax = \"proto3\";\nmessage M { map<string, Nope> m = 1; Nope n = 2; }\n"]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryDiagnostic_MatchesProtoc(string name, string[] files)
    {
        string dir = Directory.CreateTempSubdirectory("inkwell-complete-" + name + "-").FullName;
        try
        {
            for (int i = 0; i < files.Length; i += 2)
            {
                File.WriteAllText(Path.Combine(dir, files[i]), files[i + 1]);
            }

            string include = Protoc.RequireIncludeDirectory(); // descriptor.proto for protoc, as Inkwell has it built in
            (int exitCode, string protocError, _) = Protoc.Run(["-I" + dir, "-I" + include, files[0]], dir);
            CompilationResult result = ProtoCompiler.Compile([files[0]], [dir, include], TestContext.Current.CancellationToken);
            string[] expected = protocError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string[] actual = [.. result.Diagnostics.Select(d => d.Format().Trim())];
            Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
            Assert.Equal(exitCode == 0, result.Success);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
