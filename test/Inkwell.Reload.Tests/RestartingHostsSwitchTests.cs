namespace Inkwell.Reload.Tests;

/// <summary>Runs alone: the switch is process-wide, and another test's reload would turn it on meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RestartingHostsSwitchCollection
{
    public const string Name = "RestartingHostsSwitch";
}

/// <summary>
/// The runner tells libraries that a stop is a restart (the <c>AppContext</c> switch <c>Inkwell.Hosting.RestartingHosts</c>,
/// read by Inkwell.Zeroconf.Hosting to hand the app's DNS-SD registrations to the next version): on while it stops the
/// program for a reload, off for the final stop.
/// </summary>
[Collection(RestartingHostsSwitchCollection.Name)]
public sealed class RestartingHostsSwitchTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Switch_IsOnWhileTheEntryStopsForAReload_AndOffWhenItStopsForGood()
    {
        using var folder = new ModuleFolder()
            .Write("Program.cs", """
                public static class Program
                {
                    public static async Task RunAsync(CancellationToken token)
                    {
                        Inkwell.Reload.Tests.EntryProbe.Started.Add("started " + Label.Text);
                        try
                        {
                            await Task.Delay(Timeout.Infinite, token);
                        }
                        finally
                        {
                            bool restarting = AppContext.TryGetSwitch("Inkwell.Hosting.RestartingHosts", out bool on) && on;
                            Inkwell.Reload.Tests.EntryProbe.Started.Add("stopped " + Label.Text + ", restarting: " + restarting);
                        }
                    }
                }
                """)
            .Write("Label.cs", "public static class Label { public const string Text = \"one\"; }");
        while (EntryProbe.Started.TryTake(out _))
        {
        }
        ReloadHost host = folder.Start();
        var runner = new EntryPointRunner(host);
        using var stop = new CancellationTokenSource();
        Task<int> running = runner.RunAsync(stop.Token);
        Assert.Equal("started one", Next());

        folder.Write("Label.cs", "public static class Label { public const string Text = \"two\"; }");
        folder.Reload();
        Assert.Equal("stopped one, restarting: True", Next());
        Assert.Equal("started two", Next());
        Assert.False(AppContext.TryGetSwitch("Inkwell.Hosting.RestartingHosts", out bool stillOn) && stillOn);

        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(s_patience, TestContext.Current.CancellationToken));
        Assert.Equal("stopped two, restarting: False", Next());
    }

    private static string Next()
    {
        Assert.True(EntryProbe.Started.TryTake(out string? line, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken));
        return line!;
    }
}
