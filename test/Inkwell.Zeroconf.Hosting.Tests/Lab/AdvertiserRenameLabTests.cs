using System.Globalization;
using System.Text.Json;

namespace Inkwell.Zeroconf.Hosting.Tests.Lab;

/// <summary>
/// The ASP.NET Core advertiser renamed after it announced (RFC 6762 §9, <see cref="ServiceRegistration.NameChanged"/>): the
/// ZooServer sample (a real Kestrel on host A's lab address, the embedded backend) holds its name until python-zeroconf on host
/// B claims it without probing or yielding (a responder that ignores conflicts). The advertiser must log the rename, raise
/// <c>DnsSdAdvertisement.Renamed</c> and <c>Changed</c> with the new name among the endpoints, and the service must go on under
/// the new name on the same port: python-zeroconf resolves it there, and the app answers HTTP with the name it has now.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class AdvertiserRenameLabTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PeerClaimsTheNameAfterTheAnnouncement_AdvertiserLogsAndRaisesTheRename_AndTheServiceGoesOnUnderTheNewName()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        PythonZeroconfPeer.Require();
        await using ZooLab lab = await ZooLab.CreateAsync(grpc: false, avahi: false, ct);
        TestProcess server = lab.StartServer("zoo-late", "zoo-host-1");
        string registered = await server.WaitForLineAsync(l => l.StartsWith("registered ", StringComparison.Ordinal), s_patience, ct);
        Assert.StartsWith("registered zoo-late http:", registered, StringComparison.Ordinal);
        int port = int.Parse(registered[(registered.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

        using TestProcess claimer = PythonZeroconfPeer.Claim(lab.ClientHost, "zoo-late", "_zoo._tcp", 4343);

        // The sample prints DnsSdAdvertisement.Renamed, and on Changed the endpoints as they stand; the warning is the advertiser's.
        await server.WaitForLineAsync(l => l == "renamed zoo-late -> zoo-late (2)", s_patience, ct);
        await server.WaitForLineAsync(l => l == $"registered zoo-late (2) http:{port}", s_patience, ct);
        await server.WaitForLineAsync(l => l.Contains("DNS-SD: a conflict renamed zoo-late (_zoo._tcp) to zoo-late (2)", StringComparison.Ordinal), s_patience, ct);

        // The registration goes on under its new name, on the server's port and address; the app answers with that name.
        using TestProcess browser = PythonZeroconfPeer.Browse(lab.ClientHost, "_zoo._tcp");
        string line = await browser.WaitForOutputLineAsync(l => PythonZeroconfPeer.IsEvent(l, "resolved", "zoo-late (2)._zoo._tcp.local."), s_patience, ct);
        JsonElement resolved = JsonDocument.Parse(line).RootElement;
        Assert.Equal(port, resolved.GetProperty("port").GetInt32());
        Assert.Contains(resolved.GetProperty("addresses").EnumerateArray(), a => a.GetString() == lab.ServerHost.Address);
        string answer = await lab.ClientHost.RunForOutputAsync(DebianPython.Interpreter, DebianPython.Arguments(
            ["-c", $"import urllib.request; print(urllib.request.urlopen('http://{lab.ServerHost.Address}:{port}/', timeout=30).read().decode())"]), s_patience, ct);
        Assert.Equal("zoo-late (2)", answer.Trim());
        Assert.DoesNotContain("could not announce", server.Output, StringComparison.Ordinal);
    }
}
