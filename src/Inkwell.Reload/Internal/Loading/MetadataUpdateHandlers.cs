using System.Collections.Concurrent;
using System.Reflection;

namespace Inkwell.Reload.Internal.Loading;

/// <summary>
/// Calls the framework's hot-reload cache handlers after a reload, as .NET Hot Reload does after it patches code:
/// every assembly of the default context may carry <c>[assembly: MetadataUpdateHandler(typeof(X))]</c>, and <c>X</c>'s
/// static <c>ClearCache(Type[]?)</c> and <c>UpdateApplication(Type[]?)</c> drop what the framework cached about
/// types (System.Text.Json's type metadata, <c>TypeDescriptor</c>, ASP.NET Core's caches). Those caches are static
/// and live in the default context, so without this a cache entry for an old version's type keeps that whole
/// version alive. The handlers get null ("anything may have changed"): the old types are gone, not updated.
/// </summary>
internal static class MetadataUpdateHandlers
{
    private const string AttributeName = "System.Reflection.Metadata.MetadataUpdateHandlerAttribute";
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyList<Type>> s_handlers = new();

    /// <summary>Runs every <c>ClearCache</c>, then every <c>UpdateApplication</c>; returns what failed, as text.</summary>
    public static IReadOnlyList<string> Run()
    {
        // Modules' own assemblies are collectible and were never patched: only the shared ones matter.
        List<Type> handlers = [.. AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsCollectible && !a.IsDynamic)
            .SelectMany(a => s_handlers.GetOrAdd(a, Find))];
        var failures = new List<string>();
        foreach (string method in (string[])["ClearCache", "UpdateApplication"])
        {
            foreach (Type handler in handlers)
            {
                MethodInfo? call = handler.GetMethod(method, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(Type[])]);
                try
                {
                    call?.Invoke(null, [null]);
                }
                catch (TargetInvocationException exception)
                {
                    failures.Add($"{handler.FullName}.{method} threw {exception.InnerException?.GetType().Name}: {exception.InnerException?.Message}");
                }
            }
        }

        return failures;
    }

    private static IReadOnlyList<Type> Find(Assembly assembly)
    {
        try
        {
            return [.. assembly.GetCustomAttributesData()
                .Where(a => a.AttributeType.FullName == AttributeName && a.ConstructorArguments.Count == 1)
                .Select(a => a.ConstructorArguments[0].Value)
                .OfType<Type>()];
        }
        catch (Exception e) when (e is FileNotFoundException or TypeLoadException or BadImageFormatException)
        {
            return [];
        }
    }
}
