#!/usr/bin/env bash
# Where browse start -> first result goes against an avahi-daemon publisher: the Inkwell browser (host B)
# and avahi-daemon (host A) in a private two-namespace lab (nothing reaches a real interface), with a
# packet-arrival trace on host B. Per iteration: when our first query left, when Avahi's answer arrived,
# and when the "added" event reached the caller. Needs root, iproute2, avahi-daemon, avahi-utils, dbus.
# Usage: sudo bench/scripts/zeroconf-browse-trace.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-15}
dotnet build bench/Inkwell.Zeroconf.Lab -c Release -v q -nologo >/dev/null
LAB=$PWD/bench/Inkwell.Zeroconf.Lab/bin/Release/net10.0/Inkwell.Zeroconf.Lab.dll
work=$(mktemp -d); pids=()
source bench/scripts/lab.sh
lab_up ztr 10.88.0
lab_avahi_conf "$work/avahi.conf"
lab_avahi "$A" "$work/avahi.conf"
DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/bus" ip netns exec "$A" avahi-publish -s "Avahi Music" _daap._tcp 3689 > "$work/avahi.pub" 2>&1 & pids+=($!)
wait_for "$work/avahi.pub" Established
cat > "$work/sniff.py" <<'PY'
import socket, struct, sys, time
ip = sys.argv[1]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
s.bind(("", 5353))
s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, socket.inet_aton("224.0.0.251") + socket.inet_aton(ip))
print("ready", flush=True)
while True:
    data, src = s.recvfrom(9000)
    flags = struct.unpack(">H", data[2:4])[0]
    qd, an = struct.unpack(">HH", data[4:8])
    print(f"{time.time()*1000:.1f} {src[0]} {'R' if flags & 0x8000 else 'Q'} qd={qd} an={an} len={len(data)}", flush=True)
PY
sleep 2
ip netns exec "$B" /usr/bin/python3 "$work/sniff.py" 10.88.0.2 > "$work/sniff" 2>&1 & pids+=($!)
wait_for "$work/sniff" ready
ip netns exec "$B" dotnet "$LAB" browse _daap._tcp "$N" "$VB" > "$work/browse" 2>&1 || true
sleep 0.5
/usr/bin/python3 - "$work/browse" "$work/sniff" <<'PY'
import re, statistics, sys
its = [tuple(map(float, m.groups())) for m in (re.match(r"iteration \d+: ([\d.]+) ms \(start (\d+), end (\d+)\)", l) for l in open(sys.argv[1])) if m]
packets = [(float(p[0]), p[1], p[2]) for p in (l.split() for l in open(sys.argv[2])) if len(p) > 3 and p[0][0].isdigit()]
rows = []
for total, start, end in its[1:]:  # the first iteration includes JIT
    window = [p for p in packets if start - 5 <= p[0] <= end + 5]
    query = next((p[0] for p in window if p[1] == "10.88.0.2" and p[2] == "Q"), None)
    answer = next((p[0] for p in window if p[1] == "10.88.0.1" and p[2] == "R"), None)
    if query is not None and answer is not None:
        rows.append((total, query - start, answer - query, max(0.0, end - answer)))
for name, i in (("browse start -> first result", 0), ("browse start -> our first query", 1), ("our query -> avahi's answer", 2), ("avahi's answer -> added event", 3)):
    values = sorted(r[i] for r in rows)
    print(f"{name}: median {statistics.median(values):.0f} ms (min {values[0]:.0f}, max {values[-1]:.0f}, n={len(values)})")
PY
