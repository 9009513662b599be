namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>A resource record as a RecordBrowser reports it: owner name, class, type and the raw rdata (DNS wire format).</summary>
internal sealed record AvahiRecordItem(
    int Interface, AvahiProtocol Protocol, string Name, ushort Class, ushort Type, byte[] Rdata, AvahiLookupResultFlags Flags)
{
    /// <summary>The identity of the record on one interface and protocol: flags are not part of it, the rdata bytes are.</summary>
    public AvahiRecordItem ToKey() => Flags == AvahiLookupResultFlags.None ? this : this with { Flags = AvahiLookupResultFlags.None };

    public bool Equals(AvahiRecordItem? other)
        => other is not null
            && Interface == other.Interface
            && Protocol == other.Protocol
            && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
            && Class == other.Class
            && Type == other.Type
            && Rdata.AsSpan().SequenceEqual(other.Rdata)
            && Flags == other.Flags;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Interface);
        hash.Add(Protocol);
        hash.Add(Name, StringComparer.OrdinalIgnoreCase);
        hash.Add(Class);
        hash.Add(Type);
        hash.AddBytes(Rdata);
        hash.Add(Flags);
        return hash.ToHashCode();
    }
}
