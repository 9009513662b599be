using System.Text;
using Inkwell.Zeroconf.AspNetCore.Internal;

namespace Inkwell.Zeroconf.Hosting.Tests;

public sealed class ServerEndpointsTests
{
    [Fact]
    public void From_WildcardsOfBothFamilies_OneEndpointPerSchemeAndPort()
    {
        var endpoints = ServerEndpoints.From(["http://[::]:41234", "http://0.0.0.0:41234", "https://[::]:41235"], "Zoo", includeLoopback: false);

        Assert.Equal([new("http", 41234, "Zoo"), new("https", 41235, "Zoo [https]")], endpoints);
    }

    [Fact]
    public void From_LoopbackAndUnixSockets_AreSkippedWithAReason()
    {
        var skipped = new List<string>();
        var endpoints = ServerEndpoints.From(["http://127.0.0.1:5000", "http://[::1]:5000", "http://localhost:5002", "http://unix:/tmp/kestrel.sock", "http://10.1.2.3:5003"],
            "Zoo", includeLoopback: false, (address, _) => skipped.Add(address));

        Assert.Equal([new("http", 5003, "Zoo")], endpoints);
        Assert.Equal(4, skipped.Count);
    }

    [Fact]
    public void From_LoopbackIncluded_WhenAskedFor() =>
        Assert.Equal([new("http", 5000, "Zoo")], ServerEndpoints.From(["http://127.0.0.1:5000"], "Zoo", includeLoopback: true));

    [Fact]
    public void From_SecondPortOfAScheme_IsNumbered() =>
        Assert.Equal(["Zoo", "Zoo [http 2]", "Zoo [https]"],
            ServerEndpoints.From(["http://*:1", "http://*:2", "https://*:3"], "Zoo", includeLoopback: false).Select(e => e.InstanceName));

    [Fact]
    public void DefaultInstanceName_AppOnMachine() =>
        Assert.Equal("ZooServer on host-a", ServerEndpoints.DefaultInstanceName("ZooServer", "host-a"));

    [Fact]
    public void From_LongName_StaysWithin63BytesWithItsSuffix()
    {
        string name = new('é', 40); // 80 bytes of UTF-8
        var endpoints = ServerEndpoints.From(["http://*:1", "https://*:2"], name, includeLoopback: false);

        Assert.All(endpoints, e => Assert.True(Encoding.UTF8.GetByteCount(e.InstanceName) <= 63, e.InstanceName));
        Assert.EndsWith(" [https]", endpoints[1].InstanceName, StringComparison.Ordinal);
    }
}
