using System.Text.Json;
using Inkwell.Zeroconf;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Cli.Commands.DnsSd;

/// <summary>One JSON object per line, for scripts; nothing else goes to standard output.</summary>
internal sealed class DnsSdJsonOutput(TextWriter writer) : DnsSdOutput(writer)
{
    public override void Registering(ServiceProfile profile)
    {
    }

    public override void Registered(ServiceRegistration registration) =>
        Write(w => WriteRegistered(w, registration.Name, registration));

    // The "registered" line again with the new name (a script waiting for "registered" sees the name in use), plus the old one.
    public override void Renamed(ServiceRegistration registration, ServiceNameChangedEventArgs change) =>
        Write(w =>
        {
            WriteRegistered(w, change.Name, registration);
            w.WriteString("previousName", change.PreviousName);
        });

    public override void Browsing(string serviceType)
    {
    }

    public override void BrowseEvent(ServiceBrowseEvent e) =>
        Write(w =>
        {
            w.WriteString("event", e.Kind.ToString().ToLowerInvariant());
            w.WriteString("name", e.InstanceName);
            w.WriteString("type", e.ServiceType);
            w.WriteString("domain", e.Domain);
            w.WriteString("interface", e.InterfaceName);
            w.WriteBoolean("local", e.IsLocal);
            w.WriteBoolean("own", e.IsOwn);
            if (e.Txt is { } txt)
            {
                WriteTxt(w, txt);
            }
        });

    public override void LookingUp(string instance, string serviceType, string domain)
    {
    }

    public override void Resolved(ResolvedService service) =>
        Write(w =>
        {
            w.WriteString("event", "resolved");
            w.WriteString("name", service.InstanceName);
            w.WriteString("type", service.ServiceType);
            w.WriteString("host", service.HostName);
            w.WriteNumber("port", service.Port);
            w.WriteStartArray("addresses");
            foreach (System.Net.IPAddress address in service.Addresses)
            {
                w.WriteStringValue(address.ToString());
            }
            w.WriteEndArray();
            WriteTxt(w, service.Txt);
            w.WriteString("interface", service.InterfaceName);
        });

    public override void Querying(string name, DnsRecordType type)
    {
    }

    public override void EnumeratingDomains(bool registration)
    {
    }

    public override void DomainFound(string domain, bool isDefault) =>
        Write(w =>
        {
            w.WriteString("event", "domain");
            w.WriteString("domain", domain.TrimEnd('.'));
            w.WriteBoolean("default", isDefault);
        });

    public override void RecordEvent(DnsRecordEvent e) =>
        Write(w =>
        {
            w.WriteString("event", e.Kind == DnsRecordEventKind.Added ? "added" : "removed");
            w.WriteString("name", e.Name);
            w.WriteString("rrtype", e.Type.ToString().ToUpperInvariant());
            w.WriteNumber("ttl", e.Ttl);
            w.WriteString("rdata", e.Data);
            w.WriteString("interface", e.InterfaceName);
        });

    /// <summary>The properties of a "registered" line; <paramref name="name"/> is the name in use, which after a rename is the event's, not yet the registration's.</summary>
    private static void WriteRegistered(Utf8JsonWriter w, string name, ServiceRegistration registration)
    {
        w.WriteString("event", "registered");
        w.WriteString("name", name);
        w.WriteString("type", registration.ServiceType);
        w.WriteString("domain", registration.Domain);
        w.WriteNumber("port", registration.Port);
    }

    /// <summary>TXT as an object: a boolean attribute (a key without '=') is <c>true</c>.</summary>
    private static void WriteTxt(Utf8JsonWriter w, IReadOnlyDictionary<string, string?> txt)
    {
        w.WriteStartObject("txt");
        foreach ((string key, string? value) in txt)
        {
            if (value is null)
            {
                w.WriteBoolean(key, true);
            }
            else
            {
                w.WriteString(key, value);
            }
        }
        w.WriteEndObject();
    }

    private void Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        Line(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
