using Inkwell.Zeroconf.Hosting.Internal;

namespace Inkwell.Zeroconf.Hosting.Tests;

public sealed class ServiceNameMappingTests
{
    [Theory]
    [InlineData("zoo", null, "_zoo._tcp", "_zoo._tcp")]
    [InlineData("Zoo", null, "_zoo._tcp", "_zoo._tcp")]
    [InlineData("my-api2", null, "_my-api2._tcp", "_my-api2._tcp")]
    [InlineData("zoo", "grpc", "_grpc._sub._zoo._tcp", "_zoo._tcp")]
    [InlineData("fifteen-chars-x", null, "_fifteen-chars-x._tcp", "_fifteen-chars-x._tcp")]
    public void TryMap_ServiceName_BrowsesItsType(string name, string? endpoint, string browse, string type)
    {
        Assert.True(DnsSdServiceName.TryMap(name, endpoint, new DnsSdServiceEndpointProviderOptions(), out string browseType, out string serviceType));
        Assert.Equal(browse, browseType);
        Assert.Equal(type, serviceType);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("localhost")]
    [InlineData("sixteen-chars-xx")]
    [InlineData("-zoo")]
    [InlineData("zoo-")]
    [InlineData("z--oo")]
    [InlineData("1234")]
    [InlineData("10.0.0.1")]
    public void TryMap_NotAServiceName_IsNotClaimed(string name) =>
        Assert.False(DnsSdServiceName.TryMap(name, null, new DnsSdServiceEndpointProviderOptions(), out _, out _));

    [Fact]
    public void TryMap_ConfiguredType_WinsOverTheConvention()
    {
        var options = new DnsSdServiceEndpointProviderOptions();
        options.ServiceTypes["zoo"] = "_zoo-api._tcp";
        options.ServiceTypes["api.example"] = "_api._tcp";

        Assert.True(DnsSdServiceName.TryMap("ZOO", null, options, out string browse, out _));
        Assert.Equal("_zoo-api._tcp", browse);
        Assert.True(DnsSdServiceName.TryMap("api.example", "v2", options, out browse, out string type));
        Assert.Equal("_v2._sub._api._tcp", browse);
        Assert.Equal("_api._tcp", type);
    }

    [Fact]
    public void SchemeOf_TxtScheme_DefaultsToHttp()
    {
        Assert.Equal("https", DnsSdServiceName.SchemeOf(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Scheme"] = "HTTPS" }));
        Assert.Equal("http", DnsSdServiceName.SchemeOf(new Dictionary<string, string?>()));
        Assert.Equal("http", DnsSdServiceName.SchemeOf(new Dictionary<string, string?> { ["scheme"] = null }));
    }
}
