using System.Diagnostics;
using System.Globalization;

namespace Inkwell.Testing;

/// <summary>
/// A program a test starts and talks to while it runs (inkwell, avahi-daemon, dbus-daemon, named, a python peer…), with
/// its standard output and standard error collected line by line. Waits are on the lines themselves, never on a fixed
/// sleep; a wait fails at once when the program has exited without printing the line. Disposing kills the program (and
/// its children) if it still runs.
/// </summary>
internal sealed class TestProcess : IDisposable, IAsyncDisposable
{
    private readonly Process _process;
    private readonly object _gate = new();
    private readonly List<(string Text, bool IsError)> _lines = [];
    private int _outputRead;
    private int _errorRead;
    private int _openStreams = 2;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    private TestProcess(Process process) => _process = process;

    /// <summary>The process id (for <c>ip netns exec</c>, the program's own: it execs the program).</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The command as started, for failure messages.</summary>
    public string CommandLine => ProcessRun.CommandLine(_process.StartInfo);

    /// <summary>The lines the program wrote to standard output so far.</summary>
    public IReadOnlyList<string> Lines => Snapshot(error: false);

    /// <summary>The lines the program wrote to standard error so far.</summary>
    public IReadOnlyList<string> ErrorLines => Snapshot(error: true);

    /// <summary>Standard error so far, one line after another.</summary>
    public string Errors => string.Join('\n', ErrorLines);

    /// <summary>Everything the program wrote so far, both streams interleaved as they arrived, each line ending in a newline.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Concat(_lines.Select(l => l.Text + "\n"));
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="environment"/> added to the test's own.</summary>
    public static TestProcess Start(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var process = new Process { StartInfo = ProcessRun.StartInfo(fileName, arguments, workingDirectory, environment, redirectInput: true) };
        var started = new TestProcess(process);
        process.OutputDataReceived += (_, e) => started.Add(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => started.Add(e.Data, isError: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Waits for a line (standard output or standard error, already written or to come) that matches.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(match, stream: null, consume: false, timeout, cancellationToken);

    /// <summary>Waits for a line on standard output (already written or to come) that matches.</summary>
    public Task<string> WaitForOutputLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(match, stream: false, consume: false, timeout, cancellationToken);

    /// <summary>Waits for a line on standard error (already written or to come) that matches.</summary>
    public Task<string> WaitForErrorLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(match, stream: true, consume: false, timeout, cancellationToken);

    /// <summary>
    /// Reads standard output on from where the last read stopped, up to and including the next line that matches: a test
    /// that follows a program's story (first output, reload, output again) sees each step after the one before.
    /// </summary>
    public Task<string> ReadOutputLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(match, stream: false, consume: true, timeout, cancellationToken);

    /// <summary>Reads standard error on from where the last read stopped, up to and including the next line that matches.</summary>
    public Task<string> ReadErrorLineAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitAsync(match, stream: true, consume: true, timeout, cancellationToken);

    /// <summary>Sends the program a signal by name (<c>INT</c>, <c>TERM</c>, …) without waiting for it to act.</summary>
    public async Task SignalAsync(string signal)
    {
        // The shell's builtin kill: a minimal Debian has no /bin/kill (procps).
        using Process kill = Process.Start("sh", ["-c", "kill -\"$0\" \"$1\"", signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Sends SIGINT, as Ctrl+C would, and waits for the program to exit; returns its exit status.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await SignalAsync("INT");
        return await WaitForExitAsync(timeout, cancellationToken);
    }

    /// <summary>Asks the program to stop (SIGTERM) and waits; kills it when it does not stop in time.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }
        await SignalAsync("TERM");
        try
        {
            await WaitForExitAsync(timeout, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            Kill();
        }
    }

    /// <summary>
    /// Waits for the program to exit and for the last of its output, and returns its exit status (128 + the signal's
    /// number when a signal ended it); throws <see cref="TimeoutException"/> with its output when it does not exit in time.
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{CommandLine} did not exit within {timeout}; it printed:\n{Output}");
        }
        _process.WaitForExit(); // the last lines of output
        return _process.ExitCode;
    }

    /// <summary>Kills the program and its children if it still runs.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        Kill();
        _process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string> WaitAsync(Func<string, bool> match, bool? stream, bool consume, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        int next = 0;
        while (true)
        {
            Task changed;
            bool ended;
            lock (_gate)
            {
                int start = consume ? (stream == true ? _errorRead : _outputRead) : 0;
                int seen = 0;
                for (; next < _lines.Count; next++)
                {
                    (string text, bool isError) = _lines[next];
                    if (stream is { } wanted && isError != wanted)
                    {
                        continue;
                    }
                    if (seen++ < start)
                    {
                        continue;
                    }
                    if (match(text))
                    {
                        if (consume)
                        {
                            SetRead(stream == true, seen);
                        }
                        return text;
                    }
                }
                if (consume)
                {
                    SetRead(stream == true, seen);
                    next = 0; // recount from the start: the read position moved
                }
                changed = _changed.Task;
                ended = _openStreams == 0;
            }
            if (ended)
            {
                throw new InvalidOperationException($"{CommandLine} ended without printing the expected line; it printed:\n{Output}");
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{CommandLine} did not print the expected line within {timeout}; it printed:\n{Output}");
            }
        }
    }

    private void SetRead(bool error, int count)
    {
        if (error)
        {
            _errorRead = count;
        }
        else
        {
            _outputRead = count;
        }
    }

    private IReadOnlyList<string> Snapshot(bool error)
    {
        lock (_gate)
        {
            return [.. _lines.Where(l => l.IsError == error).Select(l => l.Text)];
        }
    }

    private void Add(string? line, bool isError)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (line is null)
            {
                _openStreams--; // end of this stream
            }
            else
            {
                _lines.Add((line, isError));
            }
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
