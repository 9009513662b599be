#!/usr/bin/env bash
# Resident memory of a small device's job — register one service and browse its type — side by side:
# Inkwell's Native AOT probe (bench/Inkwell.Zeroconf.AotProbe), the JIT `inkwell dns-sd -R` for reference,
# avahi-daemon 0.8 with avahi-publish and avahi-browse as its D-Bus clients (private dbus-daemon), and
# python3-zeroconf (one process: register_service + ServiceBrowser). Each runs alone on host A of a private
# two-namespace lab (both veth ends created inside their namespaces; nothing reaches a real interface) while
# the AOT probe on host B announces a service of the same type, so every browser has something to find.
# VmRSS from /proc/PID/status, read 8 s after start. Needs root, iproute2, clang, zlib1g-dev, dbus,
# avahi-daemon, avahi-utils, python3-zeroconf. Usage: sudo bench/scripts/zeroconf-aot-rss.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d); pids=()
dotnet publish bench/Inkwell.Zeroconf.AotProbe -c Release -r linux-x64 -o "$work/aot" -v q -nologo >/dev/null
dotnet build src/Inkwell.Cli -c Release -v q -nologo >/dev/null
PROBE=$work/aot/Inkwell.Zeroconf.AotProbe
CLI=$PWD/src/Inkwell.Cli/bin/Release/net10.0/inkwell.dll
source bench/scripts/lab.sh
lab_up zrss 10.89.0
sleep 2

rss() { awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; pids=(); sleep 1; }

# The peer on host B, up for the whole run.
ip netns exec "$B" "$PROBE" "$VB" peer-b peer-b _rss._tcp 7001 >"$work/peer.log" 2>&1 & peer=$!

ip netns exec "$A" "$PROBE" "$VA" probe-a probe-a _rss._tcp 7000 >"$work/aot.log" 2>&1 & pids+=($!)
sleep 8; grep -q "added peer-b" "$work/aot.log" || { echo "AOT probe saw nothing" >&2; cat "$work/aot.log" >&2; exit 1; }
echo "Inkwell AOT probe (register + browse): RSS $(rss "${pids[0]}") MiB"
stop_all

DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent ip netns exec "$A" dotnet "$CLI" dns-sd -R probe-a _rss._tcp local 7000 >"$work/cli.log" 2>&1 & pids+=($!)
sleep 8; echo "inkwell dns-sd -R (JIT, register only): RSS $(rss "${pids[0]}") MiB"
stop_all

cat >"$work/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>system</type><listen>unix:path=$work/bus</listen><auth>EXTERNAL</auth>
<policy context="default"><allow user="*"/><allow own="*"/><allow send_type="method_call"/><allow send_type="signal"/>
<allow send_type="method_return"/><allow send_type="error"/><allow receive_type="method_call"/><allow receive_type="signal"/>
<allow receive_type="method_return"/><allow receive_type="error"/></policy></busconfig>
CONF
lab_avahi_conf "$work/avahi.conf" enable-dbus=yes
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/bus
dbus-daemon --config-file="$work/bus.conf" --nofork --nopidfile >/dev/null 2>&1 & pids+=($!); bus=$!
sleep 0.5
ip netns exec "$A" unshare --mount --propagation private sh -c 'mount -t tmpfs tmpfs /run && mkdir /run/avahi-daemon && exec avahi-daemon -f "$0" --no-drop-root --no-chroot --no-rlimits' "$work/avahi.conf" >"$work/avahi.log" 2>&1 & pids+=($!); daemon=$!
for _ in $(seq 100); do grep -q "Server startup complete" "$work/avahi.log" && break; sleep 0.1; done
ip netns exec "$A" avahi-publish -s probe-a _rss._tcp 7000 >/dev/null 2>&1 & pids+=($!); publish=$!
ip netns exec "$A" avahi-browse -p _rss._tcp >"$work/avahi-browse.log" 2>&1 & pids+=($!); browse=$!
sleep 8; grep -q "peer-b" "$work/avahi-browse.log" || { echo "avahi-browse saw nothing" >&2; exit 1; }
echo "avahi-daemon: RSS $(rss $daemon) MiB; + avahi-publish $(rss $publish) MiB + avahi-browse $(rss $browse) MiB + dbus-daemon $(rss $bus) MiB"
stop_all
unset DBUS_SYSTEM_BUS_ADDRESS

cat >"$work/py.py" <<'PY'
import socket, sys, time
from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, Zeroconf
ip = sys.argv[1]
zc = Zeroconf(interfaces=[ip], ip_version=IPVersion.V4Only)
zc.register_service(ServiceInfo("_rss._tcp.local.", "probe-a._rss._tcp.local.", addresses=[socket.inet_aton(ip)], port=7000, server="pyhost.local."))
class Listener:
    def add_service(self, zc, t, name): print("added", name, flush=True)
    def remove_service(self, zc, t, name): pass
    def update_service(self, zc, t, name): pass
ServiceBrowser(zc, "_rss._tcp.local.", Listener())
time.sleep(3600)
PY
ip netns exec "$A" /usr/bin/python3 "$work/py.py" 10.89.0.1 >"$work/py.log" 2>&1 & pids+=($!)
sleep 8; grep -q "peer-b" "$work/py.log" || { echo "python-zeroconf saw nothing" >&2; cat "$work/py.log" >&2; exit 1; }
echo "python3-zeroconf (register + browse): RSS $(rss "${pids[0]}") MiB"
stop_all
kill $peer 2>/dev/null || true
