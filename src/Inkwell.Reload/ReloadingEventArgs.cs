namespace Inkwell.Reload;

/// <summary>Raised by <see cref="ReloadHost.Reloading"/> once the new versions compiled and loaded, just before
/// state is carried over and they are installed.</summary>
public sealed class ReloadingEventArgs(IReadOnlyList<string> modules) : EventArgs
{
    /// <summary>The modules about to be replaced or removed (full paths).</summary>
    public IReadOnlyList<string> Modules { get; } = modules;
}
