using System.Globalization;
using System.Text.Json;

namespace Inkwell.Testing;

/// <summary>
/// Debian's python3-zeroconf as a peer on a lab host, on the host's lab address only (IPv4), through
/// <see cref="DebianPython"/>. Every event is one JSON line on standard output:
/// <c>{"event":"registered","name":…}</c> (the full name, after python-zeroconf's own renaming) when publishing,
/// <c>{"event":"browsing"}</c> once the browser runs, then <c>{"event":"added","name":LABEL}</c>,
/// <c>{"event":"resolved","name":…,"port":…,"server":…,"addresses":[…],"txt":{…}}</c> and
/// <c>{"event":"removed","name":LABEL}</c> (LABEL: the instance label only); when watching, <c>{"event":"watching"}</c>
/// once it listens, then <c>{"event":"record","name":…,"type":N,"ttl":…}</c> for every record of every response it hears
/// (N: the numeric RR type, 33 for SRV).
/// </summary>
internal static class PythonZeroconfPeer
{
    private const string Script = """
        import json, socket, sys, threading, time
        from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceStateChange, Zeroconf
        mode, ip = sys.argv[1], sys.argv[2]
        zc = Zeroconf(interfaces=[ip], ip_version=IPVersion.V4Only)
        lock = threading.Lock()
        def emit(**event):
            with lock:  # one whole line at a time: the browser and resolver threads both print
                sys.stdout.write(json.dumps(event) + "\n")
                sys.stdout.flush()
        if mode in ("publish", "claim"):
            name, stype, port = sys.argv[3], sys.argv[4], int(sys.argv[5])
            props = dict(kv.split("=", 1) for kv in sys.argv[6:])
            info = ServiceInfo(stype + ".local.", f"{name}.{stype}.local.", addresses=[socket.inet_aton(ip)],
                               port=port, properties=props, server="pyhost.local.")
            if mode == "publish":
                zc.register_service(info, allow_name_change=True)
            else:
                # No probing, no renaming: announce the name as if it were ours (a responder that ignores conflicts).
                zc.register_service(info, cooperating_responders=True)
            emit(event="registered", name=info.name)
        elif mode == "watch":
            from zeroconf import RecordUpdateListener
            class Watcher(RecordUpdateListener):
                # Called for every record of every response heard, repeats included (the cache's view is not wanted here).
                def async_update_records(self, zc, now, records):
                    for update in records:
                        emit(event="record", name=update.new.name, type=update.new.type, ttl=update.new.ttl)
            zc.add_listener(Watcher(), None)
            # Queued on the event loop behind the listener's registration: once printed, the watcher hears everything.
            zc.loop.call_soon_threadsafe(lambda: emit(event="watching"))
        else:
            stype = sys.argv[3] + ".local."
            def resolve(zeroconf, service_type, name):
                info = zeroconf.get_service_info(service_type, name, timeout=10000)
                if info:
                    txt = {k.decode(): (v.decode() if v is not None else None) for k, v in info.properties.items()}
                    emit(event="resolved", name=name, port=info.port, server=info.server,
                         addresses=info.parsed_addresses(), txt=txt)
            def on_change(zeroconf, service_type, name, state_change):
                label = name[: -len(stype) - 1]
                if state_change is ServiceStateChange.Added:
                    emit(event="added", name=label)
                    # Resolved beside the browser, never on its thread: a service that goes while it is being resolved
                    # must still be reported removed at once.
                    threading.Thread(target=resolve, args=(zeroconf, service_type, name), daemon=True).start()
                elif state_change is ServiceStateChange.Removed:
                    emit(event="removed", name=label)
            browser = ServiceBrowser(zc, stype, handlers=[on_change])
            emit(event="browsing")
        while True:
            time.sleep(1)
        """;

    /// <summary>Skips the calling test when /usr/bin/python3 or python3-zeroconf is missing.</summary>
    public static void Require() => DebianPython.Require("zeroconf", "python3-zeroconf");

    /// <summary>Publishes a service after probing, renaming itself ("name-2") if the name is taken.</summary>
    public static TestProcess Publish(LabHost host, string name, string type, int port, params string[] txt) =>
        Start(host, ["publish", host.Address, name, type, port.ToString(CultureInfo.InvariantCulture), .. txt]);

    /// <summary>
    /// Announces a service under <paramref name="name"/> without probing and without yielding it (python-zeroconf's
    /// <c>cooperating_responders</c>): a late conflict for whoever holds the name already.
    /// </summary>
    public static TestProcess Claim(LabHost host, string name, string type, int port) =>
        Start(host, ["claim", host.Address, name, type, port.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>Browses <paramref name="type"/> (<c>_x._tcp</c>), resolving every instance it finds.</summary>
    public static TestProcess Browse(LabHost host, string type) => Start(host, ["browse", host.Address, type]);

    /// <summary>
    /// Listens without asking or answering anything and prints every record it hears, each time it hears it: a way to see
    /// another responder's announcements on the wire (python-zeroconf's cache would report a repeated record once).
    /// </summary>
    public static TestProcess Watch(LabHost host) => Start(host, ["watch", host.Address]);

    /// <summary>Whether <paramref name="line"/> is the peer's <paramref name="kind"/> event (for <paramref name="name"/>, when given).</summary>
    public static bool IsEvent(string line, string kind, string? name = null)
    {
        if (!line.StartsWith('{'))
        {
            return false;
        }
        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement root = json.RootElement;
        return root.GetProperty("event").GetString() == kind && (name is null || root.GetProperty("name").GetString() == name);
    }

    private static TestProcess Start(LabHost host, string[] args)
    {
        Require();
        return host.Start(DebianPython.Interpreter, DebianPython.Arguments(["-c", Script, .. args]));
    }
}
