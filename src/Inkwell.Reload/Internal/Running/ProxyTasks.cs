using System.Reflection;

namespace Inkwell.Reload.Internal.Running;

/// <summary>Turns the <c>Task&lt;object?&gt;</c> a proxy computes into the <c>ValueTask&lt;T&gt;</c> its interface
/// method returns, T known only at run time.</summary>
internal static class ProxyTasks
{
    private static readonly MethodInfo s_typed = typeof(ProxyTasks).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static object ToValueTask(Type valueTaskType, Task<object?> task)
    {
        Type result = valueTaskType.GetGenericArguments()[0];
        return s_typed.MakeGenericMethod(result).Invoke(null, [task])!;
    }

    private static ValueTask<T> Typed<T>(Task<object?> task) => new(Cast<T>(task));

    private static async Task<T> Cast<T>(Task<object?> task) => (T)(await task.ConfigureAwait(false))!;
}
