using System.Net;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Testing.Zeroconf;

/// <summary>A packet a peer heard, with the virtual time it arrived.</summary>
internal sealed record HeardPacket(DateTimeOffset Time, IPEndPoint Source, DnsMessage Message)
{
    public bool IsProbeFor(DnsName name) =>
        !Message.IsResponse && Message.Authorities.Count > 0 && Message.Questions.Any(q => q.Name == name && q.Type == DnsRecordType.Any);

    public bool Answers(DnsName name, DnsRecordType type) =>
        Message.IsResponse && Message.Answers.Any(r => r.Name == name && r.Type == type);
}
