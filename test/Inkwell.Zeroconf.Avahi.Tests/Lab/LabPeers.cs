namespace Inkwell.Zeroconf.Avahi.Tests.Lab;

/// <summary>Avahi's own command-line clients as oracles, run inside a lab host against its daemon.</summary>
internal static class LabPeers
{
    /// <summary>
    /// Runs <c>avahi-browse -rpt TYPE</c> until a resolved line satisfies <paramref name="predicate"/> (a daemon that
    /// has just started may not have heard the announcement yet), and returns that line.
    /// </summary>
    public static async Task<AvahiBrowseLine> BrowseUntilAsync(
        LabHost host, string type, Func<AvahiBrowseLine, bool> predicate, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await host.RunAsync("avahi-browse", ["-rpt", type], TimeSpan.FromSeconds(20), cancellationToken);
            AvahiBrowseLine? match = AvahiBrowseLine.ParseResolved(last).FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"avahi-browse -rpt {type} on {host.Namespace} never showed the expected service; last output:\n{last}\navahi-daemon log:\n{host.AvahiLog}");
    }

    /// <summary>Runs <c>avahi-browse -rpt TYPE</c> until no resolved line satisfies <paramref name="predicate"/>.</summary>
    public static async Task BrowseUntilGoneAsync(
        LabHost host, string type, Func<AvahiBrowseLine, bool> predicate, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await host.RunAsync("avahi-browse", ["-rpt", type], TimeSpan.FromSeconds(20), cancellationToken);
            if (!AvahiBrowseLine.ParseResolved(last).Any(predicate))
            {
                return;
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"avahi-browse -rpt {type} on {host.Namespace} still shows the service; last output:\n{last}");
    }

    /// <summary>Starts <c>avahi-publish -s NAME TYPE PORT TXT…</c> on the host and waits until Avahi established it.</summary>
    public static async Task<LabProcess> PublishAsync(
        LabHost host, string name, string type, int port, IEnumerable<string> txt, CancellationToken cancellationToken)
    {
        LabProcess publish = host.Start("avahi-publish", ["-s", name, type, port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. txt]);
        try
        {
            await publish.WaitForLineAsync(line => line.StartsWith("Established under name", StringComparison.Ordinal), TimeSpan.FromSeconds(20), cancellationToken);
            return publish;
        }
        catch
        {
            publish.Dispose();
            throw;
        }
    }
}
