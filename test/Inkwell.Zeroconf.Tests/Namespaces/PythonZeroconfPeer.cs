namespace Inkwell.Zeroconf.Tests.Namespaces;

/// <summary>Debian's python3-zeroconf (for /usr/bin/python3, not any other python3 on PATH), scripted to publish or browse.</summary>
internal static class PythonZeroconfPeer
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import json, socket, sys, time
        from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceStateChange, Zeroconf
        mode, ip = sys.argv[1], sys.argv[2]
        zc = Zeroconf(interfaces=[ip], ip_version=IPVersion.V4Only)
        if mode == "publish":
            name, stype, port = sys.argv[3], sys.argv[4], int(sys.argv[5])
            props = dict(kv.split("=", 1) for kv in sys.argv[6:])
            info = ServiceInfo(stype + ".local.", f"{name}.{stype}.local.", addresses=[socket.inet_aton(ip)],
                               port=port, properties=props, server="pyhost.local.")
            zc.register_service(info, allow_name_change=True)
            print(json.dumps({"event": "registered", "name": info.name}), flush=True)
        else:
            def on_change(zeroconf, service_type, name, state_change):
                if state_change is ServiceStateChange.Added:
                    info = zeroconf.get_service_info(service_type, name, timeout=10000)
                    if info:
                        txt = {k.decode(): (v.decode() if v is not None else None) for k, v in info.properties.items()}
                        print(json.dumps({"event": "resolved", "name": name, "port": info.port, "server": info.server,
                                          "addresses": info.parsed_addresses(), "txt": txt}), flush=True)
                elif state_change is ServiceStateChange.Removed:
                    print(json.dumps({"event": "removed", "name": name}), flush=True)
            browser = ServiceBrowser(zc, sys.argv[3] + ".local.", handlers=[on_change])
        while True:
            time.sleep(1)
        """;

    public static string? SkipReason()
    {
        if (!File.Exists(Python))
        {
            return "/usr/bin/python3 is not installed";
        }
        return Directory.Exists("/usr/lib/python3/dist-packages/zeroconf")
            ? null
            : "python3-zeroconf is not installed (apt-get install python3-zeroconf; CI installs it from .ci/packages.txt)";
    }

    private static string ScriptPath(NetnsLab lab)
    {
        string path = Path.Combine(lab.Directory, "peer.py");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Script);
        }
        return path;
    }

    public static TestProcess Publish(NetnsLab lab, LabHost host, string name, string type, int port, params string[] txt)
    {
        if (SkipReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        return host.Start(Python, [ScriptPath(lab), "publish", host.Address, name, type, port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. txt]);
    }

    public static TestProcess Browse(NetnsLab lab, LabHost host, string type)
    {
        if (SkipReason() is { } reason)
        {
            Assert.Skip(reason);
        }
        return host.Start(Python, [ScriptPath(lab), "browse", host.Address, type]);
    }
}
