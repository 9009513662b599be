using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Inkwell.Reload.Internal.State;

/// <summary>
/// Converts a value from an old version of some modules into the matching value for the new version. Types
/// that do not involve the old assemblies are shared with the host and handed over unchanged (the same
/// object). Types from the old assemblies are found again by full name in the new ones and copied field by
/// field (auto-property backing fields included), recursively; arrays and collections are rebuilt element by
/// element. The object graph's shape is kept: an object reached twice is converted once, cycles included.
/// </summary>
internal sealed class ObjectMigrator(IReadOnlySet<Assembly> oldAssemblies, Func<string, Type?> findNewType, Action<string> note)
{
    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private readonly Dictionary<object, object> _converted = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, Type?> _mapped = [];

    public bool TryConvert(object? value, Type target, out object? result)
    {
        result = null;
        if (value is null)
        {
            return !target.IsValueType || Nullable.GetUnderlyingType(target) is not null;
        }

        if (_converted.TryGetValue(value, out object? done))
        {
            result = done;
            return target.IsInstanceOfType(done);
        }

        Type source = value.GetType();
        if (!Involves(source))
        {
            if (value is Delegate callback && callback.GetInvocationList().Any(d => Involves(d.Method.DeclaringType)))
            {
                note($"a delegate to old code ({callback.Method.DeclaringType}.{callback.Method.Name}) is not carried over");
                return false;
            }

            if (target.IsInstanceOfType(value))
            {
                result = value;
                return true;
            }

            return TryChangeType(value, target, out result);
        }

        Type? mapped = Map(source);
        if (mapped is null || !target.IsAssignableFrom(mapped))
        {
            return false;
        }

        if (mapped.IsEnum)
        {
            string? name = Enum.GetName(source, value);
            result = name is not null && Enum.TryParse(mapped, name, out object? byName)
                ? byName
                : Enum.ToObject(mapped, Convert.ChangeType(value, Enum.GetUnderlyingType(source), System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }

        if (mapped.IsArray)
        {
            return TryConvertArray((Array)value, mapped, out result);
        }

        if (value is IEnumerable items && IsSharedGeneric(mapped))
        {
            return TryConvertCollection(items, mapped, out result);
        }

        return TryCopyObject(value, source, mapped, out result);
    }

    private bool TryConvertArray(Array array, Type mapped, out object? result)
    {
        result = null;
        if (array.Rank != 1)
        {
            note($"multi-dimensional array {array.GetType()} is not carried over");
            return false;
        }

        Type element = mapped.GetElementType()!;
        var copy = Array.CreateInstance(element, array.Length);
        _converted[array] = copy;
        for (int i = 0; i < array.Length; i++)
        {
            if (TryConvert(array.GetValue(i), element, out object? item))
            {
                copy.SetValue(item, i);
            }
        }

        result = copy;
        return true;
    }

    private bool TryConvertCollection(IEnumerable items, Type mapped, out object? result)
    {
        result = null;
        object? collection;
        try
        {
            collection = Activator.CreateInstance(mapped);
        }
        catch (MissingMethodException)
        {
            note($"collection {mapped} has no parameterless constructor and is not carried over");
            return false;
        }

        if (collection is null)
        {
            return false;
        }

        _converted[items] = collection;
        if (collection is IDictionary dictionary && items is IDictionary oldDictionary)
        {
            Type[] arguments = mapped.IsGenericType ? mapped.GetGenericArguments() : [typeof(object), typeof(object)];
            foreach (DictionaryEntry entry in oldDictionary)
            {
                if (TryConvert(entry.Key, arguments[0], out object? key) && key is not null
                    && TryConvert(entry.Value, arguments[^1], out object? item))
                {
                    dictionary[key] = item;
                }
            }

            result = collection;
            return true;
        }

        // Add for lists and sets, Enqueue for queues, Push for stacks (which enumerate top first, so reversed).
        MethodInfo? add = FindOneParameterMethod(mapped, "Add") ?? FindOneParameterMethod(mapped, "Enqueue");
        bool reverse = false;
        if (add is null && FindOneParameterMethod(mapped, "Push") is { } push)
        {
            add = push;
            reverse = true;
        }

        if (add is null)
        {
            note($"collection {mapped} has no Add, Enqueue or Push and is not carried over");
            return false;
        }

        Type element = add.GetParameters()[0].ParameterType;
        var converted = new List<object?>();
        foreach (object? item in items)
        {
            if (TryConvert(item, element, out object? newItem))
            {
                converted.Add(newItem);
            }
        }

        if (reverse)
        {
            converted.Reverse();
        }

        foreach (object? item in converted)
        {
            add.Invoke(collection, [item]);
        }

        result = collection;
        return true;
    }

    private bool TryCopyObject(object value, Type source, Type mapped, out object? result)
    {
        object copy;
        try
        {
            // A parameterless constructor gives fields that are new in this version their initial values.
            copy = Activator.CreateInstance(mapped, nonPublic: true) ?? RuntimeHelpers.GetUninitializedObject(mapped);
        }
        catch (Exception e) when (e is MissingMethodException or TargetInvocationException or MemberAccessException)
        {
            copy = RuntimeHelpers.GetUninitializedObject(mapped);
        }

        if (!source.IsValueType)
        {
            _converted[value] = copy;
        }

        for (Type? level = source; level is not null && Involves(level); level = level.BaseType)
        {
            foreach (FieldInfo field in level.GetFields(InstanceFields))
            {
                FieldInfo? newField = FindField(mapped, field.Name);
                if (newField is null)
                {
                    continue;
                }

                if (TryConvert(field.GetValue(value), newField.FieldType, out object? fieldValue))
                {
                    newField.SetValue(copy, fieldValue);
                }
                else
                {
                    note($"{source.FullName}.{field.Name} cannot become {newField.FieldType}; it keeps its initial value");
                }
            }
        }

        result = copy;
        return true;
    }

    private static FieldInfo? FindField(Type type, string name)
    {
        for (Type? level = type; level is not null; level = level.BaseType)
        {
            if (level.GetField(name, InstanceFields) is { } field)
            {
                return field;
            }
        }

        return null;
    }

    private static MethodInfo? FindOneParameterMethod(Type type, string name)
    {
        return type.GetMethods(BindingFlags.Instance | BindingFlags.Public).FirstOrDefault(m => m.Name == name && m.GetParameters().Length == 1);
    }

    private static bool TryChangeType(object value, Type target, out object? result)
    {
        result = null;
        Type underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (value is not IConvertible || !(underlying.IsPrimitive || underlying == typeof(decimal) || underlying == typeof(string)))
        {
            return false;
        }

        try
        {
            result = Convert.ChangeType(value, underlying, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            return false;
        }
    }

    private bool IsSharedGeneric(Type type) => type.IsGenericType && !oldAssemblies.Contains(type.GetGenericTypeDefinition().Assembly) && !IsNewModuleType(type.GetGenericTypeDefinition());

    private bool IsNewModuleType(Type type) => type.Assembly.IsCollectible;

    private bool Involves(Type? type)
    {
        if (type is null)
        {
            return false;
        }

        if (oldAssemblies.Contains(type.Assembly))
        {
            return true;
        }

        if (type.HasElementType)
        {
            return Involves(type.GetElementType());
        }

        return type.IsConstructedGenericType && type.GetGenericArguments().Any(Involves);
    }

    private Type? Map(Type type)
    {
        if (_mapped.TryGetValue(type, out Type? known))
        {
            return known;
        }

        Type? mapped;
        if (type.IsArray)
        {
            Type? element = Map(type.GetElementType()!);
            mapped = element is null ? null : type.GetArrayRank() == 1 && type.IsSZArray ? element.MakeArrayType() : element.MakeArrayType(type.GetArrayRank());
        }
        else if (type.IsConstructedGenericType)
        {
            Type? definition = Map(type.GetGenericTypeDefinition());
            Type?[] arguments = [.. type.GetGenericArguments().Select(Map)];
            mapped = definition is null || arguments.Any(a => a is null) ? null : definition.MakeGenericType(arguments!);
        }
        else if (oldAssemblies.Contains(type.Assembly))
        {
            mapped = type.FullName is { } name ? findNewType(name) : null;
        }
        else
        {
            mapped = type;
        }

        _mapped[type] = mapped;
        return mapped;
    }
}
