using System.Reflection;

namespace Inkwell.Reload.Internal.Running;

/// <summary>A program's entry method among the loaded modules: <c>Main()</c>, <c>Main(string[])</c> (returning
/// void, int, Task or Task&lt;int&gt;), the <c>&lt;Main&gt;$</c> of top-level statements, or
/// <c>RunAsync(CancellationToken)</c> (returning Task or ValueTask).</summary>
internal sealed class EntryPoint(MethodInfo method, string module)
{
    private const BindingFlags Statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public MethodInfo Method { get; } = method;

    public string Module { get; } = module;

    public string Name => $"{Method.DeclaringType!.FullName}.{Method.Name}";

    /// <summary>Finds the one entry point, or the one in type <paramref name="typeName"/> (full or simple name).</summary>
    public static EntryPoint? Find(ReloadHost host, string? typeName, out string? problem)
    {
        var found = new List<EntryPoint>();
        foreach (IReadOnlyList<string> unit in host.Graph.Units)
        {
            foreach (Type type in host.GetAssembly(unit[0]).GetTypes())
            {
                if (typeName is not null && type.FullName != typeName && type.Name != typeName)
                {
                    continue;
                }

                foreach (MethodInfo method in type.GetMethods(Statics))
                {
                    if (IsEntry(method))
                    {
                        found.Add(new EntryPoint(method, ModuleOf(host, unit, type)));
                    }
                }
            }
        }

        // Main(string[]) and Main() both in one type: prefer RunAsync, then Main(string[]), as C# would pick one.
        List<EntryPoint> distinctTypes = [.. found
            .GroupBy(e => e.Method.DeclaringType)
            .Select(g => g.OrderBy(e => e.Method.Name == "RunAsync" ? 0 : e.Method.GetParameters().Length == 1 ? 1 : 2).First())];
        problem = distinctTypes.Count switch
        {
            0 when typeName is not null => $"No type named '{typeName}' has a static Main() or Main(string[]) or RunAsync(CancellationToken).",
            0 => "No module has a static Main(), Main(string[]) or RunAsync(CancellationToken); name one with --entry.",
            1 => null,
            _ => $"Several entry points: {string.Join(", ", distinctTypes.Select(e => e.Name))}; choose one with --entry TYPE.",
        };
        return problem is null ? distinctTypes[0] : null;
    }

    private static bool IsEntry(MethodInfo method)
    {
        if (method.IsGenericMethodDefinition)
        {
            return false;
        }

        ParameterInfo[] parameters = method.GetParameters();
        Type returns = method.ReturnType;
        if (method.Name == "Main" || method.Equals(method.Module.Assembly.EntryPoint))
        {
            bool parametersFit = parameters.Length == 0 || (parameters.Length == 1 && parameters[0].ParameterType == typeof(string[]));
            return parametersFit && (returns == typeof(void) || returns == typeof(int) || returns == typeof(Task) || returns == typeof(Task<int>));
        }

        return method.Name == "RunAsync"
            && parameters.Length == 1 && parameters[0].ParameterType == typeof(CancellationToken)
            && (returns == typeof(Task) || returns == typeof(ValueTask));
    }

    private static string ModuleOf(ReloadHost host, IReadOnlyList<string> unit, Type type) =>
        unit.Count == 1 ? unit[0] : host.ModuleDeclaring(type.FullName!) ?? unit[0];

    /// <summary>Runs the entry to completion on the calling thread; returns its exit code.</summary>
    public int Invoke(string[] args, CancellationToken cancellationToken)
    {
        object?[] arguments = Method.Name == "RunAsync"
            ? [cancellationToken]
            : Method.GetParameters().Length == 1 ? [args] : [];
        object? result;
        try
        {
            result = Method.Invoke(null, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }

        switch (result)
        {
            case Task<int> withCode:
                return withCode.GetAwaiter().GetResult();
            case Task task:
                task.GetAwaiter().GetResult();
                return 0;
            case ValueTask valueTask:
                valueTask.GetAwaiter().GetResult();
                return 0;
            case int code:
                return code;
            default:
                return 0;
        }
    }
}
