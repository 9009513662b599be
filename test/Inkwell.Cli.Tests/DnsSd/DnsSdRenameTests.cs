using System.Text.Json;

namespace Inkwell.Cli.Tests.DnsSd;

/// <summary>
/// <c>inkwell dns-sd -R</c> renamed by a conflict after registration (RFC 6762 §9): host B's python-zeroconf announces the
/// same instance name without probing and without yielding it, so the embedded responder on host A probes again, loses,
/// and must print the new name, as Apple's dns-sd does, with the name it had before in <c>--json</c>.
/// </summary>
public sealed class DnsSdRenameTests
{
    private const string Type = "_late._tcp";

    private static readonly TimeSpan s_generous = TimeSpan.FromSeconds(60);

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    private static bool IsRegistered(string line) => line.StartsWith('{') && Json(line).GetProperty("event").GetString() == "registered";

    [Fact(Timeout = 180_000)]
    public async Task Register_PeerClaimsTheNameLater_PrintsTheNewNameAndThePreviousOne()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        PythonZeroconfPeer.Require();
        await using NetnsLab lab = await NetnsLab.CreateAsync(ct);
        using TestProcess inkwell = lab.A.StartInkwell("dns-sd", "--backend", "embedded", "--interface", LabHost.InterfaceName, "--json", "-R", "Contested", Type, ".", "4242");
        JsonElement first = Json(await inkwell.ReadOutputLineAsync(IsRegistered, s_generous, ct));
        Assert.Equal("Contested", first.GetProperty("name").GetString());
        Assert.False(first.TryGetProperty("previousName", out _));

        using TestProcess claimer = PythonZeroconfPeer.Claim(lab.B, "Contested", Type, 4343);

        JsonElement renamed = Json(await inkwell.ReadOutputLineAsync(IsRegistered, s_generous, ct));
        Assert.Equal("Contested (2)", renamed.GetProperty("name").GetString());
        Assert.Equal("Contested", renamed.GetProperty("previousName").GetString());
        Assert.Equal(Type, renamed.GetProperty("type").GetString());
        Assert.Equal(4242, renamed.GetProperty("port").GetInt32());
    }
}
