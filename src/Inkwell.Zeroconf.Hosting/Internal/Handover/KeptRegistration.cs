namespace Inkwell.Zeroconf.Hosting.Internal.Handover;

/// <summary>A registration kept for the app's next version: what was asked for (the TXT as it stands now) and the live registration.</summary>
internal sealed class KeptRegistration(ServiceProfile profile, ServiceRegistration registration)
{
    public ServiceProfile Profile => profile;

    public ServiceRegistration Registration => registration;

    /// <summary>Withdraws it when no version took it over in time; guarded by <see cref="RegistrationHandover"/>'s lock.</summary>
    public ITimer? Expiry { get; set; }

    /// <summary>Whether <paramref name="asked"/> names the same service: instance name asked for, type and domain.</summary>
    public bool IsNamed(ServiceProfile asked) =>
        string.Equals(asked.InstanceName, profile.InstanceName, StringComparison.OrdinalIgnoreCase)
        && string.Equals(asked.ServiceType, profile.ServiceType, StringComparison.OrdinalIgnoreCase)
        && string.Equals(asked.Domain, profile.Domain, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the registration can serve <paramref name="asked"/> as it is, TXT aside (TXT changes without probing again): same
    /// name, port and subtypes. A new port changes the SRV record, which only a new registration announces.
    /// </summary>
    public bool CanServe(ServiceProfile asked) =>
        IsNamed(asked) && asked.Port == profile.Port
        && asked.Subtypes.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(profile.Subtypes.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

    /// <summary>A copy of <paramref name="profile"/> that no caller can change (the TXT list is the caller's).</summary>
    public static ServiceProfile Copy(ServiceProfile profile, IReadOnlyList<KeyValuePair<string, string?>>? txt = null) =>
        new(profile.InstanceName, profile.ServiceType, profile.Port) { Domain = profile.Domain, Txt = [.. txt ?? profile.Txt], Subtypes = [.. profile.Subtypes] };
}
