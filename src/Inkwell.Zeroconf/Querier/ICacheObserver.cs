namespace Inkwell.Zeroconf.Querier;

/// <summary>Told about records entering and leaving the cache (browse, resolve and query subscriptions).</summary>
internal interface ICacheObserver
{
    void OnAdded(CachedRecord record);

    void OnRemoved(CachedRecord record);
}
