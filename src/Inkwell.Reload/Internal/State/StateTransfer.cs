using System.Reflection;

namespace Inkwell.Reload.Internal.State;

/// <summary>Copies <see cref="PreserveAttribute"/> statics from the old version of some units to the new one and
/// finds the new version's <c>OnReload</c> hooks.</summary>
internal static class StateTransfer
{
    private const BindingFlags StaticMembers = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static void CopyPreserved(IEnumerable<Assembly> oldAssemblies, Func<string, Type?> findNewType, ObjectMigrator migrator, Action<string> note)
    {
        foreach (Type oldType in oldAssemblies.SelectMany(a => a.GetTypes()).Where(t => !t.ContainsGenericParameters))
        {
            foreach (MemberInfo member in PreservedMembers(oldType))
            {
                string where = $"{oldType.FullName}.{member.Name}";
                Type? newType = findNewType(oldType.FullName!);
                MemberInfo? target = newType is null ? null : PreservedMembers(newType).FirstOrDefault(m => m.Name == member.Name);
                if (target is null)
                {
                    note($"{where} has no [Preserve] counterpart in the new version; its value is dropped");
                    continue;
                }

                object? value = Read(member);
                if (!migrator.TryConvert(value, TypeOf(target), out object? converted))
                {
                    note($"{where}: a {value?.GetType().Name ?? "null"} cannot become {TypeOf(target)}; the new version keeps its initial value");
                    continue;
                }

                if (!TryWrite(target, converted))
                {
                    note($"{where} is read-only in the new version (static readonly or get-only); its value is not copied");
                }
            }
        }
    }

    /// <summary>Every <c>static void OnReload(ReloadContext)</c> in the assembly, in declaration order.</summary>
    public static IEnumerable<MethodInfo> FindHooks(Assembly assembly)
    {
        return assembly.GetTypes()
            .Where(t => !t.ContainsGenericParameters)
            .Select(t => t.GetMethod("OnReload", StaticMembers, [typeof(ReloadContext)]))
            .Where(m => m is not null && m.ReturnType == typeof(void))!;
    }

    private static IEnumerable<MemberInfo> PreservedMembers(Type type)
    {
        foreach (FieldInfo field in type.GetFields(StaticMembers))
        {
            if (!field.IsLiteral && IsPreserved(field))
            {
                yield return field;
            }
        }

        foreach (PropertyInfo property in type.GetProperties(StaticMembers))
        {
            if (property.GetMethod is not null && property.GetIndexParameters().Length == 0 && IsPreserved(property))
            {
                yield return property;
            }
        }
    }

    /// <summary>Marked <c>[Preserve]</c>: Inkwell.Reload's attribute, or any attribute class named
    /// <c>PreserveAttribute</c>, so a project that does not reference Inkwell.Reload can declare its own and still
    /// build with plain <c>dotnet build</c>.</summary>
    private static bool IsPreserved(MemberInfo member) =>
        member.CustomAttributes.Any(a => a.AttributeType == typeof(PreserveAttribute) || a.AttributeType.Name == nameof(PreserveAttribute));

    private static MethodInfo? OneParameter(Type type, string name) =>
        type.GetMethods(BindingFlags.Instance | BindingFlags.Public).FirstOrDefault(m => m.Name == name && m.GetParameters().Length == 1);

    private static Type TypeOf(MemberInfo member) => member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;

    private static object? Read(MemberInfo member) => member is FieldInfo field ? field.GetValue(null) : ((PropertyInfo)member).GetValue(null);

    private static bool TryWrite(MemberInfo member, object? value)
    {
        FieldInfo? field = member as FieldInfo;
        if (member is PropertyInfo property)
        {
            if (property.SetMethod is { } setter)
            {
                setter.Invoke(null, [value]);
                return true;
            }

            // A get-only auto-property: write its backing field.
            field = property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", StaticMembers);
        }

        if (field is null)
        {
            return false;
        }

        if (field.IsInitOnly)
        {
            // The runtime forbids writing a static readonly field once its type is initialised, but the object
            // it holds can take the old contents (the common `static readonly List<T> Items = new()`).
            return FillInPlace(field.GetValue(null), value);
        }

        field.SetValue(null, value);
        return true;
    }

    private static bool FillInPlace(object? existing, object? value)
    {
        if (existing is null || value is null || existing.GetType() != value.GetType() || existing.GetType().IsValueType)
        {
            return ReferenceEquals(existing, value);
        }

        if (ReferenceEquals(existing, value))
        {
            return true;
        }

        if (existing is System.Collections.IDictionary dictionary)
        {
            dictionary.Clear();
            foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)value)
            {
                dictionary[entry.Key] = entry.Value;
            }

            return true;
        }

        if (existing is System.Collections.IList list && !list.IsFixedSize)
        {
            list.Clear();
            foreach (object? item in (System.Collections.IList)value)
            {
                list.Add(item);
            }

            return true;
        }

        if (existing is System.Collections.IEnumerable)
        {
            // Other collections (Queue<T>, Stack<T>, HashSet<T>...): Clear, then add back in order.
            Type type = existing.GetType();
            MethodInfo? clear = type.GetMethod("Clear", BindingFlags.Instance | BindingFlags.Public, Type.EmptyTypes);
            MethodInfo? add = OneParameter(type, "Add") ?? OneParameter(type, "Enqueue");
            bool reverse = false;
            if (add is null && OneParameter(type, "Push") is { } push)
            {
                (add, reverse) = (push, true);
            }

            if (clear is null || add is null)
            {
                return false;
            }

            List<object?> items = [.. ((System.Collections.IEnumerable)value).Cast<object?>()];
            if (reverse)
            {
                items.Reverse();
            }

            clear.Invoke(existing, null);
            foreach (object? item in items)
            {
                add.Invoke(existing, [item]);
            }

            return true;
        }

        for (Type? level = existing.GetType(); level is not null; level = level.BaseType)
        {
            foreach (FieldInfo instanceField in level.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                instanceField.SetValue(existing, instanceField.GetValue(value));
            }
        }

        return true;
    }
}
