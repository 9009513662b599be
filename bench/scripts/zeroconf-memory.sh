#!/usr/bin/env bash
# Memory with 1,000 registered services, side by side: Inkwell (the Zeroconf lab's `memory` mode, the same
# run as zeroconf-lab.sh's last section), python3-zeroconf (one process, 1,000 ServiceInfo registered
# concurrently through AsyncZeroconf) and avahi-daemon 0.8 (1,000 entry groups, one service each, added over
# D-Bus by one client). Each publisher runs alone on host A of a private two-namespace lab (both veth ends
# are created inside their namespaces; nothing reaches a real interface). Every service is "Service i" of
# _mem._tcp on port 10000+i with TXT index=i, IPv4 only.
# Reported per peer: the time until every service was registered (probing done, name owned), then, after
# the announcements, VmRSS from /proc/PID/status and Pss from /proc/PID/smaps_rollup of the responder
# process (for Avahi: the daemon, and separately its D-Bus client and the private dbus-daemon).
# Needs root, iproute2, avahi-daemon, dbus, python3-dbus, python3-zeroconf.
# Usage: sudo bench/scripts/zeroconf-memory.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000}
dotnet build bench/Inkwell.Zeroconf.Lab -c Release -v q -nologo >/dev/null
LAB=$PWD/bench/Inkwell.Zeroconf.Lab/bin/Release/net10.0/Inkwell.Zeroconf.Lab.dll
work=$(mktemp -d); pids=()
source bench/scripts/lab.sh
lab_up zmem 10.88.0

HOLD=30  # seconds each publisher keeps its services after reporting, while /proc is read
memory() { # PID LABEL: resident and proportional set size of one process, read from /proc
  local rss pss
  rss=$(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$1/status")
  pss=$(awk '/^Pss:/ {printf "%.1f", $2 / 1024}' "/proc/$1/smaps_rollup")
  echo "  $2 (pid $1, $(cat "/proc/$1/comm")): RSS $rss MiB, PSS $pss MiB"
}
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; pids=(); sleep 1; }

cat > "$work/pymem.py" <<'PY'
import asyncio, socket, sys, time
from zeroconf import IPVersion, ServiceInfo
from zeroconf.asyncio import AsyncZeroconf
ip, n, hold = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
async def main():
    azc = AsyncZeroconf(interfaces=[ip], ip_version=IPVersion.V4Only)
    rss = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmRSS:")) / 1024
    infos = [ServiceInfo("_mem._tcp.local.", f"Service {i}._mem._tcp.local.", addresses=[socket.inet_aton(ip)],
                         port=10000 + i, properties={"index": str(i)}, server="pyhost.local.") for i in range(n)]
    start = time.monotonic()
    # async_register_service returns once the name is probed and owned; the task it returns sends the announcements.
    announcing = await asyncio.gather(*(azc.async_register_service(info) for info in infos))
    registered = time.monotonic() - start
    await asyncio.gather(*announcing)
    announced = time.monotonic() - start
    await asyncio.sleep(3)
    print(f"{n} services registered in {registered * 1000:.0f} ms (announcements done at {announced * 1000:.0f} ms); RSS before registering {rss:.1f} MiB", flush=True)
    await asyncio.sleep(hold)
asyncio.run(main())
PY
cat > "$work/avahimem.py" <<'PY'
# One D-Bus client of avahi-daemon: n entry groups, one service each, committed as fast as the bus
# takes them; then polls the groups' states until every one is ESTABLISHED (2).
import sys, time, dbus
n, hold = int(sys.argv[1]), float(sys.argv[2])
bus = dbus.SystemBus()
server = dbus.Interface(bus.get_object("org.freedesktop.Avahi", "/", introspect=False), "org.freedesktop.Avahi.Server")
start = time.monotonic()
groups = []
for i in range(n):
    group = dbus.Interface(bus.get_object("org.freedesktop.Avahi", server.EntryGroupNew(), introspect=False), "org.freedesktop.Avahi.EntryGroup")
    group.AddService(dbus.Int32(-1), dbus.Int32(0), dbus.UInt32(0), f"Service {i}", "_mem._tcp", "", "",
                     dbus.UInt16(10000 + i), dbus.Array([dbus.ByteArray(f"index={i}".encode())], signature="ay"))
    group.Commit()
    groups.append(group)
committed = time.monotonic() - start
pending = groups
while pending:
    pending = [g for g in pending if g.GetState() != 2]
    if any(g.GetState() == 3 for g in pending):
        sys.exit("a group collided")
    if pending:
        time.sleep(0.1)
registered = time.monotonic() - start
time.sleep(3)
print(f"{n} services registered in {registered * 1000:.0f} ms (all committed at {committed * 1000:.0f} ms)", flush=True)
time.sleep(hold)
PY

echo "# $N services registered at once on host A; memory read from /proc after the announcements"
echo "Inkwell.Zeroconf (bench/Inkwell.Zeroconf.Lab memory $N):"
ip netns exec "$A" dotnet "$LAB" memory "$N" "$VA" "$HOLD" > "$work/inkwell.out" 2>&1 & pids+=($!)
wait_for "$work/inkwell.out" "services registered" 120
echo "  $(cat "$work/inkwell.out")"
memory "${pids[-1]}" "inkwell"
stop_all

echo "python3-zeroconf $(/usr/bin/python3 -c 'import zeroconf; print(zeroconf.__version__)'):"
ip netns exec "$A" /usr/bin/python3 "$work/pymem.py" 10.88.0.1 "$N" "$HOLD" > "$work/py.out" 2>&1 & pids+=($!)
wait_for "$work/py.out" "services registered" 120
echo "  $(cat "$work/py.out")"
memory "${pids[-1]}" "python3-zeroconf"
stop_all

# objects-per-client-max is raised from its default (1024, which 1,000 groups come close to); the rate
# limit stays at Avahi's default (1000 packets/s per interface, burst 1000).
lab_avahi_conf "$work/avahi.conf" objects-per-client-max=4096
ip netns exec "$A" dbus-daemon --config-file=/usr/share/dbus-1/system.conf --address="unix:path=$work/bus" --nofork --nopidfile 2>/dev/null & pids+=($!)
dbus_pid=${pids[-1]}
sleep 1
DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/bus" ip netns exec "$A" unshare -m sh -c "mount -t tmpfs tmpfs /run && mkdir /run/avahi-daemon && exec avahi-daemon -f $work/avahi.conf --no-drop-root --no-chroot --no-rlimits" > "$work/avahi.log" 2>&1 & pids+=($!)
avahi_pid=${pids[-1]}
wait_for "$work/avahi.log" "startup complete" 120
echo "avahi-daemon $(avahi-daemon --version | awk '{print $2}'), before registering:"
memory "$avahi_pid" "avahi-daemon"
memory "$dbus_pid" "dbus-daemon"
DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/bus" ip netns exec "$A" /usr/bin/python3 "$work/avahimem.py" "$N" "$HOLD" > "$work/avahi.out" 2>&1 & pids+=($!)
wait_for "$work/avahi.out" "services registered" 120
echo "avahi-daemon, $N services registered over D-Bus by one client:"
echo "  $(cat "$work/avahi.out")"
memory "$avahi_pid" "avahi-daemon"
memory "${pids[-1]}" "its D-Bus client (python3-dbus)"
memory "$dbus_pid" "dbus-daemon"
stop_all
