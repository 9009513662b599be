using Inkwell.Zeroconf;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Cli.Commands.DnsSd;

/// <summary>How <c>dns-sd</c> prints: Apple's table or JSON lines.</summary>
internal abstract class DnsSdOutput(TextWriter writer)
{
    protected TextWriter Writer { get; } = writer;

    public abstract void Registering(ServiceProfile profile);

    public abstract void Registered(ServiceRegistration registration);

    public abstract void Browsing(string serviceType);

    public abstract void BrowseEvent(ServiceBrowseEvent e);

    public abstract void LookingUp(string instance, string serviceType);

    public abstract void Resolved(ResolvedService service);

    public abstract void Querying(string name, DnsRecordType type);

    public abstract void RecordEvent(DnsRecordEvent e);

    protected void Line(string text)
    {
        Writer.WriteLine(text);
        Writer.Flush();
    }
}
