using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.WideArea;

internal sealed partial class WideAreaClient
{
    /// <summary>
    /// Asks the server one question (RD clear for a configured server, which is authoritative; set for the system's
    /// recursive resolver) and returns the records of every section.
    /// NXDOMAIN is an empty answer; an answer to another question, or another error code, is an exception.
    /// </summary>
    internal async Task<DnsMessage> QueryAsync(DnsName name, DnsRecordType type, CancellationToken cancellationToken)
    {
        ushort id = (ushort)Random.Shared.Next(ushort.MaxValue + 1);
        var question = new DnsQuestion(name, type);
        var query = new DnsMessage
        {
            Id = id,
            Flags = _recursive ? DnsMessage.RecursionDesiredFlag : (ushort)0,
            Questions = [question],
            // EDNS(0) so larger answers still come over UDP (RFC 6891); TC falls back to TCP anyway.
            Additionals = [new DnsRecord(DnsName.Root, DnsRecordType.Opt, 0, new OpaqueRecordData([]), Class: DnsUpdate.UdpPayloadSize)],
        };
        byte[] buffer = new byte[512];
        if (!query.TryWrite(buffer, [], out int length))
        {
            throw new ArgumentException($"The question for {name} does not fit in a DNS message.", nameof(name));
        }
        UnicastDnsClient.Answer answer = await _queries.ExchangeAsync(buffer[..length], cancellationToken).ConfigureAwait(false);
        DnsMessage response = answer.Message;
        if (response.Questions.Count != 1 || response.Questions[0].Name != name || response.Questions[0].Type != type)
        {
            throw new WideAreaException(WideAreaError.MalformedAnswer, $"DNS server {Server} answered another question than {name} {type}.");
        }
        return response.Rcode switch
        {
            DnsUpdateClient.NoError => response,
            // No answers for a name that does not exist, whatever a broken server put there; the authority section
            // (the zone's SOA) stays, for FindZoneAsync.
            DnsUpdateClient.NXDomain => new DnsMessage { Id = id, Flags = response.Flags, Questions = response.Questions, Authorities = response.Authorities },
            DnsUpdateClient.Refused => throw new WideAreaException(WideAreaError.Refused, $"DNS server {Server} REFUSED the query for {name} {type}.") { ResponseCode = response.Rcode },
            _ => throw new WideAreaException(WideAreaError.ServerFailure, $"DNS server {Server} answered RCODE {response.Rcode} to {name} {type}.") { ResponseCode = response.Rcode },
        };
    }

    /// <summary>
    /// The zone a name belongs to (RFC 2136 §4: the update goes to the zone's primary): ask for the name's SOA; an
    /// answer means the name is a zone apex, otherwise the SOA in the authority section names the enclosing zone.
    /// </summary>
    internal async Task<DnsName> FindZoneAsync(DnsName name, CancellationToken cancellationToken)
    {
        DnsMessage response = await QueryAsync(name, DnsRecordType.Soa, cancellationToken).ConfigureAwait(false);
        if (AnswersFor(response, name, DnsRecordType.Soa).Any())
        {
            return name;
        }
        DnsRecord? soa = response.Authorities.FirstOrDefault(r => r.Type == DnsRecordType.Soa && r.Class == DnsClass.Internet && name.EndsWith(r.Name));
        return soa?.Name ?? throw new WideAreaException(WideAreaError.NotZone,
            $"DNS server {Server} names no zone for {name} (no SOA in its answer); set WideAreaOptions.Zone.");
    }

    /// <summary>The records of one name and type in a response's answer section.</summary>
    private static IEnumerable<DnsRecord> AnswersFor(DnsMessage response, DnsName name, DnsRecordType type) =>
        response.Answers.Where(r => r.Type == type && r.Class == DnsClass.Internet && r.Name == name);
}
