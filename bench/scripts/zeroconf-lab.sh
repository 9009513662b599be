#!/usr/bin/env bash
# Whole-process Inkwell.Zeroconf timings against avahi-daemon and python-zeroconf, run ONLY inside a
# private two-host network-namespace lab (veth pair, nothing reaches a real interface). Needs root,
# iproute2, avahi-daemon, avahi-utils, dbus and python3-zeroconf. Usage: sudo bench/scripts/zeroconf-lab.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-15}
dotnet build bench/Inkwell.Zeroconf.Lab -c Release -v q -nologo >/dev/null
dotnet build src/Inkwell.Cli -c Release -v q -nologo >/dev/null
LAB=$PWD/bench/Inkwell.Zeroconf.Lab/bin/Release/net10.0/Inkwell.Zeroconf.Lab.dll
CLI=$PWD/src/Inkwell.Cli/bin/Release/net10.0/inkwell.dll
work=$(mktemp -d)
pids=()
source bench/scripts/lab.sh
lab_up zlab 10.88.0

stop_last() { kill "${pids[-1]}" 2>/dev/null || true; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; sleep 1.5; }

cat > "$work/pybrowse.py" <<'PY'
import sys, time, statistics
from zeroconf import IPVersion, ServiceBrowser, ServiceStateChange, Zeroconf
ip, stype, n = sys.argv[1], sys.argv[2] + ".local.", int(sys.argv[3])
times = []
for i in range(n):
    time.sleep(1.5)  # as the Inkwell browser does: responders rate-limit multicast to once a second
    zc = Zeroconf(interfaces=[ip], ip_version=IPVersion.V4Only)
    seen = []
    start = time.monotonic()
    def on_change(zeroconf, service_type, name, state_change):
        if state_change is ServiceStateChange.Added and not seen:
            seen.append(time.monotonic())
    ServiceBrowser(zc, stype, handlers=[on_change])
    while not seen and time.monotonic() - start < 20:
        time.sleep(0.001)
    times.append((seen[0] - start) * 1000 if seen else float("nan"))
    zc.close()
print(f"median {statistics.median(times):.1f} ms, min {min(times):.1f}, max {max(times):.1f}, n={len(times)}")
PY
cat > "$work/pypublish.py" <<'PY'
import socket, sys, time
from zeroconf import IPVersion, ServiceInfo, Zeroconf
ip = sys.argv[1]
zc = Zeroconf(interfaces=[ip], ip_version=IPVersion.V4Only)
info = ServiceInfo("_daap._tcp.local.", "Py Music._daap._tcp.local.", addresses=[socket.inet_aton(ip)], port=3689, server="pyhost.local.")
zc.register_service(info)
print("registered", flush=True)
time.sleep(3600)
PY

echo "# browse start -> first result (already-announced service), N=$N, fresh browser each time"
ip netns exec "$A" dotnet "$CLI" dns-sd -R "DAAP Server" _daap._tcp . 3689 --interface "$VA" --json > "$work/inkwell.pub" 2>&1 & pids+=($!)
wait_for "$work/inkwell.pub" registered
echo "inkwell browser, inkwell publisher:     $(ip netns exec "$B" dotnet "$LAB" browse _daap._tcp "$N" "$VB" | tail -1)"
echo "python-zeroconf browser, inkwell publisher: $(ip netns exec "$B" /usr/bin/python3 "$work/pybrowse.py" 10.88.0.2 _daap._tcp "$N" | tail -1)"
stop_last

ip netns exec "$A" /usr/bin/python3 "$work/pypublish.py" 10.88.0.1 > "$work/py.pub" 2>&1 & pids+=($!)
wait_for "$work/py.pub" registered
echo "inkwell browser, python-zeroconf publisher: $(ip netns exec "$B" dotnet "$LAB" browse _daap._tcp "$N" "$VB" | tail -1)"
echo "python-zeroconf browser, python-zeroconf publisher: $(ip netns exec "$B" /usr/bin/python3 "$work/pybrowse.py" 10.88.0.2 _daap._tcp "$N" | tail -1)"
stop_last

lab_avahi_conf "$work/avahi.conf"
lab_avahi "$A" "$work/avahi.conf"
DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/bus" ip netns exec "$A" avahi-publish -s "Avahi Music" _daap._tcp 3689 > "$work/avahi.pub" 2>&1 & pids+=($!)
wait_for "$work/avahi.pub" Established
echo "inkwell browser, avahi publisher:        $(ip netns exec "$B" dotnet "$LAB" browse _daap._tcp "$N" "$VB" | tail -1)"
echo "python-zeroconf browser, avahi publisher: $(ip netns exec "$B" /usr/bin/python3 "$work/pybrowse.py" 10.88.0.2 _daap._tcp "$N" | tail -1)"
stop_last; stop_last; stop_last

echo "# register -> visible on the other host (inkwell on both), 5 runs"
for run in 1 2 3 4 5; do
  ip netns exec "$B" dotnet "$LAB" first-seen _regtest._tcp "$VB" > "$work/seen" 2>&1 & pids+=($!)
  sleep 1.5
  ip netns exec "$A" dotnet "$LAB" register "Run $run" _regtest._tcp 4000 "$VA" > "$work/reg" 2>&1 & pids+=($!)
  wait_for "$work/seen" seen
  start=$(awk '/^start/ {print $2}' "$work/reg"); seen=$(awk '/^seen/ {print $2}' "$work/seen")
  echo "run $run: $((seen - start)) ms"
  stop_last; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'
done

echo "# memory: 1000 services registered at once on one host"
ip netns exec "$A" dotnet "$LAB" memory 1000 "$VA"
