using System.CommandLine;
using System.Globalization;
using Inkwell.Zeroconf;
using Inkwell.Zeroconf.Avahi;
using Inkwell.Zeroconf.Dns;
using Microsoft.Extensions.Logging;

namespace Inkwell.Cli.Commands.DnsSd;

/// <summary>Runs one <c>dns-sd</c> operation until cancelled (Ctrl+C) or <c>--timeout</c>; exit code 2 for usage errors, 1 for failures.</summary>
internal static class DnsSdAction
{
    public static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        StartupTrace.Mark("action");
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = TextWriter.Synchronized(parseResult.InvocationConfiguration.Error); // log lines come from other threads
        string[] args = parseResult.GetValue(DnsSdCommandDefinition.Arguments) ?? [];
        // Plain array and loop, not LINQ over bool: generic code over value types is JIT-compiled at every start even in
        // the ReadyToRun tool (docs/benchmarks.md, dns-sd -B time to first result).
        bool[] modes =
        [
            parseResult.GetValue(DnsSdCommandDefinition.Register), parseResult.GetValue(DnsSdCommandDefinition.Browse),
            parseResult.GetValue(DnsSdCommandDefinition.Lookup), parseResult.GetValue(DnsSdCommandDefinition.Query),
            parseResult.GetValue(DnsSdCommandDefinition.RegistrationDomains), parseResult.GetValue(DnsSdCommandDefinition.BrowsingDomains),
        ];
        int given = 0;
        foreach (bool mode in modes)
        {
            given += mode ? 1 : 0;
        }
        if (given != 1)
        {
            await error.WriteLineAsync("dns-sd: give exactly one of -R, -B, -L, -Q, -E or -F (see --help)");
            return 2;
        }
        double? timeout = parseResult.GetValue(DnsSdCommandDefinition.Timeout);
        if (timeout is <= 0)
        {
            await error.WriteLineAsync("dns-sd: --timeout must be a positive number of seconds");
            return 2;
        }
        DnsSdOutput writer = parseResult.GetValue(DnsSdCommandDefinition.Json) ? new DnsSdJsonOutput(output) : new DnsSdTableOutput(output);
        string? interfaceName = parseResult.GetValue(DnsSdCommandDefinition.Interface);
        bool verbose = parseResult.GetValue(DnsSdCommandDefinition.Verbose);
        // Log lines go to standard error, so --json output stays clean. The line naming the chosen backend and warnings
        // (such as waiting for an interface to come up) are always shown; everything else only with --verbose.
        using var loggerFactory = new StderrLoggerFactory(
            error,
            verbose ? LogLevel.Debug : LogLevel.Information,
            (category, level, _) => verbose || level >= LogLevel.Warning || category == AvahiBackend.ChoiceLogCategory);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } seconds)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        }
        try
        {
            BackendMode backend = parseResult.GetValue(DnsSdCommandDefinition.Backend);
            WideAreaOptions? wideArea = WideArea(parseResult, loggerFactory);
            string? domain = OperationDomain(args, modes);
            // -E / -F without a DOMAIN but with --server ask under the system's search domains.
            bool systemDomains = domain is null && (modes[4] || modes[5]) && wideArea is not null;
            // -Q of a name outside local with --server asks that server; without, multicast DNS as before.
            bool wideQuery = modes[3] && wideArea is not null && args.Length > 0 && !ServiceNameRules.IsMulticastDomain(args[0]);
            Func<Task<DnsServiceDiscovery>> open;
            if (ServiceNameRules.IsMulticastDomain(domain) && !systemDomains && !wideQuery)
            {
                open = async () => new DnsServiceDiscovery(await AvahiBackend.CreateAsync(
                    backend,
                    new DnsServiceDiscoveryOptions { Interfaces = interfaceName is null ? null : [interfaceName], LoggerFactory = loggerFactory },
                    new AvahiBackendOptions { LoggerFactory = loggerFactory },
                    stop.Token));
            }
            else
            {
                // Wide-area only: no multicast backend is created, so no multicast socket is opened.
                DnsServiceDiscoveryOptions options = new()
                {
                    LoggerFactory = loggerFactory,
                    WideArea = wideArea ?? throw new ArgumentException(
                        $"Domain '{domain}' is not served by multicast DNS; give --server ADDRESS[:PORT], or --server system for the resolver of /etc/resolv.conf (and --key FILE to register), for wide-area DNS-SD."),
                };
                open = () => Task.FromResult(new DnsServiceDiscovery(options));
            }
            if (modes[0])
            {
                return await RegisterAsync(args, open, writer, error, stop.Token);
            }
            if (modes[1])
            {
                return await BrowseAsync(args, open, writer, error, parseResult.GetValue(DnsSdCommandDefinition.IgnoreLocal), stop.Token);
            }
            if (modes[2])
            {
                return await LookupAsync(args, open, writer, error, stop.Token);
            }
            if (modes[3])
            {
                return await QueryAsync(args, open, writer, error, stop.Token);
            }
            return await DomainsAsync(args, modes[4], domain, systemDomains || (wideArea is not null && !ServiceNameRules.IsMulticastDomain(domain)), open, writer, error, stop.Token);
        }
        catch (ArgumentException exception)
        {
            await error.WriteLineAsync($"dns-sd: {exception.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        catch (ZeroconfException exception)
        {
            await error.WriteLineAsync($"dns-sd: {exception.Message}");
            return 1;
        }
        catch (System.Net.Sockets.SocketException exception)
        {
            await error.WriteLineAsync($"dns-sd: {exception.Message}");
            return 1;
        }
    }

    private static async Task<int> RegisterAsync(string[] args, Func<Task<DnsServiceDiscovery>> open, DnsSdOutput writer, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length < 4 || !int.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            await error.WriteLineAsync("dns-sd: -R needs NAME TYPE DOMAIN PORT [key=value ...] with PORT in 1-65535");
            return 2;
        }
        List<KeyValuePair<string, string?>> txt = [.. args[4..].Select(ParseTxt)];
        var profile = new ServiceProfile(args[0], args[1], port) { Domain = Domain(args[2]), Txt = txt };
        ServiceNameRules.Validate(profile); // before any socket is opened
        await using DnsServiceDiscovery discovery = await open();
        writer.Registering(profile);
        await using ServiceRegistration registration = await discovery.RegisterAsync(profile, cancellationToken);
        writer.Registered(registration);
        // A conflict after registration renames the service; dns-sd reports the new name the same way.
        registration.NameChanged += (_, e) => writer.Renamed(registration, e);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }

    private static async Task<int> BrowseAsync(string[] args, Func<Task<DnsServiceDiscovery>> open, DnsSdOutput writer, TextWriter error, bool ignoreLocal, CancellationToken cancellationToken)
    {
        if (args.Length is < 1 or > 2)
        {
            await error.WriteLineAsync("dns-sd: -B needs TYPE [DOMAIN]");
            return 2;
        }
        string? domain = args.Length > 1 ? Domain(args[1]) : null;
        bool types = args[0].TrimEnd('.').Equals("_services._dns-sd._udp", StringComparison.OrdinalIgnoreCase);
        if (!types)
        {
            ServiceNameRules.ValidateServiceType(args[0], domain);
        }
        await using DnsServiceDiscovery discovery = await open();
        StartupTrace.Mark("backend");
        IAsyncEnumerable<ServiceBrowseEvent> events = types
            ? discovery.BrowseServiceTypesAsync(domain, cancellationToken)
            : discovery.BrowseAsync(args[0], domain, cancellationToken);
        // The browse starts (its first query is scheduled) before the banner is written: writing it, the first
        // output with its local-time date, takes a moment that then passes inside the query's start-up delay.
        await using IAsyncEnumerator<ServiceBrowseEvent> browsing = events.GetAsyncEnumerator(cancellationToken);
        ValueTask<bool> next = browsing.MoveNextAsync();
        StartupTrace.Mark("browsing");
        writer.Browsing(args[0]);
        while (await next)
        {
            ServiceBrowseEvent e = browsing.Current;
            if (!(ignoreLocal && e.IsLocal))
            {
                writer.BrowseEvent(e);
                StartupTrace.Mark("event");
                StartupTrace.Report(error);
            }
            next = browsing.MoveNextAsync();
        }
        return 0;
    }

    private static async Task<int> LookupAsync(string[] args, Func<Task<DnsServiceDiscovery>> open, DnsSdOutput writer, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length is < 2 or > 3)
        {
            await error.WriteLineAsync("dns-sd: -L needs NAME TYPE [DOMAIN]");
            return 2;
        }
        ServiceNameRules.ValidateInstanceName(args[0]);
        ServiceNameRules.ValidateServiceType(args[1], args.Length > 2 ? Domain(args[2]) : null);
        await using DnsServiceDiscovery discovery = await open();
        writer.LookingUp(args[0], args[1], args.Length > 2 ? Domain(args[2]) : "local");
        ResolvedService resolved = await discovery.ResolveAsync(args[0], args[1], args.Length > 2 ? Domain(args[2]) : null, cancellationToken);
        writer.Resolved(resolved);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }

    private static async Task<int> QueryAsync(string[] args, Func<Task<DnsServiceDiscovery>> open, DnsSdOutput writer, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length is < 1 or > 3 || !TryParseType(args.Length > 1 ? args[1] : "A", out DnsRecordType type))
        {
            await error.WriteLineAsync("dns-sd: -Q needs NAME [RRTYPE], RRTYPE one of A, AAAA, PTR, SRV, TXT, NSEC, ANY or a number");
            return 2;
        }
        await using DnsServiceDiscovery discovery = await open();
        writer.Querying(args[0], type);
        await foreach (DnsRecordEvent e in discovery.QueryRecordsAsync(args[0], type, cancellationToken))
        {
            writer.RecordEvent(e);
        }
        return 0;
    }

    /// <summary>The domain argument of the operation (-R's third, -B's second, -L's third), or null for the default.</summary>
    private static string? OperationDomain(string[] args, bool[] modes)
    {
        int index = modes[0] ? 2 : modes[1] ? 1 : modes[2] ? 2 : modes[4] || modes[5] ? 0 : -1;
        return index >= 0 && index < args.Length ? Domain(args[index]) : null;
    }

    /// <summary>
    /// The wide-area options from --server, --update-server, --key, --host and --host-address; null without --server.
    /// "--server system" is the system resolver (/etc/resolv.conf's first nameserver).
    /// </summary>
    private static WideAreaOptions? WideArea(ParseResult parseResult, ILoggerFactory loggerFactory)
    {
        string? server = parseResult.GetValue(DnsSdCommandDefinition.Server);
        string? updateServer = parseResult.GetValue(DnsSdCommandDefinition.UpdateServer);
        string? keyFile = parseResult.GetValue(DnsSdCommandDefinition.Key);
        string? host = parseResult.GetValue(DnsSdCommandDefinition.Host);
        string[] hostAddresses = parseResult.GetValue(DnsSdCommandDefinition.HostAddress) ?? [];
        if (server is null)
        {
            if (keyFile is not null || host is not null || hostAddresses.Length > 0 || updateServer is not null)
            {
                throw new ArgumentException("--key, --host, --host-address and --update-server need --server ADDRESS[:PORT] (or --server system)");
            }
            return null;
        }
        System.Net.IPEndPoint? endPoint = server == "system" ? null : EndPoint("--server", server);
        System.Net.IPEndPoint? updateEndPoint = updateServer is null ? null : EndPoint("--update-server", updateServer);
        List<System.Net.IPAddress> addresses = [];
        foreach (string text in hostAddresses)
        {
            addresses.Add(System.Net.IPAddress.TryParse(text, out System.Net.IPAddress? address)
                ? address
                : throw new ArgumentException($"--host-address '{text}' is not an IP address"));
        }
        TsigKey? key = null;
        if (keyFile is not null)
        {
            try
            {
                key = TsigKey.Load(keyFile);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"--key: {e.Message}", e);
            }
        }
        return new WideAreaOptions { Server = endPoint, UpdateServer = updateEndPoint, Key = key, HostName = host, HostAddresses = addresses, LoggerFactory = loggerFactory };
    }

    /// <summary>
    /// -E / -F: "local" always (multicast DNS's one domain, the default unless the server names another), then with
    /// a wide-area DOMAIN and --server the domains the server recommends (RFC 6763 §11), the default ones marked.
    /// With --server and no DOMAIN, the domains recommended under each of the system's search domains.
    /// </summary>
    private static async Task<int> DomainsAsync(string[] args, bool registration, string? domain, bool wideArea, Func<Task<DnsServiceDiscovery>> open,
        DnsSdOutput writer, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length > 1)
        {
            await error.WriteLineAsync($"dns-sd: {(registration ? "-E" : "-F")} takes at most one DOMAIN");
            return 2;
        }
        writer.EnumeratingDomains(registration);
        if (!wideArea)
        {
            writer.DomainFound("local", isDefault: true);
        }
        else
        {
            await using DnsServiceDiscovery discovery = await open();
            IReadOnlyList<string> defaults = await discovery.EnumerateDomainsAsync(
                registration ? DomainEnumerationKind.DefaultRegistration : DomainEnumerationKind.DefaultBrowse, domain, cancellationToken);
            IReadOnlyList<string> recommended = await discovery.EnumerateDomainsAsync(
                registration ? DomainEnumerationKind.Registration : DomainEnumerationKind.Browse, domain, cancellationToken);
            writer.DomainFound("local", isDefault: defaults.Count == 0);
            foreach (string found in defaults.Concat(recommended).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                writer.DomainFound(found, defaults.Contains(found, StringComparer.OrdinalIgnoreCase));
            }
        }
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }

    /// <summary>ADDRESS[:PORT], port 53 when none is given.</summary>
    private static System.Net.IPEndPoint EndPoint(string option, string text)
    {
        if (!System.Net.IPEndPoint.TryParse(text, out System.Net.IPEndPoint? endPoint))
        {
            throw new ArgumentException($"{option} '{text}' is not an IP address with an optional port (e.g. 192.0.2.53 or [2001:db8::53]:5300)");
        }
        if (endPoint.Port == 0)
        {
            endPoint.Port = 53;
        }
        return endPoint;
    }

    private static KeyValuePair<string, string?> ParseTxt(string entry)
    {
        int equals = entry.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? new(entry, null) : new(entry[..equals], entry[(equals + 1)..]);
    }

    /// <summary>dns-sd takes "." or "" for the default domain; that is "local" here.</summary>
    private static string Domain(string domain) => domain is "." or "" ? "local" : domain;

    private static bool TryParseType(string text, out DnsRecordType type)
    {
        if (ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ushort number))
        {
            type = (DnsRecordType)number;
            return true;
        }
        return Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}
