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

    /// <summary>
    /// Runs the static constructors the transfer is about to trigger (types with <c>[Preserve]</c> members or an
    /// <c>OnReload</c> hook) on a thread of their own, and gives up after <paramref name="timeout"/>: a static
    /// constructor that never returns would otherwise hang the reload, and every reload after it, inside the host's
    /// lock. The stuck thread cannot be stopped; it keeps the new version in memory, and the reload rolls back.
    /// </summary>
    /// <exception cref="InvalidOperationException">A static constructor did not return in time.</exception>
    /// <exception cref="TypeInitializationException">A static constructor threw.</exception>
    public static void RunClassConstructors(IEnumerable<Assembly> assemblies, TimeSpan timeout)
    {
        Type[] types = [.. assemblies.SelectMany(a => a.GetTypes())
            .Where(t => !t.ContainsGenericParameters && t.TypeInitializer is not null && (PreservedMembers(t).Any() || t.GetMethod("OnReload", StaticMembers, [typeof(ReloadContext)]) is not null))];
        if (types.Length == 0)
        {
            return;
        }

        Type? current = null;
        Exception? failure = null;
        Thread thread;
        using (ExecutionContext.SuppressFlow())
        {
            thread = new Thread(() =>
            {
                try
                {
                    foreach (Type type in types)
                    {
                        Volatile.Write(ref current, type);
                        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(type.TypeHandle);
                    }
                }
                catch (TypeInitializationException exception)
                {
                    failure = exception;
                }
            })
            {
                IsBackground = true,
                Name = "inkwell static constructors",
            };
            thread.Start();
        }

        if (!thread.Join(timeout))
        {
            throw new InvalidOperationException(
                $"The static constructor of {Volatile.Read(ref current)?.FullName} did not return within {timeout.TotalSeconds:0.#} s; the previous version keeps running (the stuck thread keeps the new one in memory).");
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
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
