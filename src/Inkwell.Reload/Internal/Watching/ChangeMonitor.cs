using Microsoft.Extensions.Logging;

namespace Inkwell.Reload.Internal.Watching;

/// <summary>
/// Tells the host that something under the root may have changed, by file-system events or by comparing file
/// sizes and times. It only signals; the host reads the files and compares contents, so a missed or extra signal
/// never makes the loaded version wrong, and a save that touches several files (or none of the module's content)
/// costs at most one reload.
/// </summary>
internal sealed class ChangeMonitor : IDisposable
{
    private readonly string _root;
    private readonly Action _changed;
    private readonly Func<IReadOnlySet<string>> _inputs;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private FileSystemWatcher? _watcher;
    private ITimer? _pollTimer;
    private string _fingerprint = string.Empty;

    // inputs: files other than modules and project files whose edits count (a project's AdditionalFiles, the .proto
    // files its generator reads), asked again on every event since an evaluation may change them.
    public ChangeMonitor(string root, WatchMode mode, TimeSpan pollingInterval, TimeProvider time, ILogger logger, Action changed, Func<IReadOnlySet<string>> inputs)
    {
        _root = root;
        _changed = changed;
        _inputs = inputs;
        _logger = logger;
        _time = time;
        _interval = pollingInterval;
        if (mode == WatchMode.Events && !TryWatchEvents())
        {
            mode = WatchMode.Polling;
        }

        if (mode == WatchMode.Polling)
        {
            _fingerprint = Fingerprint();
            _pollTimer = _time.CreateTimer(_ => PollOnce(), null, _interval, _interval);
        }
    }

    public bool UsesEvents => _watcher is not null;

    public void Dispose()
    {
        _watcher?.Dispose();
        _pollTimer?.Dispose();
        _watcher = null;
        _pollTimer = null;
    }

    private bool TryWatchEvents()
    {
        try
        {
            var watcher = new FileSystemWatcher(_root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += (_, e) => OnEvent(e.FullPath);
            watcher.Created += (_, e) => OnEvent(e.FullPath);
            watcher.Deleted += (_, e) => OnEvent(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                OnEvent(e.OldFullPath);
                OnEvent(e.FullPath);
            };
            watcher.Error += (_, e) =>
            {
                Log.WatcherError(_logger, e.GetException().Message);
                _changed();
            };
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            return true;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException or ArgumentException)
        {
            Log.FallingBackToPolling(_logger, _root, e.Message);
            return false;
        }
    }

    private void OnEvent(string path)
    {
        // Module files, and folders (a renamed or deleted folder takes its modules with it). Editors' temporary
        // files (Foo.cs.swp, Foo.cs~, 4913) are ignored unless they become a .cs file by a rename.
        // Nothing under bin/, obj/ or a hidden folder is a module; a restore or a build writes there all the time
        // (and a project's generated global usings come from its evaluation, not from watching).
        if (InIgnoredFolder(path))
        {
            return;
        }

        string extension = Path.GetExtension(path);
        if (extension.Equals(".cs", StringComparison.OrdinalIgnoreCase) || (extension.Length == 0 && !File.Exists(path)) || IsProjectFile(path)
            || _inputs().Contains(path))
        {
            _changed();
        }
    }

    /// <summary>A file that changes what the SDK says about a project (a <c>.csproj</c>, <c>Directory.Build.props</c>,
    /// <c>NuGet.config</c>...), outside <c>bin/</c> and <c>obj/</c>, where a restore writes its own <c>.props</c>.</summary>
    private bool IsProjectFile(string path)
    {
        string extension = Path.GetExtension(path);
        bool projectish = extension.Equals(".csproj", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".props", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".targets", StringComparison.OrdinalIgnoreCase)
            || Path.GetFileName(path).Equals("NuGet.config", StringComparison.OrdinalIgnoreCase);
        if (!projectish)
        {
            return false;
        }

        return !InIgnoredFolder(path);
    }

    private bool InIgnoredFolder(string path)
    {
        // The folders above the path, and the path itself when it is bin/ or obj/ (created by the first restore).
        string[] parts = Path.GetRelativePath(_root, path).Split(Path.DirectorySeparatorChar);
        string[] folders = parts[^1] is "bin" or "obj" ? parts : parts[..^1];
        return folders.Any(f => f is "bin" or "obj" || (f.StartsWith('.') && f is not "." and not ".."));
    }

    private void PollOnce()
    {
        string fingerprint;
        try
        {
            fingerprint = Fingerprint();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (!string.Equals(fingerprint, _fingerprint, StringComparison.Ordinal))
        {
            _fingerprint = fingerprint;
            _changed();
        }
    }

    private string Fingerprint()
    {
        var builder = new System.Text.StringBuilder();
        IEnumerable<string> projectFiles = Directory.EnumerateFiles(_root).Where(IsProjectFile);
        foreach (string path in ReloadHost.EnumerateModuleFiles(_root).Concat(projectFiles).Concat(_inputs()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                builder.Append(path).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
            }
        }

        return builder.ToString();
    }
}
