namespace Inkwell.Zeroconf.AspNetCore;

/// <summary>
/// The app's DNS-SD advertisement as it stands (inject it): its <see cref="Status"/>, the <see cref="Endpoints"/> announced with
/// the names in use, and <see cref="Renamed"/> when a conflict changes one. One object per app covers every
/// <c>AddDnsSdAdvertisement</c> call.
/// </summary>
public sealed class DnsSdAdvertisement
{
    private readonly Lock _gate = new();
    private readonly List<AdvertisedEndpoint> _endpoints = [];
    private readonly Dictionary<string, DnsSdAdvertisementStatus> _statusByType = new(StringComparer.OrdinalIgnoreCase);

    // One per app, made by AddDnsSdAdvertisement; an instance of one's own would advertise nothing.
    internal DnsSdAdvertisement()
    {
    }

    /// <summary>The overall status: <see cref="DnsSdAdvertisementStatus.Failed"/> if any advertisement failed, else the least advanced one's.</summary>
    public DnsSdAdvertisementStatus Status
    {
        get
        {
            lock (_gate)
            {
                if (_statusByType.Count == 0)
                {
                    return DnsSdAdvertisementStatus.NotStarted;
                }
                return _statusByType.Values.Contains(DnsSdAdvertisementStatus.Failed) ? DnsSdAdvertisementStatus.Failed : _statusByType.Values.Min();
            }
        }
    }

    /// <summary>Why the advertisement failed, when it did.</summary>
    public string? Error { get; private set; }

    /// <summary>The endpoints announced now, with their names in use.</summary>
    public IReadOnlyList<AdvertisedEndpoint> Endpoints
    {
        get
        {
            lock (_gate)
            {
                return [.. _endpoints];
            }
        }
    }

    /// <summary>Raised (on a thread-pool thread) when the status or the endpoints change.</summary>
    public event EventHandler? Changed;

    /// <summary>Raised (on a thread-pool thread) when a conflict gave an endpoint another instance name; also logged as a warning.</summary>
    public event EventHandler<DnsSdAdvertisementRenamedEventArgs>? Renamed;

    internal void SetStatus(string serviceType, DnsSdAdvertisementStatus status, string? error = null)
    {
        lock (_gate)
        {
            _statusByType[serviceType] = status;
            if (error is not null)
            {
                Error = error;
            }
            if (status == DnsSdAdvertisementStatus.Withdrawn)
            {
                _endpoints.RemoveAll(e => string.Equals(e.ServiceType, serviceType, StringComparison.OrdinalIgnoreCase));
            }
        }
        Changed?.Invoke(this, EventArgs.Empty);
    }

    internal void Add(AdvertisedEndpoint endpoint)
    {
        lock (_gate)
        {
            _endpoints.Add(endpoint);
        }
        Changed?.Invoke(this, EventArgs.Empty);
    }

    internal void Rename(AdvertisedEndpoint endpoint, string newName)
    {
        AdvertisedEndpoint renamed = endpoint with { Name = newName };
        lock (_gate)
        {
            int index = _endpoints.FindIndex(e => e.ServiceType == endpoint.ServiceType && e.Scheme == endpoint.Scheme && e.Port == endpoint.Port);
            if (index < 0)
            {
                return;
            }
            endpoint = _endpoints[index];
            _endpoints[index] = renamed;
        }
        Renamed?.Invoke(this, new DnsSdAdvertisementRenamedEventArgs(renamed, endpoint.Name));
        Changed?.Invoke(this, EventArgs.Empty);
    }
}
