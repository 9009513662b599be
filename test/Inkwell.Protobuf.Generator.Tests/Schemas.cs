namespace Inkwell.Protobuf.Generator.Tests;

/// <summary>Small .proto texts the tests share.</summary>
internal static class Schemas
{
    public const string Zoo = """
        syntax = "proto3";
        package zoo;
        option csharp_namespace = "Zoo.Model";

        // An animal; its subtype says which kind.
        message Animal {
          float weight = 1;
          oneof subtype {
            Cat cat = 100;
            Dog dog = 101;
          }
        }
        message Cat { bool declawed = 1; }
        message Dog { uint32 bones_buried = 1; }
        """;

    /// <summary>Uses the well-known types and a custom option, so every built-in import is exercised.</summary>
    public const string WellKnown = """
        syntax = "proto3";
        package shop;
        option csharp_namespace = "Shop.Model";
        import "google/protobuf/any.proto";
        import "google/protobuf/timestamp.proto";
        import "google/protobuf/duration.proto";
        import "google/protobuf/wrappers.proto";
        import "google/protobuf/struct.proto";
        import "google/protobuf/empty.proto";
        import "google/protobuf/field_mask.proto";
        import "google/protobuf/descriptor.proto";

        extend google.protobuf.MessageOptions { string table = 50001; }

        message Order {
          option (table) = "orders";
          google.protobuf.Timestamp placed = 1;
          google.protobuf.Duration ttl = 2;
          google.protobuf.StringValue note = 3;
          google.protobuf.Any payload = 4;
          google.protobuf.Struct extra = 5;
          google.protobuf.Empty nothing = 6;
          google.protobuf.FieldMask mask = 7;
          map<string, int64> quantities = 8;
          repeated Line lines = 9;
          optional string coupon = 10;
        }
        message Line { string sku = 1; int32 count = 2; }
        """;
}
