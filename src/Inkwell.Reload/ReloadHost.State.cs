using System.Reflection;
using Inkwell.Reload.Internal;
using Inkwell.Reload.Internal.Loading;
using Inkwell.Reload.Internal.State;

namespace Inkwell.Reload;

// The state stage's work: the new versions' static constructors, the [Preserve] copy, and the OnReload hooks.
public sealed partial class ReloadHost
{
    /// <summary>Runs the new versions' static constructors (bounded), copies <see cref="PreserveAttribute"/> state from
    /// the retired versions and calls each new version's <c>OnReload</c> hook; throws (and the caller rolls back) when
    /// any of them fails.</summary>
    private void TransferState(ReloadTransaction transaction)
    {
        Snapshot old = transaction.Old;
        List<LoadedUnit> retired = transaction.Retired;
        List<LoadedUnit> fresh = [.. transaction.Order.Select(u => transaction.Loaded[u.Name])];
        if (retired.Count == 0)
        {
            return;
        }

        StateTransfer.RunClassConstructors(fresh.Select(u => u.Assembly), _options.StaticConstructorTimeout);
        var oldAssemblies = new HashSet<Assembly>(retired.Select(u => u.Assembly));
        Type? FindNew(string fullName) => fresh.Select(u => u.Assembly.GetType(fullName)).FirstOrDefault(t => t is not null);
        Type? FindOld(string fullName) => retired.Select(u => u.Assembly.GetType(fullName)).FirstOrDefault(t => t is not null);
        var migrator = new ObjectMigrator(oldAssemblies, FindNew, transaction.Notes.Add);
        StateTransfer.CopyPreserved(oldAssemblies, FindNew, migrator, transaction.Notes.Add);

        foreach (LoadedUnit unit in fresh)
        {
            if (!unit.Modules.Any(old.Modules.ContainsKey))
            {
                continue; // a new module has nothing to migrate from
            }

            foreach (MethodInfo hook in StateTransfer.FindHooks(unit.Assembly))
            {
                string fullName = hook.DeclaringType!.FullName!;
                string module = transaction.Discovery!.GetTypeByMetadataName(fullName)?.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath ?? unit.Modules[0];
                int previousVersion = old.Modules.TryGetValue(module, out ModuleRecord? record) ? record.Version : 0;
                var context = new ReloadContext(module, previousVersion, previousVersion + 1, FindOld(fullName), FindOld, migrator);
                try
                {
                    hook.Invoke(null, [context]);
                }
                catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
                {
                    throw new InvalidOperationException($"{fullName}.OnReload in {Relative(module)} threw {inner.GetType().Name}: {inner.Message}", inner);
                }
                finally
                {
                    context.Close();
                }
            }
        }
    }
}
