using System.Reflection;

namespace Inkwell.Reload.Internal.Running;

/// <summary>Implements Kestrel's <c>IConnectionListener</c> for one <see cref="KeptListenerClaim"/> (made at run time
/// with <see cref="DispatchProxy"/>, since Inkwell.Reload does not reference ASP.NET Core): accepting goes to the kept
/// socket; unbinding and disposing release the claim and leave the socket open.</summary>
internal class KeptListenerProxy : DispatchProxy
{
    private KeptListenerClaim? _claim;

    internal static object Create(Type listenerInterface, KeptListenerClaim claim)
    {
        object proxy = Create(listenerInterface, typeof(KeptListenerProxy));
        ((KeptListenerProxy)proxy)._claim = claim;
        return proxy;
    }

    /// <inheritdoc/>
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        KeptListenerClaim claim = _claim!;
        switch (targetMethod?.Name)
        {
            case "get_EndPoint":
                return claim.Socket.EndPoint;
            case "AcceptAsync":
                return ProxyTasks.ToValueTask(targetMethod.ReturnType, claim.Socket.AcceptAsync(claim, (CancellationToken)args![0]!));
            case "UnbindAsync":
            case "DisposeAsync":
                claim.Release();
                return default(ValueTask);
            default:
                throw new NotSupportedException(targetMethod?.Name);
        }
    }
}
