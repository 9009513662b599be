using System.Reflection;
using Inkwell.Reload.Internal.State;

namespace Inkwell.Reload;

/// <summary>
/// What a module's <c>static void OnReload(ReloadContext context)</c> hook receives. The host calls the hook of
/// the <em>new</em> version, after <see cref="PreserveAttribute"/> members were copied, so it can read every
/// static value of the previous version by name and migrate it. The context works only during the call:
/// afterwards it lets go of the previous version, so nothing it handed out keeps that version alive.
/// </summary>
public sealed class ReloadContext
{
    private const BindingFlags StaticMembers = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private Type? _previousType;
    private Func<string, Type?>? _findPreviousType;
    private ObjectMigrator? _migrator;

    internal ReloadContext(string modulePath, int previousVersion, int version, Type? previousType, Func<string, Type?> findPreviousType, ObjectMigrator migrator)
    {
        ModulePath = modulePath;
        PreviousVersion = previousVersion;
        Version = version;
        _previousType = previousType;
        _findPreviousType = findPreviousType;
        _migrator = migrator;
    }

    /// <summary>The full path of the module being reloaded.</summary>
    public string ModulePath { get; }

    /// <summary>The version being replaced (1 is the first load).</summary>
    public int PreviousVersion { get; }

    /// <summary>The version now being installed.</summary>
    public int Version { get; }

    /// <summary>Whether the hook's type existed in the previous version.</summary>
    public bool HasPrevious => Open()._previousType is not null;

    /// <summary>Names of the static fields and properties the previous version of the hook's type declared.</summary>
    public IReadOnlyList<string> PreviousNames
    {
        get
        {
            Type? type = Open()._previousType;
            return type is null
                ? []
                : [.. type.GetFields(StaticMembers).Where(f => !f.IsLiteral && !f.Name.Contains('<', StringComparison.Ordinal)).Select(f => f.Name)
                    .Concat(type.GetProperties(StaticMembers).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null).Select(p => p.Name))
                    .Distinct(StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Reads the previous version's static field or property <paramref name="name"/> (of the hook's type, or
    /// <c>Namespace.Type.Member</c> for another type of the reloaded modules) as a <typeparamref name="T"/>. A
    /// value of a module-defined type is copied into the new version's type, as for <see cref="PreserveAttribute"/>.
    /// </summary>
    /// <returns>False when there is no such member or its value cannot become a <typeparamref name="T"/>.</returns>
    public bool TryGetPrevious<T>(string name, out T value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        value = default!;
        ReloadContext open = Open();
        if (!open.TryRead(name, out object? raw) || !open._migrator!.TryConvert(raw, typeof(T), out object? converted))
        {
            return false;
        }

        value = (T)converted!;
        return true;
    }

    /// <summary>Like <see cref="TryGetPrevious{T}(string, out T)"/>, returning <paramref name="fallback"/> when the value is absent.</summary>
    public T GetPrevious<T>(string name, T fallback) => TryGetPrevious(name, out T value) ? value : fallback;

    internal void Close()
    {
        _previousType = null;
        _findPreviousType = null;
        _migrator = null;
    }

    private ReloadContext Open()
    {
        return _migrator is null
            ? throw new InvalidOperationException("A ReloadContext can only be used during the OnReload call it was given to.")
            : this;
    }

    private bool TryRead(string name, out object? value)
    {
        value = null;
        Type? type = _previousType;
        string member = name;
        if (type?.GetField(name, StaticMembers) is null && type?.GetProperty(name, StaticMembers) is null)
        {
            int dot = name.LastIndexOf('.');
            if (dot <= 0)
            {
                return false;
            }

            type = _findPreviousType!(name[..dot]);
            member = name[(dot + 1)..];
        }

        if (type is null)
        {
            return false;
        }

        if (type.GetField(member, StaticMembers) is { } field)
        {
            value = field.GetValue(null);
            return true;
        }

        if (type.GetProperty(member, StaticMembers) is { GetMethod: not null } property && property.GetIndexParameters().Length == 0)
        {
            value = property.GetValue(null);
            return true;
        }

        return false;
    }
}
