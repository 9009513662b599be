namespace Inkwell.Cli.Tests.Support;

/// <summary>
/// Schemas that declare and set options with <c>retention = RETENTION_SOURCE</c> on every kind of element (file,
/// message, field, oneof, extension range, extension, enum, enum value, service, method), mixed with runtime options
/// and set out of field-number order, so the stripped and the unstripped descriptors differ. They import
/// <c>google/protobuf/descriptor.proto</c>: compile them with <see cref="ProtocOracle.IncludeDirectory"/> as a root.
/// </summary>
internal static class SourceRetentionSchemas
{
    /// <summary>The files by import name: <c>opts.proto</c> declares the options, the others use them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["opts.proto"] = """
            syntax = "proto2";
            package r;
            import "google/protobuf/descriptor.proto";

            // A runtime option message with a source-retention field inside.
            message Tag {
              optional string a = 1;
              optional int32 b = 2 [retention = RETENTION_SOURCE];
              repeated int32 c = 3;
            }

            extend google.protobuf.FileOptions {
              optional string file_src = 50001 [retention = RETENTION_SOURCE];
              optional string file_rt = 50002;
              optional Tag file_tag = 50003;
            }
            extend google.protobuf.MessageOptions {
              optional int32 msg_src = 50001 [retention = RETENTION_SOURCE];
              optional int32 msg_rt = 50002;
              repeated Tag msg_tags = 50003;
            }
            extend google.protobuf.FieldOptions {
              optional Tag field_src = 50001 [retention = RETENTION_SOURCE];
              optional int32 field_rt = 50002;
            }
            extend google.protobuf.OneofOptions { optional bool oneof_src = 50001 [retention = RETENTION_SOURCE]; }
            extend google.protobuf.EnumOptions { optional bool enum_src = 50001 [retention = RETENTION_SOURCE]; optional bool enum_rt = 50002; }
            extend google.protobuf.EnumValueOptions { optional string value_src = 50001 [retention = RETENTION_SOURCE]; }
            extend google.protobuf.ServiceOptions { optional string service_src = 50001 [retention = RETENTION_SOURCE]; optional string service_rt = 50002; }
            extend google.protobuf.MethodOptions { optional string method_src = 50001 [retention = RETENTION_SOURCE]; }
            extend google.protobuf.ExtensionRangeOptions { optional int32 range_src = 50001 [retention = RETENTION_SOURCE]; }
            """,
        ["use.proto"] = """
            syntax = "proto2";
            package r;
            import "opts.proto";

            // Options of every kind, source-retention ones mixed with runtime ones and set out of number order.
            option (file_rt) = "kept";
            option (file_src) = "dropped";
            option (file_tag) = { c: 2 b: 7 a: "x" c: 1 };
            option java_package = "r.j";

            message WithOptions {
              option (msg_rt) = 2;
              option (msg_tags) = { a: "one" b: 1 };
              option (msg_src) = 1;
              option (msg_tags) = { b: 2 a: "two" };
              option deprecated = true;

              optional int32 plain = 1 [(field_rt) = 3, (field_src) = { a: "s" }, deprecated = true];
              optional int32 only_source = 2 [(field_src).a = "t", (field_src).b = 4];
              oneof choice {
                option (oneof_src) = true;
                int32 left = 3;
                string right = 4;
              }
              extensions 100 to 199 [(range_src) = 1];
              extensions 200 to 299 [declaration = { number: 200, full_name: ".r.declared", type: "int32" }];
              extend WithOptions { optional string nested_ext = 101 [(field_src).a = "ext"]; }
            }

            // Only source-retention options: the whole options message goes.
            message OnlySource { option (msg_src) = 9; }

            enum Color {
              option (enum_src) = true;
              option (enum_rt) = true;
              RED = 0 [(value_src) = "r"];
              GREEN = 1 [(value_src) = "g", deprecated = true];
            }

            service Painter {
              option (service_src) = "s";
              option (service_rt) = "r";
              rpc Paint(WithOptions) returns (OnlySource) { option (method_src) = "m"; }
              rpc Plain(WithOptions) returns (WithOptions);
            }

            extend WithOptions { optional int32 top_ext = 102 [(field_src) = { a: "top" }, (field_rt) = 1]; }
            """,
        ["importer.proto"] = """
            syntax = "proto2";
            package r.i;
            import "use.proto";

            // Imports a file that uses source-retention options: protoc sends that one unstripped.
            message Holder { optional r.WithOptions value = 1; optional r.Color color = 2; }
            """,
        ["editions.proto"] = """
            edition = "2023";
            package r.e;
            import "opts.proto";

            option features.field_presence = IMPLICIT;
            option (r.file_src) = "editions";

            message E {
              option (r.msg_src) = 5;
              int32 x = 1 [(r.field_src) = { a: "e" }, features.field_presence = EXPLICIT];
            }
            """,
    };

    /// <summary>Writes the files into <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory)
    {
        foreach ((string name, string text) in Files)
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }
    }
}
