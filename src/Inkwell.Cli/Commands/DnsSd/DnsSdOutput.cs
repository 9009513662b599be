using Inkwell.Zeroconf;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Cli.Commands.DnsSd;

/// <summary>How <c>dns-sd</c> prints: Apple's table or JSON lines.</summary>
internal abstract class DnsSdOutput(TextWriter writer)
{
    protected TextWriter Writer { get; } = writer;

    public abstract void Registering(ServiceProfile profile);

    public abstract void Registered(ServiceRegistration registration);

    /// <summary>A conflict after registration renamed the service (<see cref="ServiceRegistration.NameChanged"/>).</summary>
    public abstract void Renamed(ServiceRegistration registration, ServiceNameChangedEventArgs change);

    public abstract void Browsing(string serviceType);

    public abstract void BrowseEvent(ServiceBrowseEvent e);

    public abstract void LookingUp(string instance, string serviceType, string domain);

    public abstract void Resolved(ResolvedService service);

    public abstract void Querying(string name, DnsRecordType type);

    public abstract void RecordEvent(DnsRecordEvent e);

    /// <summary>-E (registration) or -F (browsing) domain enumeration starts.</summary>
    public abstract void EnumeratingDomains(bool registration);

    /// <summary>One recommended domain; <paramref name="isDefault"/> for the default one (RFC 6763 §11 <c>db</c> / <c>dr</c>).</summary>
    public abstract void DomainFound(string domain, bool isDefault);

    protected void Line(string text)
    {
        Writer.WriteLine(text);
        Writer.Flush();
    }
}
