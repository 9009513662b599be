using System.Reflection;

namespace Inkwell.Protobuf.CSharp.Tests.Infrastructure;

/// <summary>
/// The public API of an assembly as sorted lines: every public or protected type (with kind,
/// modifiers, base type and interfaces), member signature, constant and enum value. Two assemblies
/// with equal lines expose the same API to code compiled against them.
/// </summary>
internal static class PublicApi
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <param name="assembly">The assembly.</param>
    /// <param name="includeInternal">Also describe internal types (for <c>internal_access</c> output), marked as such.</param>
    public static List<string> Describe(Assembly assembly, bool includeInternal = false)
    {
        var lines = new List<string>();
        foreach (Type type in assembly.GetTypes().Where(t => IsVisible(t, includeInternal)))
        {
            string name = Name(type);
            string kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : "class";
            string modifiers = (type.IsAbstract && type.IsSealed ? "static " : type.IsSealed && !type.IsValueType ? "sealed " : type.IsAbstract ? "abstract " : "")
                + (type.IsNestedFamily ? "protected " : "")
                + (type.IsNotPublic || type.IsNestedAssembly ? "internal " : "");
            string interfaces = string.Join(", ", type.GetInterfaces().Select(Name).Order(StringComparer.Ordinal));
            lines.Add($"{modifiers}{kind} {name} : {(type.BaseType is null ? "" : Name(type.BaseType))} [{interfaces}]");
            foreach (string attribute in type.GetCustomAttributesData().Select(a => a.AttributeType.Name).Where(IsApiAttribute).Order(StringComparer.Ordinal))
            {
                lines.Add($"{name} [{attribute}]");
            }
            foreach (MemberInfo member in type.GetMembers(Declared))
            {
                if (Describe(type, member) is { } line)
                {
                    lines.Add(name + " :: " + line);
                }
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static bool IsApiAttribute(string name) => name is "ObsoleteAttribute" or "SerializableAttribute" or "FlagsAttribute";

    private static string? Describe(Type owner, MemberInfo member)
    {
        switch (member)
        {
            case FieldInfo field when field.IsPublic || field.IsFamily:
                string value = field.IsLiteral ? " = " + Convert.ToString(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture) : "";
                string original = field.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == "OriginalNameAttribute") is { } a
                    ? $" [OriginalName({string.Join(", ", a.ConstructorArguments.Select(c => c.Value))}{string.Concat(a.NamedArguments.Select(n => $", {n.MemberName}={n.TypedValue.Value}"))})]"
                    : "";
                return $"{Access(field.IsPublic)}{(field.IsStatic ? "static " : "")}{(field.IsInitOnly ? "readonly " : "")}{(field.IsLiteral ? "const " : "")}field {Name(field.FieldType)} {field.Name}{value}{original}{Obsolete(field)}";
            case PropertyInfo property:
                MethodInfo? getter = property.GetMethod is { } g && (g.IsPublic || g.IsFamily) ? g : null;
                MethodInfo? setter = property.SetMethod is { } s && (s.IsPublic || s.IsFamily) ? s : null;
                if (getter is null && setter is null)
                {
                    return null;
                }
                bool isStatic = (getter ?? setter)!.IsStatic;
                string parameters = string.Join(", ", property.GetIndexParameters().Select(p => Name(p.ParameterType)));
                return $"{(isStatic ? "static " : "")}property {Name(property.PropertyType)} {property.Name}[{parameters}] {{{(getter is null ? "" : " get;")}{(setter is null ? "" : " set;")} }}{Obsolete(property)}";
            case ConstructorInfo constructor when constructor.IsPublic || constructor.IsFamily:
                return $"{Access(constructor.IsPublic)}{(constructor.IsStatic ? "static " : "")}.ctor({Parameters(constructor)})";
            case MethodInfo method when (method.IsPublic || method.IsFamily) && !method.IsSpecialName:
                string generic = method.IsGenericMethodDefinition ? $"<{string.Join(", ", method.GetGenericArguments().Select(t => t.Name))}>" : "";
                string virtuality = method.IsAbstract ? "abstract " : method.IsVirtual && !method.IsFinal && owner.IsClass ? (method.GetBaseDefinition() == method ? "virtual " : "override ") : "";
                return $"{Access(method.IsPublic)}{(method.IsStatic ? "static " : "")}{virtuality}method {Name(method.ReturnType)} {method.Name}{generic}({Parameters(method)}){Obsolete(method)}";
            default:
                return null;
        }
    }

    private static string Access(bool isPublic) => isPublic ? "" : "protected ";

    private static string Obsolete(MemberInfo member) => member.GetCustomAttributesData().Any(a => a.AttributeType.Name == "ObsoleteAttribute") ? " [Obsolete]" : "";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => (p.ParameterType.IsByRef ? (p.IsOut ? "out " : p.IsIn ? "in " : "ref ") : "") + Name(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType)));

    private static bool IsVisible(Type type, bool includeInternal)
    {
        if (type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
        {
            return false;
        }
        for (Type? t = type; t is not null; t = t.DeclaringType)
        {
            if (!(t.IsPublic || t.IsNestedPublic || t.IsNestedFamily || t.IsNestedFamORAssem || (includeInternal && (t.IsNotPublic || t.IsNestedAssembly))))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A type's name with namespace, nesting and generic arguments, the same across assemblies.</summary>
    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }
        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }
        string name = type.IsNested ? Name(type.DeclaringType!) + "+" + type.Name : (type.Namespace is null ? "" : type.Namespace + ".") + type.Name;
        if (type.IsGenericType)
        {
            name += "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }
        return name;
    }
}
