using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inkwell.Zeroconf.AspNetCore;

/// <summary>
/// Reports the DNS-SD advertisement: healthy once every endpoint is announced (the names in use in the data), degraded while
/// the app starts, probes or shuts down, unhealthy when announcing failed. Add it with
/// <see cref="Microsoft.Extensions.DependencyInjection.DnsSdAdvertisementExtensions.AddDnsSdAdvertisement(Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder, string)"/>.
/// </summary>
public sealed class DnsSdAdvertisementHealthCheck(DnsSdAdvertisement advertisement) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<AdvertisedEndpoint> endpoints = advertisement.Endpoints;
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (AdvertisedEndpoint endpoint in endpoints)
        {
            data[$"{endpoint.ServiceType} {endpoint.Scheme}:{endpoint.Port}"] = endpoint.Name;
        }
        DnsSdAdvertisementStatus status = advertisement.Status;
        string renamed = endpoints.Any(e => e.IsRenamed) ? " (renamed after a conflict: " + string.Join(", ", endpoints.Where(e => e.IsRenamed).Select(e => $"{e.RequestedName} -> {e.Name}")) + ")" : "";
        HealthCheckResult result = status switch
        {
            DnsSdAdvertisementStatus.Registered => HealthCheckResult.Healthy("DNS-SD: announced" + renamed, data),
            DnsSdAdvertisementStatus.Failed => HealthCheckResult.Unhealthy("DNS-SD: announcing failed: " + advertisement.Error, data: data),
            _ => HealthCheckResult.Degraded("DNS-SD: " + status.ToString().ToLowerInvariant(), data: data),
        };
        return Task.FromResult(result);
    }
}
