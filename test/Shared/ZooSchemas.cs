namespace Inkwell.Testing;

/// <summary>
/// The design note's Animal/Cat/Dog/Kitten hierarchy in each encoding, in one file and split over files and packages.
/// Every level has one field numbered 1 (the numbers restart in each message), which is what makes a wrong nesting
/// show up in a decode. The sets in one file also have a <c>Zoo</c> holding a repeated (polymorphic) list
/// of animals. Shared by the compiler's tests and the C# generator's (linked from test/Shared).
/// </summary>
internal static class ZooSchemas
{
    /// <summary>ONEOF (the default): Animal holds `oneof subtype { Cat cat = 100; Dog dog = 101; }`, Cat holds its Kitten.</summary>
    public static readonly (string Name, string Text)[] Oneof =
    [
        ("zoo.proto", """
            syntax = "proto3";
            package zoo;

            message Animal {
              subtypes 100 to 199;
              float weight = 1;
            }

            message Cat : Animal = 100 {
              subtypes 10 to 19;
              bool declawed = 1;
            }

            message Dog : Animal = 101 {
              uint32 bones_buried = 1;
            }

            message Kitten : Cat = 10 {
              string toy = 1;
            }

            // A polymorphic collection: each element is an Animal envelope holding its subtype.
            message Zoo {
              repeated Animal animals = 1;
            }
            """),
    ];

    /// <summary>ANY: each base holds `google.protobuf.Any subtype` with the subtype one level down.</summary>
    public static readonly (string Name, string Text)[] Any =
    [
        ("zoo.proto", """
            syntax = "proto3";
            package zoo;

            message Animal {
              subtypes 100 to 199 [encoding = ANY];
              float weight = 1;
            }

            message Cat : Animal = 100 {
              subtypes 10 to 19 [encoding = ANY];
              bool declawed = 1;
            }

            message Dog : Animal = 101 {
              uint32 bones_buried = 1;
            }

            message Kitten : Cat = 10 {
              string toy = 1;
            }

            message Zoo {
              repeated Animal animals = 1;
            }
            """),
    ];

    /// <summary>EXTENSIONS (proto2): each subtype extends its base with a field of its own type; the base's `subtype` holds the tag.</summary>
    public static readonly (string Name, string Text)[] Extensions =
    [
        ("zoo.proto", """
            syntax = "proto2";
            package zoo;

            message Animal {
              subtypes 100 to 199 [encoding = EXTENSIONS];
              optional float weight = 1;
            }

            message Cat : Animal = 100 {
              subtypes 10 to 19 [encoding = EXTENSIONS];
              optional bool declawed = 1;
            }

            message Dog : Animal = 101 {
              optional uint32 bones_buried = 1;
            }

            message Kitten : Cat = 10 {
              optional string toy = 1;
            }

            message Zoo {
              repeated Animal animals = 1;
            }
            """),
    ];

    /// <summary>EXTENSIONS in edition 2023, where fields have presence without a label.</summary>
    public static readonly (string Name, string Text)[] ExtensionsEditions =
    [
        ("zoo.proto", """
            edition = "2023";
            package zoo;

            message Animal {
              subtypes 100 to 199 [encoding = EXTENSIONS];
              float weight = 1;
            }

            message Cat : Animal = 100 {
              subtypes 10 to 19 [encoding = EXTENSIONS];
              bool declawed = 1;
            }

            message Dog : Animal = 101 {
              uint32 bones_buried = 1;
            }

            message Kitten : Cat = 10 {
              string toy = 1;
            }

            message Zoo {
              repeated Animal animals = 1;
            }
            """),
    ];

    /// <summary>ONEOF over three files and two packages: the subtypes' files import the base's; lowered, the base's file imports theirs.</summary>
    public static readonly (string Name, string Text)[] OneofSplit =
    [
        ("zoo/animal.proto", """
            syntax = "proto3";
            package zoo;

            message Animal {
              subtypes 100 to 199;
              float weight = 1;
            }
            """),
        ("zoo/cats.proto", """
            syntax = "proto3";
            package zoo;

            import "zoo/animal.proto";

            message Cat : Animal = 100 {
              subtypes 10 to 19;
              bool declawed = 1;
            }

            message Kitten : Cat = 10 {
              string toy = 1;
            }
            """),
        ("kennel/dogs.proto", """
            syntax = "proto3";
            package kennel;

            import "zoo/animal.proto";

            message Dog : zoo.Animal = 101 {
              uint32 bones_buried = 1;
            }
            """),
    ];

    /// <summary>ANY with the subtypes in another package that imports the base.</summary>
    public static readonly (string Name, string Text)[] AnySplit =
    [
        ("zoo/animal.proto", """
            syntax = "proto3";
            package zoo;

            message Animal {
              subtypes 100 to 199 [encoding = ANY];
              float weight = 1;
            }
            """),
        ("pets/cat.proto", """
            syntax = "proto3";
            package pets;

            import "zoo/animal.proto";

            message Cat : zoo.Animal = 100 {
              subtypes 10 to 19 [encoding = ANY];
              bool declawed = 1;
            }

            message Kitten : Cat = 10 {
              string toy = 1;
            }
            """),
    ];

    /// <summary>EXTENSIONS with the subtypes in another package: the extension keeps the import of the base's file.</summary>
    public static readonly (string Name, string Text)[] ExtensionsSplit =
    [
        ("zoo/animal.proto", """
            syntax = "proto2";
            package zoo;

            message Animal {
              subtypes 100 to 199 [encoding = EXTENSIONS];
              optional float weight = 1;
            }
            """),
        ("pets/cat.proto", """
            syntax = "proto2";
            package pets;

            import "zoo/animal.proto";

            message Cat : zoo.Animal = 100 {
              subtypes 10 to 19 [encoding = EXTENSIONS];
              optional bool declawed = 1;
            }

            message Kitten : Cat = 10 {
              optional string toy = 1;
            }
            """),
    ];

    /// <summary>
    /// Fields declared with a subtype's type, in the hierarchy's own file and in another package: lowered, they take
    /// the root's type and keep the declared one in <c>(inkwell.declared_type)</c>, map values too.
    /// </summary>
    public static readonly (string Name, string Text)[] SubtypeFields =
    [
        ("zoo/animal.proto", """
            syntax = "proto3";
            package zoo;

            message Animal {
              subtypes 100 to 199;
              float weight = 1;
              Animal mother = 2;
            }

            message Cat : Animal = 100 {
              subtypes 10 to 19;
              bool declawed = 1;
              Kitten favourite = 2;
            }

            message Kitten : Cat = 10 {
              string toy = 1;
            }
            """),
        ("shop/owner.proto", """
            syntax = "proto3";
            package shop;

            import "zoo/animal.proto";

            message Owner {
              zoo.Cat cat = 1;
              repeated zoo.Kitten kittens = 2 [deprecated = true];
              map<string, zoo.Cat> cats_by_name = 3;
              oneof pick {
                zoo.Kitten kitten = 4;
                string nobody = 5;
              }
            }
            """),
    ];

    /// <summary>One of the sets above by its field name, for theory data.</summary>
    public static (string Name, string Text)[] Named(string set) => set switch
    {
        nameof(Oneof) => Oneof,
        nameof(Any) => Any,
        nameof(Extensions) => Extensions,
        nameof(ExtensionsEditions) => ExtensionsEditions,
        nameof(OneofSplit) => OneofSplit,
        nameof(AnySplit) => AnySplit,
        nameof(ExtensionsSplit) => ExtensionsSplit,
        nameof(SubtypeFields) => SubtypeFields,
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, null),
    };
}
