using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Inkwell.Protobuf.Generator.Tests.Infrastructure;

/// <summary>
/// Walks everything an object reaches through its fields and reports the first object that belongs to Roslyn
/// (a compilation, symbol, syntax node or tree, location, additional text, …). A generator's cached step outputs
/// must hold none: the driver keeps them alive from one run to the next, so a reached compilation or tree keeps the
/// whole previous compilation in memory, and Roslyn objects do not compare by value, so they defeat the caching too.
/// </summary>
internal static class RoslynObjectFinder
{
    private const int MaxObjects = 2_000_000;

    /// <summary>The field path from <paramref name="root"/> to the first Roslyn object, or null when there is none.</summary>
    public static string? FindPath(object? root, string rootName)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object Value, string Path)>();
        if (root is not null)
        {
            pending.Push((root, rootName));
        }

        while (pending.Count > 0)
        {
            (object value, string path) = pending.Pop();
            Type type = value.GetType();
            if (IsLeaf(type) || !seen.Add(value))
            {
                continue;
            }

            if (seen.Count > MaxObjects)
            {
                throw new InvalidOperationException($"{rootName} reaches more than {MaxObjects} objects; stopped at {path}.");
            }

            if (IsRoslyn(type))
            {
                return $"{path} ({type.FullName})";
            }

            if (value is Array array)
            {
                if (!IsLeaf(type.GetElementType()!) || type.GetElementType() == typeof(object))
                {
                    int index = 0;
                    foreach (object? element in (IEnumerable)array)
                    {
                        if (element is not null)
                        {
                            pending.Push((element, $"{path}[{index}]"));
                        }

                        index++;
                    }
                }

                continue;
            }

            for (Type? declaring = type; declaring is not null; declaring = declaring.BaseType)
            {
                foreach (FieldInfo field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRefLike || IsLeaf(field.FieldType) && field.FieldType != typeof(object))
                    {
                        continue;
                    }

                    if (field.GetValue(value) is { } fieldValue)
                    {
                        pending.Push((fieldValue, $"{path}.{field.Name}"));
                    }
                }
            }
        }

        return null;
    }

    private static bool IsRoslyn(Type type) =>
        type.Assembly == typeof(Compilation).Assembly || type.Assembly.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true;

    /// <summary>Types that cannot lead to a Roslyn object: values without references, strings, and the runtime's reflection objects.</summary>
    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(Guid)
        || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type)
        || type == typeof(Pointer);
}
