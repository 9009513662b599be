using System.CommandLine;
using Inkwell.Zeroconf.Avahi;

namespace Inkwell.Cli.Commands.DnsSd;

/// <summary>
/// <c>inkwell dns-sd</c>: Apple's <c>dns-sd</c> flags and output layout over Inkwell.Zeroconf, plus
/// <c>--json</c> lines and <c>--timeout</c> for scripts.
/// </summary>
internal static class DnsSdCommandDefinition
{
    public static readonly Option<bool> Register = new("-R") { Description = "Register a service: NAME TYPE DOMAIN PORT [key=value ...]", Arity = ArgumentArity.Zero };

    public static readonly Option<bool> Browse = new("-B") { Description = "Browse for instances: TYPE [DOMAIN]", Arity = ArgumentArity.Zero };

    public static readonly Option<bool> Lookup = new("-L") { Description = "Resolve an instance: NAME TYPE [DOMAIN]", Arity = ArgumentArity.Zero };

    public static readonly Option<bool> Query = new("-Q") { Description = "Query records: NAME [RRTYPE] (A, AAAA, PTR, SRV, TXT, ANY or a number)", Arity = ArgumentArity.Zero };

    public static readonly Option<bool> RegistrationDomains = new("-E") { Description = "List recommended registration domains: [DOMAIN] (wide area: asks --server for r/dr._dns-sd._udp.DOMAIN, or under each search domain without DOMAIN)", Arity = ArgumentArity.Zero };

    public static readonly Option<bool> BrowsingDomains = new("-F") { Description = "List recommended browsing domains: [DOMAIN] (wide area: asks --server for b/db._dns-sd._udp.DOMAIN, or under each search domain without DOMAIN)", Arity = ArgumentArity.Zero };

    public static readonly Option<bool> Json = new("--json") { Description = "Print one JSON object per line instead of the table" };

    public static readonly Option<double?> Timeout = new("--timeout") { Description = "Stop after SECONDS and exit 0", HelpName = "SECONDS" };

    public static readonly Option<string?> Interface = new("--interface") { Description = "Use only the interface NAME (e.g. eth0)", HelpName = "NAME" };

    public static readonly Option<BackendMode> Backend = new("--backend")
    {
        Description = "Which responder does the work: avahi-daemon when it answers on the system bus (auto), avahi, or the embedded one",
        HelpName = "auto|avahi|embedded",
        DefaultValueFactory = _ => BackendMode.Auto,
    };

    public static readonly Option<bool> IgnoreLocal = new("--ignore-local", "-l")
    {
        Description = "Browse: leave out instances offered by this host (as avahi-browse --ignore-local does)",
    };

    public static readonly Option<string?> Server = new("--server")
    {
        Description = "Wide-area DNS-SD: the DNS server to query for any domain other than local (port 53 by default), or 'system' for /etc/resolv.conf's first nameserver; with -E/-F and no DOMAIN, ask under the system's search domains",
        HelpName = "ADDRESS[:PORT]|system",
    };

    public static readonly Option<string?> UpdateServer = new("--update-server")
    {
        Description = "Wide-area -R: send DNS UPDATEs here instead of the server the zone publishes (_dns-update._udp SRV, else the SOA primary)",
        HelpName = "ADDRESS[:PORT]",
    };

    public static readonly Option<string?> Key = new("--key")
    {
        Description = "Wide-area -R: sign DNS UPDATEs with this BIND key file (key \"name\" { algorithm hmac-sha256; secret \"...\"; };)",
        HelpName = "FILE",
    };

    public static readonly Option<string?> Host = new("--host")
    {
        Description = "Wide-area -R: the host the SRV record points to (a label under the domain, or a full name); default: this machine's name",
        HelpName = "NAME",
    };

    public static readonly Option<string[]> HostAddress = new("--host-address")
    {
        Description = "Wide-area -R: also publish this address as the host's A/AAAA record (repeatable)",
        HelpName = "ADDRESS",
    };

    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Log protocol events to standard error" };

    public static readonly Argument<string[]> Arguments = new("arguments") { Description = "The operation's arguments, as for Apple's dns-sd", Arity = ArgumentArity.ZeroOrMore };

    public static Command Create()
    {
        var command = new Command("dns-sd", "Register, browse, resolve and query DNS-SD services over multicast DNS (or unicast DNS for other domains with --server), like Apple's dns-sd.");
        command.Options.Add(Register);
        command.Options.Add(Browse);
        command.Options.Add(Lookup);
        command.Options.Add(Query);
        command.Options.Add(RegistrationDomains);
        command.Options.Add(BrowsingDomains);
        command.Options.Add(Json);
        command.Options.Add(Timeout);
        command.Options.Add(Interface);
        command.Options.Add(Backend);
        command.Options.Add(IgnoreLocal);
        command.Options.Add(Server);
        command.Options.Add(UpdateServer);
        command.Options.Add(Key);
        command.Options.Add(Host);
        command.Options.Add(HostAddress);
        command.Options.Add(Verbose);
        command.Arguments.Add(Arguments);
        command.SetAction(DnsSdAction.RunAsync);
        return command;
    }
}
