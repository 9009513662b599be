namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>Inheritance schemas the hierarchy tests generate C# for.</summary>
internal static class HierarchySchemas
{
    public const string ZooFile = "hz/zoo.proto";

    /// <summary>A two-level ONEOF hierarchy with repeated, message, recursive and oneof fields, and a container.</summary>
    public const string Zoo = """
        syntax = "proto3";
        package hz;

        message Animal {
          subtypes 100 to 199;
          float weight = 1;
          repeated string tags = 2;
          Animal mother = 3;
        }

        message Cat : Animal = 100 {
          subtypes 10 to 19;
          bool declawed = 1;
        }

        message Dog : Animal = 101 {
          uint32 bones_buried = 1;
          oneof toy {
            string ball = 2;
            Animal chew = 3;
          }
        }

        message Kitten : Cat = 10 {
          string favourite_toy = 1;
        }

        message Shelter {
          repeated Animal animals = 1;
          Animal star = 2;
          oneof pick {
            Animal chosen = 3;
            string nobody = 4;
          }
          Cat house_cat = 5;
          repeated Kitten litter = 6;
          map<string, Cat> cats_by_name = 7;
        }
        """;

    public const string AnyFile = "ha/zoo.proto";

    /// <summary>
    /// The ANY encoding, three levels deep, with a ONEOF hierarchy below an ANY subtype (Dog's Puppy), a base
    /// field numbered above the subtype range, a recursive field and a container.
    /// </summary>
    public const string AnyZoo = """
        syntax = "proto3";
        package ha;

        message Animal {
          subtypes 100 to 199 [encoding = ANY];
          float weight = 1;
          Animal mother = 2;
          string name = 300;
        }

        message Cat : Animal = 100 {
          subtypes 10 to 19 [encoding = ANY];
          bool declawed = 1;
        }

        message Kitten : Cat = 10 {
          string favourite_toy = 1;
        }

        message Dog : Animal = 101 {
          subtypes 20 to 29;
          uint32 bones_buried = 1;
        }

        message Puppy : Dog = 20 {
          string breed = 1;
        }

        message Shelter {
          repeated Animal animals = 1;
          Cat house_cat = 2;
        }
        """;

    public const string ExtensionsFile = "hx/zoo.proto";

    /// <summary>The EXTENSIONS encoding, two levels, proto2.</summary>
    public const string ExtensionsZoo = """
        syntax = "proto2";
        package hx;

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
          optional string favourite_toy = 1;
        }

        message Shelter {
          repeated Animal animals = 1;
        }
        """;

    public const string LoneBaseFile = "hl/zoo.proto";

    /// <summary>A base whose subtypes are yet to come: a class hierarchy of one class.</summary>
    public const string LoneBase = """
        syntax = "proto3";
        package hl;

        message Animal {
          subtypes 100 to 199;
          float weight = 1;
          repeated Animal friends = 2;
        }

        message Pen {
          repeated Animal animals = 1;
          Animal star = 2;
        }
        """;

    public const string FieldKindsFile = "hj/zoo.proto";

    public const string ExtensionsFieldKindsFile = "hjx/zoo.proto";

    public const string AnyFieldKindsFile = "hja/zoo.proto";

    /// <summary>Every kind of field of a hierarchy's types, in a container and on a subtype's level, with ONEOF (proto3).</summary>
    public static readonly string FieldKinds = WithEveryFieldKind("proto3", "hj", encoding: "");

    /// <summary>The same fields with EXTENSIONS (proto2).</summary>
    public static readonly string ExtensionsFieldKinds = WithEveryFieldKind("proto2", "hjx", encoding: " [encoding = EXTENSIONS]");

    /// <summary>The same fields with ANY (proto3).</summary>
    public static readonly string AnyFieldKinds = WithEveryFieldKind("proto3", "hja", encoding: " [encoding = ANY]");

    private static string WithEveryFieldKind(string syntax, string package, string encoding)
    {
        string optional = syntax == "proto2" ? "optional " : "";
        return $$"""
            syntax = "{{syntax}}";
            package {{package}};

            message Animal {
              subtypes 100 to 199{{encoding}};
              {{optional}}float weight = 1;
              repeated Animal pack = 2;
            }

            message Cat : Animal = 100 {
              subtypes 10 to 19{{encoding}};
              {{optional}}bool declawed = 1;
              // Reflection reaches these through the Cat level's view.
              repeated Cat friends = 2;
              {{optional}}Kitten favourite = 3;
              map<string, Animal> rivals = 4;
            }

            message Dog : Animal = 101 {
              {{optional}}uint32 bones_buried = 1;
            }

            message Kitten : Cat = 10 {
              {{optional}}string favourite_toy = 1;
            }

            message Keeper {
              {{optional}}Animal star = 1;
              {{optional}}Cat house_cat = 2;
              oneof pick {
                Animal chosen = 3;
                Cat chosen_cat = 4;
              }
              repeated Animal animals = 5;
              repeated Cat cats = 6;
              map<string, Animal> animals_by_name = 7;
              map<string, Cat> cats_by_name = 8;
            }
            """;
    }
}
