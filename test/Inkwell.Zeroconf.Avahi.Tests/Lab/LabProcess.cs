using System.Diagnostics;
using System.Text;

namespace Inkwell.Zeroconf.Avahi.Tests.Lab;

/// <summary>Runs the lab's commands (ip, dbus-daemon, avahi-*) and stops the ones it started, by pid.</summary>
internal sealed class LabProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LabProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Raised for each line the process writes.</summary>
    public event Action<string>? Line;

    public static LabProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        if (environment is not null)
        {
            foreach ((string key, string value) in environment)
            {
                info.Environment[key] = value;
            }
        }
        var process = new Process { StartInfo = info };
        var lab = new LabProcess(process);
        process.OutputDataReceived += (_, e) => lab.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => lab.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return lab;
    }

    /// <summary>Runs a command to completion; throws with its output when it fails.</summary>
    public static async Task<string> RunAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using LabProcess process = Start(fileName, arguments, environment);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process._process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"{fileName} {string.Join(' ', process._process.StartInfo.ArgumentList)} did not finish: {process.Output}");
        }
        if (process._process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', process._process.StartInfo.ArgumentList)} exited with {process._process.ExitCode}: {process.Output}");
        }
        return process.Output;
    }

    /// <summary>
    /// Runs a command for at most <paramref name="timeout"/> and returns what it printed, whether it finished or had to be
    /// killed (an oracle that printed the answer but is still waiting for something else has answered).
    /// </summary>
    public static async Task<string> RunForOutputAsync(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using LabProcess process = Start(fileName, arguments, environment);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process._process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill();
        }
        return process.Output;
    }

    /// <summary>Waits until a line satisfies <paramref name="predicate"/> (lines already written count).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string line)
        {
            if (predicate(line))
            {
                found.TrySetResult(line);
            }
        }
        Line += OnLine;
        try
        {
            foreach (string line in Output.Split('\n'))
            {
                OnLine(line);
            }
            try
            {
                return await found.Task.WaitAsync(timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{_process.StartInfo.FileName} did not print the expected line within {timeout}; it printed: {Output}");
            }
        }
        finally
        {
            Line -= OnLine;
        }
    }

    /// <summary>Asks the process to stop (SIGTERM) and waits; kills it if it does not stop in time.</summary>
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

    /// <summary>Sends the process a signal by name (<c>INT</c>, <c>TERM</c>, …), as <c>kill -NAME pid</c> does.</summary>
    public async Task SignalAsync(string signal)
    {
        // The shell's builtin kill: a minimal Debian has no /bin/kill (procps).
        using Process kill = Process.Start("sh", ["-c", "kill -\"$0\" \"$1\"", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the process to exit and returns its exit status (128 + the signal's number when a signal ended it).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{_process.StartInfo.FileName} did not exit within {timeout}; it printed: {Output}");
        }
        _process.WaitForExit(); // the last lines of output
        return _process.ExitCode;
    }

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
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
        Line?.Invoke(line);
    }
}
