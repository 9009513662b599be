namespace Inkwell.Reload;

/// <summary>How the host notices that module files changed.</summary>
public enum WatchMode
{
    /// <summary>It does not watch; call <see cref="ReloadHost.Reload"/> after changing files.</summary>
    None,

    /// <summary>File-system events (inotify on Linux), falling back to polling if they cannot be set up.</summary>
    Events,

    /// <summary>Compares file sizes and modification times every <see cref="ReloadHostOptions.PollingInterval"/>;
    /// for file systems without events (network shares, some containers).</summary>
    Polling,
}
