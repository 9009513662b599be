using Inkwell.Zeroconf.AspNetCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inkwell.Zeroconf.Hosting.Tests;

public sealed class AdvertisementStateTests
{
    private static Task<HealthCheckResult> Check(DnsSdAdvertisement state) =>
        new DnsSdAdvertisementHealthCheck(state).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

    [Fact]
    public async Task HealthCheck_FollowsTheAdvertisement()
    {
        var state = new DnsSdAdvertisement();
        Assert.Equal(HealthStatus.Degraded, (await Check(state)).Status);

        state.SetStatus("_zoo._tcp", DnsSdAdvertisementStatus.Registering);
        Assert.Equal(HealthStatus.Degraded, (await Check(state)).Status);

        state.Add(new AdvertisedEndpoint("_zoo._tcp", "http", 5000, "zoo", "zoo"));
        state.SetStatus("_zoo._tcp", DnsSdAdvertisementStatus.Registered);
        HealthCheckResult healthy = await Check(state);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal("zoo", healthy.Data["_zoo._tcp http:5000"]);

        state.SetStatus("_zoo._tcp", DnsSdAdvertisementStatus.Withdrawn);
        Assert.Equal(HealthStatus.Degraded, (await Check(state)).Status);
        Assert.Empty(state.Endpoints);
    }

    [Fact]
    public async Task HealthCheck_FailedAdvertisement_IsUnhealthyWithTheReason()
    {
        var state = new DnsSdAdvertisement();
        state.SetStatus("_zoo._tcp", DnsSdAdvertisementStatus.Registered);
        state.SetStatus("_zoo-api._tcp", DnsSdAdvertisementStatus.Failed, "the server bound no address other hosts can reach");

        HealthCheckResult result = await Check(state);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("no address other hosts can reach", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rename_UpdatesTheEndpoint_RaisesRenamed_AndShowsInTheHealthCheck()
    {
        var state = new DnsSdAdvertisement();
        var endpoint = new AdvertisedEndpoint("_zoo._tcp", "http", 5000, "zoo", "zoo");
        state.Add(endpoint);
        state.SetStatus("_zoo._tcp", DnsSdAdvertisementStatus.Registered);
        DnsSdAdvertisementRenamedEventArgs? renamed = null;
        state.Renamed += (_, e) => renamed = e;

        state.Rename(endpoint, "zoo (2)");

        Assert.NotNull(renamed);
        Assert.Equal("zoo", renamed.PreviousName);
        Assert.Equal("zoo (2)", renamed.Endpoint.Name);
        AdvertisedEndpoint now = Assert.Single(state.Endpoints);
        Assert.True(now.IsRenamed);
        HealthCheckResult result = await Check(state);
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("zoo -> zoo (2)", result.Description, StringComparison.Ordinal);
    }
}
