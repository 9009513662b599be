using System.Collections.Concurrent;
using System.Diagnostics;

namespace Inkwell.Cli.Tests.Run;

/// <summary>The built inkwell.dll run through the dotnet host, with its output collected line by line.</summary>
internal sealed class InkwellProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _output = [];
    private readonly BlockingCollection<string> _error = [];
    private readonly ConcurrentQueue<string> _allErrors = new();

    private InkwellProcess(Process process) => _process = process;

    public IEnumerable<string> Errors => _allErrors;

    public static InkwellProcess Start(params string[] args) => StartWith(new Dictionary<string, string>(), args);

    /// <summary>Starts inkwell with <paramref name="environment"/> added to this process's environment.</summary>
    public static InkwellProcess StartWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        string inkwell = Path.Combine(AppContext.BaseDirectory, "inkwell.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach ((string name, string value) in environment)
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add(inkwell);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var run = new InkwellProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                run._output.Add(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                run._error.Add(e.Data);
                run._allErrors.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    public Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout) => WaitAsync(_output, match, timeout, "stdout");

    public Task<string> WaitForErrorAsync(Func<string, bool> match, TimeSpan timeout) => WaitAsync(_error, match, timeout, "stderr");

    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        await SignalAsync("INT");
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Sends a signal by name (<c>INT</c>, <c>TERM</c>) with the shell's kill, without waiting for the process.</summary>
    public async Task SignalAsync(string signal)
    {
        using Process kill = Process.Start("sh", ["-c", "kill -\"$0\" \"$1\"", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private static Task<string> WaitAsync(BlockingCollection<string> lines, Func<string, bool> match, TimeSpan timeout, string stream)
    {
        return Task.Run(() =>
        {
            var seen = new List<string>();
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < timeout)
            {
                if (lines.TryTake(out string? line, 100, TestContext.Current.CancellationToken))
                {
                    if (match(line))
                    {
                        return line;
                    }

                    seen.Add(line);
                }
            }

            throw new TimeoutException($"no matching line on {stream} within {timeout}; saw:\n{string.Join('\n', seen.TakeLast(20))}");
        });
    }
}
