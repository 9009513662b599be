using System.Globalization;
using System.Text;
using Inkwell.Zeroconf;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Cli.Commands.DnsSd;

/// <summary>Apple dns-sd's layout: a banner, a date line, "...STARTING...", then timestamped rows.</summary>
internal sealed class DnsSdTableOutput(TextWriter writer) : DnsSdOutput(writer)
{
    private static string Now => DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public override void Registering(ServiceProfile profile)
    {
        string txt = string.Join(" ", profile.Txt.Select(e => e.Value is null ? e.Key : $"{e.Key}={e.Value}"));
        Line($"Registering Service {profile.InstanceName}.{profile.ServiceType}.{profile.Domain} port {profile.Port}{(txt.Length > 0 ? " TXT " + txt : "")}");
        Start();
    }

    public override void Registered(ServiceRegistration registration) =>
        Line($"{Now}  Got a reply for service {registration.Name}.{registration.ServiceType}.{registration.Domain}.: Name now registered and active");

    // Apple's dns-sd calls the register callback again with the new name and prints the same line.
    public override void Renamed(ServiceRegistration registration, ServiceNameChangedEventArgs change) =>
        Line($"{Now}  Got a reply for service {change.Name}.{registration.ServiceType}.{registration.Domain}.: Name now registered and active");

    public override void Browsing(string serviceType)
    {
        Line($"Browsing for {serviceType}");
        Start();
        Line("Timestamp     A/R    Flags  if Domain               Service Type         Instance Name");
    }

    public override void BrowseEvent(ServiceBrowseEvent e)
    {
        string kind = e.Kind switch { ServiceBrowseEventKind.Added => "Add", ServiceBrowseEventKind.Removed => "Rmv", _ => "Upd" };
        int flags = e.Kind == ServiceBrowseEventKind.Removed ? 0 : 2;
        Line(string.Create(CultureInfo.InvariantCulture, $"{Now}  {kind,-3} {flags,8} {e.InterfaceIndex,3} {e.Domain + ".",-20} {e.ServiceType + ".",-20} {e.InstanceName}"));
    }

    public override void LookingUp(string instance, string serviceType, string domain)
    {
        Line($"Lookup {instance}.{serviceType}.{domain.TrimEnd('.')}");
        Start();
    }

    public override void Resolved(ResolvedService service)
    {
        Line(string.Create(CultureInfo.InvariantCulture,
            $"{Now}  {Escape(service.InstanceName)}.{service.ServiceType}.{service.Domain}. can be reached at {service.HostName}.:{service.Port} (interface {service.InterfaceIndex})"));
        if (service.Txt.Count > 0)
        {
            Line(" " + string.Join(" ", service.Txt.Select(e => e.Value is null ? e.Key : $"{e.Key}={e.Value}")));
        }
        Line(" addresses " + string.Join(" ", service.Addresses));
    }

    public override void Querying(string name, DnsRecordType type)
    {
        Start();
        Line("Timestamp     A/R    Flags if Name                          Type  Class   Rdata");
    }

    public override void RecordEvent(DnsRecordEvent e) =>
        Line(string.Create(CultureInfo.InvariantCulture,
            $"{Now}  {(e.Kind == DnsRecordEventKind.Added ? "Add" : "Rmv"),-3} {(e.Kind == DnsRecordEventKind.Added ? 2 : 0),8} {e.InterfaceIndex,2} {e.Name + ".",-29} {TypeText(e.Type),-5} {(e.Class == 1 ? "IN" : e.Class.ToString(CultureInfo.InvariantCulture)),-7} {e.Data}"));

    public override void EnumeratingDomains(bool registration)
    {
        Line($"Looking for recommended {(registration ? "registration" : "browsing")} domains:");
        Start();
        Line($"Timestamp     Recommended {(registration ? "Registration" : "Browsing")} domain");
    }

    public override void DomainFound(string domain, bool isDefault) =>
        Line($"{Now}  Added     {(isDefault ? "(Default)" : ""),-20} {domain.TrimEnd('.')}.");

    private void Start()
    {
        Line($"DATE: ---{DateTime.Now.ToString("ddd dd MMM yyyy", CultureInfo.InvariantCulture)}---");
        Line($"{Now}  ...STARTING...");
    }

    private static string TypeText(DnsRecordType type) => type switch
    {
        DnsRecordType.A => "Addr",
        DnsRecordType.Aaaa => "AAAA",
        _ => Enum.IsDefined(type) ? type.ToString().ToUpperInvariant() : $"TYPE{(ushort)type}",
    };

    /// <summary>dns-sd escapes spaces and dots in instance names as \032 and \. when printing full names.</summary>
    private static string Escape(string instance)
    {
        var builder = new StringBuilder();
        foreach (char c in instance)
        {
            builder.Append(c switch { ' ' => "\\032", '.' => "\\.", '\\' => "\\\\", _ => c.ToString() });
        }
        return builder.ToString();
    }
}
