#!/usr/bin/env bash
# Responder throughput side by side: Inkwell (inkwell dns-sd -R), avahi-daemon and python-zeroconf each
# publish one service on host A of a private two-namespace lab (veth pair; nothing reaches a real
# interface); a load generator on host B sends the same stream of legacy-unicast SRV queries (RFC 6762
# §6.7: source port != 5353, so every responder answers each one at once by unicast) at fixed rates and
# counts the answers. Reported per rate: answered/s, answered %, the responder's CPU time per answer
# (utime+stime from /proc) and its resident memory. Needs root, iproute2, avahi-daemon, avahi-utils,
# dbus, python3-zeroconf. Usage: sudo bench/scripts/zeroconf-throughput.sh [SECONDS] [RATE...]
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ $(id -u) -eq 0 ]] || { echo "zeroconf-throughput: needs root to create network namespaces" >&2; exit 1; }
SECONDS_PER_RATE=${1:-5}; shift || true
RATES=("${@:-500 2000 8000}"); RATES=(${RATES[@]})
dotnet build src/Inkwell.Cli -c Release -v q -nologo >/dev/null
CLI=$PWD/src/Inkwell.Cli/bin/Release/net10.0/inkwell.dll
id=$RANDOM; A=zthr${id}a; B=zthr${id}b; VA=zt${id}0; VB=zt${id}1
work=$(mktemp -d); pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  ip netns del "$A" 2>/dev/null || true; ip netns del "$B" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$A"; ip netns add "$B"
# Both veth ends are created inside their namespaces: the machine's own namespace never sees them.
ip -n "$A" link add "$VA" type veth peer name "$VB" netns "$B"
ip -n "$A" addr add 10.88.0.1/24 dev "$VA"; ip -n "$B" addr add 10.88.0.2/24 dev "$VB"
for ns in "$A" "$B"; do ip -n "$ns" link set lo up; done
ip -n "$A" link set "$VA" up multicast on; ip -n "$B" link set "$VB" up multicast on
ip -n "$A" route add 224.0.0.0/4 dev "$VA"; ip -n "$B" route add 224.0.0.0/4 dev "$VB"

wait_for() { for _ in $(seq 600); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done; echo "timeout waiting for $2 in $1" >&2; cat "$1" >&2; return 1; }

cat > "$work/load.py" <<'PY'
# Sends legacy-unicast SRV queries for "Load Test._load._tcp.local" to the mDNS group at a fixed rate and
# counts the answers; prints answered/s, answered %, and the responder's CPU time per answer and RSS.
import os, socket, struct, sys, threading, time
pid, seconds, rates = int(sys.argv[1]), float(sys.argv[2]), [int(r) for r in sys.argv[3:]]
def name(labels): return b"".join(bytes([len(l)]) + l for l in labels) + b"\0"
qname = name([b"Load Test", b"_load", b"_tcp", b"local"])
def cpu_seconds():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
def rss_mib():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"): return int(line.split()[1]) / 1024
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("10.88.0.2", 0))  # an ephemeral port: legacy unicast
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("10.88.0.2"))
s.settimeout(0.2)
# A 2-second warm-up at the first rate, not reported: every responder starts its measured runs warm
# (JIT and tiering for .NET, bytecode caches for Python).
for rate, report in [(rates[0], False)] + [(r, True) for r in rates]:
    seconds = 2.0 if not report else float(sys.argv[2])
    answered = [0]; stop = [False]
    def receive():
        while not stop[0]:
            try:
                data = s.recv(9000)
            except socket.timeout:
                continue
            if len(data) >= 12 and data[2] & 0x80 and struct.unpack(">H", data[6:8])[0] > 0:
                answered[0] += 1
    t = threading.Thread(target=receive); t.start()
    cpu0, start, sent = cpu_seconds(), time.monotonic(), 0
    while True:
        now = time.monotonic() - start
        if now >= seconds: break
        due = int(now * rate)
        while sent < due:
            sent += 1
            s.sendto(struct.pack(">HHHHHH", sent & 0xFFFF, 0, 1, 0, 0, 0) + qname + struct.pack(">HH", 33, 1), ("224.0.0.251", 5353))
        time.sleep(0.0005)
    time.sleep(0.5)  # late answers
    stop[0] = True; t.join()
    cpu = cpu_seconds() - cpu0
    per = f"{cpu / answered[0] * 1e6:.0f} us" if answered[0] else "-"
    if not report: continue
    print(f"  offered {rate}/s: answered {answered[0] / seconds:.0f}/s ({100 * answered[0] / max(sent, 1):.1f} %), responder CPU {cpu:.2f} s = {per} per answer, RSS {rss_mib():.0f} MiB", flush=True)
PY
cat > "$work/pypublish.py" <<'PY'
import socket, sys, time
from zeroconf import IPVersion, ServiceInfo, Zeroconf
ip = sys.argv[1]
zc = Zeroconf(interfaces=[ip], ip_version=IPVersion.V4Only)
zc.register_service(ServiceInfo("_load._tcp.local.", "Load Test._load._tcp.local.", addresses=[socket.inet_aton(ip)], port=4000, server="pyhost.local."))
print("registered", flush=True)
time.sleep(3600)
PY
load() { ip netns exec "$B" /usr/bin/python3 "$work/load.py" "$1" "$SECONDS_PER_RATE" "${RATES[@]}"; }
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; pids=(); sleep 1; }

echo "# legacy-unicast SRV queries, ${SECONDS_PER_RATE} s per rate, one responder at a time on the other host"
echo "inkwell dns-sd -R (embedded responder):"
ip netns exec "$A" dotnet "$CLI" dns-sd -R "Load Test" _load._tcp . 4000 --interface "$VA" --json > "$work/inkwell.pub" 2>&1 & pids+=($!)
wait_for "$work/inkwell.pub" registered
load "${pids[-1]}"
stop_all

echo "python3-zeroconf $(/usr/bin/python3 -c 'import zeroconf; print(zeroconf.__version__)'):"
ip netns exec "$A" /usr/bin/python3 "$work/pypublish.py" 10.88.0.1 > "$work/py.pub" 2>&1 & pids+=($!)
wait_for "$work/py.pub" registered
load "${pids[-1]}"
stop_all

cat > "$work/avahi.conf" <<CONF
[server]
host-name=avahi-a
use-ipv4=yes
use-ipv6=no
allow-interfaces=$VA
[wide-area]
enable-wide-area=no
[publish]
publish-workstation=no
publish-hinfo=no
CONF
ip netns exec "$A" dbus-daemon --config-file=/usr/share/dbus-1/system.conf --address="unix:path=$work/bus" --nofork --nopidfile 2>/dev/null & pids+=($!)
sleep 1
DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/bus" ip netns exec "$A" unshare -m sh -c "mount -t tmpfs tmpfs /run && mkdir /run/avahi-daemon && exec avahi-daemon -f $work/avahi.conf --no-drop-root --no-chroot --no-rlimits" > "$work/avahi.log" 2>&1 & pids+=($!)
avahi_pid=${pids[-1]}
wait_for "$work/avahi.log" "startup complete"
DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/bus" ip netns exec "$A" avahi-publish -s "Load Test" _load._tcp 4000 > "$work/avahi.pub" 2>&1 & pids+=($!)
wait_for "$work/avahi.pub" Established
echo "avahi-daemon $(avahi-daemon --version | awk '{print $2}') (default rate limit: 1000 packets/s per interface, burst 1000):"
load "$avahi_pid"
