using System.Globalization;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Tests.Infrastructure;

/// <summary>
/// The levels text that test/Shared/zoo_interop.py reads and writes (<c>zoo.Animal:weight=2.5/zoo.Cat:declawed=true/zoo.Kitten:toy=ball</c>:
/// each level's .proto message and the fields set on it, root first), turned into an object of Inkwell's generated
/// classes, so that one row of test data describes the object on both sides.
/// </summary>
internal static class HierarchyLevels
{
    /// <summary>The .proto name of the first (root) level: <c>zoo.Animal</c>.</summary>
    public static string Root(string levels) => Names(levels)[0];

    /// <summary>The .proto names of the levels, root first: <c>zoo.Animal</c>, <c>zoo.Cat</c>, <c>zoo.Kitten</c>.</summary>
    public static string[] Names(string levels) => [.. levels.Split('/').Select(NameOf)];

    /// <summary>A new object of the last level's class, with each level's fields set through that level's properties.</summary>
    public static IMessage New(HierarchyBuild build, string levels)
    {
        Type type = build.InkwellTypeOf(Names(levels)[^1]);
        var message = (IMessage)Activator.CreateInstance(type)!;
        foreach (string level in levels.Split('/'))
        {
            string protoName = NameOf(level);
            // The level's own descriptor names its fields' properties (they are declared on the level's class).
            MessageDescriptor descriptor = HierarchyBuild.DescriptorOf(build.InkwellTypeOf(protoName))!;
            foreach (string assignment in level[(protoName.Length + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] nameAndValue = assignment.Split('=', 2);
                PropertyInfo property = type.GetProperty(descriptor.FindFieldByName(nameAndValue[0]).PropertyName)!;
                property.SetValue(message, Convert.ChangeType(nameAndValue[1], property.PropertyType, CultureInfo.InvariantCulture));
            }
        }

        return message;
    }

    private static string NameOf(string level) => level[..level.IndexOf(':', StringComparison.Ordinal)];
}
