using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Inkwell.Reload;

namespace Inkwell.Benchmarks.Reload;

/// <summary>
/// Edit → effect: the time from saving a module file to the new code's effect being observed through the host,
/// with file-system events and the default 50 ms debounce (what a user of <c>inkwell run</c> waits for). One
/// invocation per iteration is one edit; 60 iterations give the median and p95 over 60 edits.
///   dotnet run -c Release --project bench/Inkwell.Benchmarks -- --filter '*ReloadLatency*'
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 5, iterationCount: 60, invocationCount: 1)]
[Config(typeof(PercentilesConfig))]
public class ReloadLatencyBenchmarks : IDisposable
{
    private sealed class PercentilesConfig : ManualConfig
    {
        public PercentilesConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
    }

    private string _root = "";
    private ReloadHost? _host;
    private SemaphoreSlim _reloaded = new(0);
    private int _edit;

    /// <summary>0: a lone module; 10: a module with a chain of 10 transitive dependents.</summary>
    [Params(0, 10)]
    public int Dependents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "inkwell-reload-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "Base.cs"), Base(0));
        for (int i = 1; i <= Dependents; i++)
        {
            string used = i == 1 ? "Base" : $"D{i - 1}";
            File.WriteAllText(Path.Combine(_root, $"D{i}.cs"), $"public static class D{i} {{ public static int Value() => {used}.Value() + 1; }}");
        }

        _host = new ReloadHost(new ReloadHostOptions { RootDirectory = _root, Watch = WatchMode.Events, ApplyInBackground = true });
        _host.Reloaded += (_, _) => _reloaded.Release();
        if (!_host.Start().Succeeded)
        {
            throw new InvalidOperationException("the benchmark's modules do not compile");
        }
    }

    [Benchmark]
    public int EditToEffect()
    {
        int value = ++_edit;
        File.WriteAllText(Path.Combine(_root, "Base.cs"), Base(value));
        string observed = Dependents == 0 ? "Base" : $"D{Dependents}";
        int expected = value + Dependents;
        while (true)
        {
            if (!_reloaded.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("no reload within 30 s");
            }

            if ((int)_host!.FindType(observed)!.GetMethod("Value")!.Invoke(null, null)! == expected)
            {
                return expected;
            }
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _host?.Dispose();
        _reloaded.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    private static string Base(int value) => $"public static class Base {{ public static int Value() => {value}; }}";
}
