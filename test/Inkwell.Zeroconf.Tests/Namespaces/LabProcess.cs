using System.Diagnostics;

namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>A process running in a lab namespace (through <c>ip netns exec</c>), with its output collected line by line.</summary>
internal sealed class LabProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<string> _errors = [];

    public LabProcess(LabHost host, string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (string argument in (string[])["netns", "exec", host.Namespace, fileName, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Add(_lines, e.Data);
        _process.ErrorDataReceived += (_, e) => Add(_errors, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return string.Join('\n', _errors);
            }
        }
    }

    /// <summary>Waits (in real time, generously) for a line on standard output (or also standard error) matching <paramref name="match"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, bool includeErrors = false)
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < end)
        {
            string? line = Lines.FirstOrDefault(match) ?? (includeErrors ? Errors.Split('\n').FirstOrDefault(match) : null);
            if (line is not null)
            {
                return line;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No matching line within {timeout}. Output:\n{string.Join('\n', Lines)}\nErrors:\n{Errors}");
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // flush the output readers
        return _process.ExitCode;
    }

    /// <summary>
    /// Sends SIGINT, as Ctrl+C would. <c>ip netns exec</c> execs the program, so the process started is the program
    /// itself (for <c>dotnet inkwell.dll</c>, the dotnet host running the CLI).
    /// </summary>
    public void Interrupt()
    {
        using Process kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
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
        }
        _process.Dispose();
    }

    private static void Add(List<string> list, string? line)
    {
        if (line is not null)
        {
            lock (list)
            {
                list.Add(line);
            }
        }
    }
}
