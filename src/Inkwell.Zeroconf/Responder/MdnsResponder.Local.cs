using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Responder;

internal sealed partial class MdnsResponder
{
    /// <summary>
    /// What we would answer our own querier on a link, with additional records: our own queries are
    /// not looped back to us, so a browse in the same process sees its own services this way.
    /// </summary>
    public List<DnsRecord> LocalAnswers(IEnumerable<DnsQuestion> questions, NetworkLink link)
    {
        var answers = new List<DnsRecord>();
        foreach (DnsQuestion question in questions)
        {
            foreach (DnsRecord record in AnswersFor(question, link))
            {
                if (record.Type != DnsRecordType.Nsec)
                {
                    AddUnique(answers, record);
                }
            }
        }
        if (answers.Count > 0)
        {
            answers.AddRange(AdditionalsFor(answers, link).Where(r => r.Type != DnsRecordType.Nsec));
        }
        return answers;
    }
}
