using System.Net;
using System.Reflection;

namespace Inkwell.Reload.Internal.Running;

/// <summary>Implements Kestrel's <c>IConnectionListenerFactory</c> over a <see cref="ListenerKeeper"/> (made at run
/// time with <see cref="DispatchProxy"/>, since Inkwell.Reload does not reference ASP.NET Core).</summary>
internal class ListenerFactoryProxy : DispatchProxy
{
    private ListenerKeeper? _keeper;

    internal static object Create(Type factoryInterface, ListenerKeeper keeper)
    {
        object proxy = Create(factoryInterface, typeof(ListenerFactoryProxy));
        ((ListenerFactoryProxy)proxy)._keeper = keeper;
        return proxy;
    }

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod?.Name != "BindAsync")
        {
            throw new NotSupportedException(targetMethod?.Name);
        }

        return ProxyTasks.ToValueTask(targetMethod.ReturnType, _keeper!.BindAsync((EndPoint)args![0]!, (CancellationToken)args[1]!)!);
    }
}
