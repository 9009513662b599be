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
        }
        """;
}
