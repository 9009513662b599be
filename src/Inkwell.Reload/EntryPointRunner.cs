using System.Threading.Channels;
using Inkwell.Reload.Internal;
using Inkwell.Reload.Internal.Running;
using Microsoft.Extensions.Logging;

namespace Inkwell.Reload;

/// <summary>
/// Runs a program made of modules: finds its entry point (<c>static Main()</c>, <c>Main(string[])</c>,
/// <c>Task Main(…)</c> or <c>Task RunAsync(CancellationToken)</c> in exactly one module, or in a named type),
/// runs it on its own thread, and whenever a reload replaces the entry's module (itself or through something
/// it uses) cancels it, waits a bounded time for it to return, and starts the new version. <c>[Preserve]</c>
/// state has been carried over by then. A <c>Main</c> cannot be cancelled and should return promptly; a long
/// loop belongs in <c>RunAsync</c>, which gets the token. A program that builds a <c>Microsoft.Extensions.Hosting</c>
/// host (a web app's <c>app.Run()</c>, a worker) is stopped through the host's <c>IHostApplicationLifetime</c>: requests
/// in flight finish on the old version, and the new version starts its host on the same address, accepting from the
/// listening sockets the first version opened (see <see cref="KeepListeningSockets"/>).
/// It logs through the host's <see cref="ReloadHostOptions.LoggerFactory"/> (event ids 6xx): restarts, the entry's exit
/// or failure, an entry that cannot be found or does not stop.
/// </summary>
public sealed class EntryPointRunner
{
    /// <summary>The <see cref="AppContext"/> switch that is on while the runner stops a program's hosts to start its next
    /// version (the name Inkwell.Zeroconf.Hosting's <c>ZeroconfHandover.RestartingHostsSwitch</c> reads; a shared name, not a
    /// reference, so neither library depends on the other).</summary>
    private const string RestartingHostsSwitch = "Inkwell.Hosting.RestartingHosts";

    private readonly ReloadHost _host;
    private readonly string? _entryType;
    private readonly string[] _args;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task<int>? _running;
    private string? _module;
    private CancellationTokenSource? _stop;
    private EntryHosts? _hosts;
    private bool _stoppedForReload;

    /// <summary>Creates a runner over a started host.</summary>
    /// <param name="host">The host whose modules hold the program.</param>
    /// <param name="entryType">The type holding the entry point (full or simple name), or null to find the only one.</param>
    /// <param name="args">What <c>Main(string[])</c> receives.</param>
    public EntryPointRunner(ReloadHost host, string? entryType = null, IReadOnlyList<string>? args = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
        _entryType = entryType;
        _args = [.. args ?? []];
        _logger = host.Logger;
    }

    /// <summary>How long a cancelled entry may take to return before the new version starts anyway. Default 5 s.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether a web app's listening sockets stay open across reloads (default true): each version still builds
    /// its own host and Kestrel, but Kestrel accepts from the sockets the first version opened, so a client connecting
    /// while a reload swaps the versions waits for the new one instead of being refused. False closes and reopens them
    /// with every version, as the app would on its own.</summary>
    public bool KeepListeningSockets { get; init; } = true;

    /// <summary>Runs (and restarts) the program until <paramref name="cancellationToken"/> is cancelled, then stops it.</summary>
    /// <returns>The last exit code of the program (0 if it never finished).</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var reloads = Channel.CreateUnbounded<ReloadResult>();
        void OnReloaded(object? sender, ReloadedEventArgs e) => reloads.Writer.TryWrite(e.Result);
        _host.Reloading += OnReloading;
        _host.Reloaded += OnReloaded;
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using CancellationTokenRegistration registration = cancellationToken.Register(() => stopRequested.TrySetResult());
        Task never = new TaskCompletionSource().Task;
        Task<bool>? next = null;
        int exitCode = 0;
        ListenerKeeper? keeper = KeepListeningSockets ? new ListenerKeeper() : null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                long entryStarted = _host.TimeProvider.GetTimestamp();
                var hosts = new EntryHosts(keeper, () => Log.HostStarted(_logger, _host.TimeProvider.GetElapsedTime(entryStarted).TotalMilliseconds, keeper?.Reused ?? 0));
                (Task<int>? running, string? module) = _host.Generation > 0 ? Start(stop.Token, hosts) : (null, null);
                lock (_gate)
                {
                    (_running, _module, _stop, _hosts, _stoppedForReload) = (running, module, stop, hosts, false);
                }

