namespace Inkwell.Zeroconf;

/// <summary>A service instance appearing, changing or disappearing on one interface.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="InstanceName">The instance's name, e.g. "DAAP Server" (empty when enumerating service types).</param>
/// <param name="ServiceType">The service type, e.g. "_daap._tcp".</param>
/// <param name="Domain">The domain, "local".</param>
/// <param name="InterfaceName">The interface it was seen on.</param>
/// <param name="InterfaceIndex">That interface's index.</param>
public sealed record ServiceBrowseEvent(ServiceBrowseEventKind Kind, string InstanceName, string ServiceType, string Domain, string InterfaceName, int InterfaceIndex);
