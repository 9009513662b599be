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
    public static string Root(string levels) => levels[..levels.IndexOf(':', StringComparison.Ordinal)];

    /// <summary>A new object of the last level's class, with each level's fields set through that level's properties.</summary>
    public static IMessage New(HierarchyBuild build, string levels)
    {
        string[] parts = levels.Split('/');
        Type type = build.InkwellTypeOf(parts[^1][..parts[^1].IndexOf(':', StringComparison.Ordinal)]);
        var message = (IMessage)Activator.CreateInstance(type)!;
        foreach (string level in parts)
        {
            string protoName = level[..level.IndexOf(':', StringComparison.Ordinal)];
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
}