                // Wait until the program finishes, something it is made of reloads, or we are asked to stop.
                bool restart = false;
                while (!restart && !cancellationToken.IsCancellationRequested)
                {
                    next ??= reloads.Reader.WaitToReadAsync(CancellationToken.None).AsTask();
                    Task finished = await Task.WhenAny(next, running ?? never, stopRequested.Task).ConfigureAwait(false);
                    if (finished == stopRequested.Task)
                    {
                        break;
                    }

                    if (running is not null && finished == running)
                    {
                        if (cancellationToken.IsCancellationRequested)
                        {
                            break; // stopped by our own cancellation, not finished by itself
                        }

                        // Stopped by OnReloading: wait for the reload's outcome, then start again.
                        if (!StoppedForReload())
                        {
                            exitCode = Report(running);
                            module = null;
                        }

                        running = null;
                        continue;
                    }

                    next = null;
                    while (reloads.Reader.TryRead(out ReloadResult? result))
                    {
                        // A reload that stopped the entry and then rolled back restarts the old version.
                        restart |= StoppedForReload()
                            || (result.Succeeded && (module is null || result.Reloaded.Contains(module) || result.Removed.Contains(module)));
                    }
                }

                lock (_gate)
                {
                    (_running, _module, _stop, _hosts) = (null, null, null, null);
                }

                if (running is not null)
                {
                    await stop.CancelAsync().ConfigureAwait(false);
                    hosts.StopAll();
                    Task done = await Task.WhenAny(running, Task.Delay(StopTimeout, _host.TimeProvider, CancellationToken.None)).ConfigureAwait(false);
                    if (done != running)
                    {
                        Log.EntryNotStopped(_logger, StopTimeout.TotalSeconds);
                    }
                    else if (running.IsFaulted)
                    {
                        exitCode = Report(running);
                    }

                    running = null;
                }

                // Nothing here references the old entry's task any more: the old version may now be checked.
                _host.ReleaseUnloadVerification();

                if (restart && !cancellationToken.IsCancellationRequested)
                {
                    Log.EntryRestarting(_logger);
                }
            }
        }
        finally
        {
            _host.Reloaded -= OnReloaded;
            _host.Reloading -= OnReloading;
            _host.ReleaseUnloadVerification();
            if (keeper is not null)
            {
                await keeper.DisposeAsync().ConfigureAwait(false); // the last version's Kestrel has stopped
            }
        }

        return exitCode;
    }

    /// <summary>Stops the entry before the host copies state from the old version it runs in, so the copy sees a
    /// program at rest (no collection changing while it is copied, no update made after the copy and lost).</summary>
    private void OnReloading(object? sender, ReloadingEventArgs e)
    {
        Task<int>? running;
        CancellationTokenSource? stop;
        EntryHosts? hosts;
        lock (_gate)
        {
            if (_running is null || _running.IsCompleted || _module is null || !e.Modules.Contains(_module))
            {
                return;
            }

            (running, stop, hosts, _stoppedForReload) = (_running, _stop, _hosts, true);
        }

        _host.HoldUnloadVerification();

        try
        {
            long stopping = _host.TimeProvider.GetTimestamp();
            // Tells libraries holding process-wide resources for the host that a new version follows (Inkwell.Zeroconf.Hosting
            // keeps the app's DNS-SD registrations for it instead of saying goodbye); only this stop, not the final one.
            AppContext.SetSwitch(RestartingHostsSwitch, true);
            stop!.Cancel();
            hosts?.StopAll(); // a web app's app.Run() returns once its host has stopped
            if (!running.Wait(StopTimeout))
            {
                Log.EntryNotStoppedForReload(_logger, StopTimeout.TotalSeconds);
            }
            else
            {
                Log.EntryStopped(_logger, _host.TimeProvider.GetElapsedTime(stopping).TotalMilliseconds);
            }
        }
        catch (AggregateException)
        {
            // It failed while stopping; the run loop reports that.
        }
        catch (ObjectDisposedException)
        {
            // The run loop moved on (the program is being stopped) at the same moment.
        }
        finally
        {
            AppContext.SetSwitch(RestartingHostsSwitch, false);
        }
    }

    private bool StoppedForReload()
    {
        lock (_gate)
        {
            return _stoppedForReload;
        }
    }

    private (Task<int>? Running, string? Module) Start(CancellationToken stop, EntryHosts hosts)
    {
        EntryPoint? entry = EntryPoint.Find(_host, _entryType, out string? problem);
        if (entry is null)
        {
            Log.NoEntryPoint(_logger, problem!);
            return (null, null);
        }

        var completion = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        string module = entry.Module;
        var thread = new Thread(() =>
        {
            try
            {
                HostStopper.Attach(hosts);
                completion.TrySetResult(entry.Invoke(_args, stop));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                completion.TrySetResult(0);
            }
            catch (Exception exception)
            {
                completion.TrySetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = $"inkwell entry {entry.Name}",
        };
        thread.Start();
        return (completion.Task, module);
    }

    private int Report(Task<int> finished)
    {
        if (finished.IsFaulted)
        {
            // As text: the exception object would keep this version of the program alive.
            Log.EntryFailed(_logger, finished.Exception!.InnerException!.ToString());
            Log.WaitingForChanges(_logger);
            return 1;
        }

        Log.EntryReturned(_logger, finished.Result);
        return finished.Result;
    }
}
