namespace Inkwell.Testing.Avahi;

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
            last = await BrowseOnceAsync(host, type, cancellationToken);
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
            last = await BrowseOnceAsync(host, type, cancellationToken);
            if (!AvahiBrowseLine.ParseResolved(last).Any(predicate))
            {
                return;
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"avahi-browse -rpt {type} on {host.Namespace} still shows the service; last output:\n{last}");
    }

    /// <summary>
    /// One <c>avahi-browse -rpt</c>: it exits after ALL_FOR_NOW once its resolvers are done, and a resolver for an instance
    /// that vanished meanwhile (a daemon restarting) can keep it waiting past any sensible time; what it printed by then
    /// is the answer of this round.
    /// </summary>
    private static Task<string> BrowseOnceAsync(LabHost host, string type, CancellationToken cancellationToken)
        => host.RunForOutputAsync("avahi-browse", ["-rpt", type], TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>Starts <c>avahi-publish -s NAME TYPE PORT TXT…</c> on the host and waits until Avahi established it.</summary>
    public static async Task<TestProcess> PublishAsync(
        LabHost host, string name, string type, int port, IEnumerable<string> txt, CancellationToken cancellationToken)
    {
        TestProcess publish = host.Start("avahi-publish", ["-s", name, type, port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. txt]);
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
