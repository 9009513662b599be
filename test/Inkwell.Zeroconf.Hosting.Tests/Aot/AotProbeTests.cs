using System.Globalization;
using Inkwell.Zeroconf.Hosting.Tests.Support;

namespace Inkwell.Zeroconf.Hosting.Tests.Aot;

/// <summary>
/// Native AOT for small devices: publishes <c>bench/Inkwell.Zeroconf.AotProbe</c> (registers one service and browses) with
/// <c>PublishAot</c>, which fails on any trim or AOT warning being reported as such here, then runs it on both lab hosts: each
/// sees both services, and each process stays within 20 MiB of resident memory: small
/// devices are a target (docs/zeroconf.md, "Trimming and Native AOT").
/// </summary>
[Collection(Lab.LabCollection.Name)]
public sealed class AotProbeTests
{
    private const long RssLimitKiB = 20 * 1024;

    [Fact]
    public async Task AotProbe_PublishedWithoutWarnings_RegistersAndBrowsesInTheLab_InLittleMemory()
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        if (LabRequirements.Find("clang") is null)
        {
            Assert.Skip("Native AOT publishing needs clang (Debian: apt-get install clang zlib1g-dev).");
        }
        await using NetnsLab lab = await NetnsLab.CreateWithBusesAsync(cancellationToken);
        string output = Directory.CreateTempSubdirectory("inkwell-aot-probe-").FullName;
        try
        {
            string log = (await ProcessRun.RunAsync(
                InkwellTool.Dotnet,
                ["publish", Path.Combine(Repository.Root, "bench", "Inkwell.Zeroconf.AotProbe"), "-c", "Release", "-r", "linux-x64", "-o", output],
                timeout: TimeSpan.FromMinutes(9), cancellationToken: cancellationToken)).EnsureSuccess();
            string[] warnings = [.. log.Split('\n').Where(l => l.Contains("warning IL", StringComparison.Ordinal))];
            Assert.True(warnings.Length == 0, "trim/AOT warnings:\n" + string.Join('\n', warnings));
            string probe = Path.Combine(output, "Inkwell.Zeroconf.AotProbe");
            Assert.True(File.Exists(probe), log);

            using TestProcess a = lab.A.Start(probe, [lab.A.Interface, "aot-a", "probe-a", "_zoo._tcp", "7000"]);
            using TestProcess b = lab.B.Start(probe, [lab.B.Interface, "aot-b", "probe-b", "_zoo._tcp", "7001"]);
            foreach (TestProcess process in (TestProcess[])[a, b])
            {
                foreach (string line in (string[])["added probe-a", "added probe-b"])
                {
                    await process.WaitForLineAsync(l => l == line, TimeSpan.FromSeconds(20), cancellationToken);
                }
            }
            long rssA = ResidentKiB(a.Id), rssB = ResidentKiB(b.Id);
            TestContext.Current.TestOutputHelper?.WriteLine($"AOT probe RSS while registered and browsing: {rssA} KiB (host A), {rssB} KiB (host B)");
            Assert.InRange(rssA, 1, RssLimitKiB);
            Assert.InRange(rssB, 1, RssLimitKiB);

            await a.StopAsync(TimeSpan.FromSeconds(10));
            await b.WaitForLineAsync(l => l == "removed probe-a", TimeSpan.FromSeconds(10), cancellationToken);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>VmRSS of a process, from /proc (the lab starts programs through <c>ip netns exec</c>, which execs them: same pid).</summary>
    private static long ResidentKiB(int pid)
    {
        string line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
