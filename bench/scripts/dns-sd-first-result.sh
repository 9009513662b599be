#!/usr/bin/env bash
# Time to first result of `inkwell dns-sd -B _bar._tcp`, process start included, side by side with python-zeroconf's
# browser, in a private two-namespace lab (veth pair; nothing reaches a real interface). Host A publishes two
# `_bar._tcp` services, one through avahi-daemon (avahi-publish) and one with python-zeroconf; host B starts each
# browser afresh, in turn, N times (default 7), and takes the time from spawning the process to its first result line.
# Browsers: inkwell as built (dotnet inkwell.dll), inkwell published ReadyToRun (dotnet publish -r linux-x64, the
# apphost), inkwell as installed by `dotnet tool install` (the packed tool, run through its shim), and python-zeroconf.
# Host B has no avahi-daemon and its system bus points nowhere, so `--backend auto` picks the embedded responder.
# Needs root, iproute2, dbus, avahi-daemon, avahi-utils, python3-zeroconf.
# With a second argument, a git revision (BASE, e.g. main or a commit), the tool as installed from that revision's tree is
# timed too, interleaved with the others, for a before/after in one run on a machine whose load comes and goes.
# Results and where the time goes: docs/benchmarks.md. Usage: sudo bench/scripts/dns-sd-first-result.sh [N [BASE]]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-7}
BASE=${2:-}
work=$(mktemp -d)
pids=()

# The three builds of the tool.
quietly() { "$@" > "$work/step.log" 2>&1 || { cat "$work/step.log" >&2; exit 1; }; }
quietly dotnet build src/Inkwell.Cli -c Release -v q -nologo
BUILT="dotnet $PWD/src/Inkwell.Cli/bin/Release/net10.0/inkwell.dll"
quietly dotnet publish src/Inkwell.Cli -c Release -r linux-x64 --self-contained false -o "$work/r2r" -v q -nologo
R2R="$work/r2r/inkwell"
quietly dotnet pack src/Inkwell.Cli -c Release -o "$work/nupkg" -v q -nologo
version=$(ls "$work/nupkg" | sed -n 's/^Inkwell\.Cli\.\(.*\)\.nupkg$/\1/p' | head -1)
quietly dotnet tool install Inkwell.Cli --version "$version" --add-source "$work/nupkg" --tool-path "$work/tool"
TOOL="$work/tool/inkwell"
BASE_TOOL=""
if [[ -n "$BASE" ]]; then
  mkdir "$work/base"
  git archive "$BASE" | tar -x -C "$work/base"
  quietly dotnet pack "$work/base/src/Inkwell.Cli" -c Release -o "$work/base-nupkg" -v q -nologo -p:Version=0.0.0-base  # a version of its own: no package cache can hand out the other tree's
  base_version=$(ls "$work/base-nupkg" | sed -n 's/^Inkwell\.Cli\.\(.*\)\.nupkg$/\1/p' | head -1)
  quietly dotnet tool install Inkwell.Cli --version "$base_version" --add-source "$work/base-nupkg" --tool-path "$work/base-tool"
  BASE_TOOL="$work/base-tool/inkwell"
fi

source bench/scripts/lab.sh
lab_up dfr 10.89.0

# Host A: avahi-daemon (private bus, own /run) publishing one service, python-zeroconf publishing another.
lab_avahi_conf "$work/avahi.conf"
lab_avahi "$A" "$work/avahi.conf"
DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/bus" ip netns exec "$A" avahi-publish -s "Avahi Bar" _bar._tcp 4701 > "$work/avahi.pub" 2>&1 & pids+=($!)
wait_for "$work/avahi.pub" Established
cat > "$work/pypublish.py" <<'PY'
import socket, sys, time
from zeroconf import IPVersion, ServiceInfo, Zeroconf
ip = sys.argv[1]
zc = Zeroconf(interfaces=[ip], ip_version=IPVersion.V4Only)
zc.register_service(ServiceInfo("_bar._tcp.local.", "Py Bar._bar._tcp.local.", addresses=[socket.inet_aton(ip)], port=4702, server="pybar.local."))
print("registered", flush=True)
time.sleep(3600)
PY
ip netns exec "$A" /usr/bin/python3 "$work/pypublish.py" 10.89.0.1 > "$work/py.pub" 2>&1 & pids+=($!)
wait_for "$work/py.pub" registered

# Host B: python-zeroconf's browser as a program of its own, like inkwell: start, print the first instance, run on.
cat > "$work/pybrowse.py" <<'PY'
import sys, time
from zeroconf import IPVersion, ServiceBrowser, ServiceStateChange, Zeroconf
zc = Zeroconf(interfaces=[sys.argv[1]], ip_version=IPVersion.V4Only)
def on_change(zeroconf, service_type, name, state_change):
    if state_change is ServiceStateChange.Added:
        print("Add " + name, flush=True)
ServiceBrowser(zc, "_bar._tcp.local.", handlers=[on_change])
while True:
    time.sleep(1)
PY
cat > "$work/driver.py" <<'PY'
import os, select, signal, statistics, subprocess, sys, time
n = int(sys.argv[1])
browsers = [
    ("inkwell, as built (dotnet inkwell.dll)", os.environ["BUILT"].split() + ["dns-sd", "-B", "_bar._tcp"]),
    ("inkwell, published ReadyToRun", [os.environ["R2R"], "dns-sd", "-B", "_bar._tcp"]),
    ("inkwell, dotnet tool install", [os.environ["TOOL"], "dns-sd", "-B", "_bar._tcp"]),
] + ([
    ("inkwell BASE, dotnet tool install".replace("BASE", os.environ["BASE"]), [os.environ["BASE_TOOL"], "dns-sd", "-B", "_bar._tcp"]),
] if os.environ.get("BASE_TOOL") else []) + [
    ("python-zeroconf ServiceBrowser", ["/usr/bin/python3", os.environ["PYBROWSE"], "10.89.0.2"]),
]
env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS="unix:path=/nonexistent/inkwell-bench-no-bus")
times = {name: [] for name, _ in browsers}
for i in range(n):
    for name, argv in browsers:
        time.sleep(1.5)  # responders multicast a record at most once a second (RFC 6762 §6): let each run start fresh
        start = time.monotonic()
        p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        first, buffer = None, b""
        while first is None and time.monotonic() - start < 20:
            ready, _, _ = select.select([p.stdout], [], [], 0.5)
            if ready:
                chunk = os.read(p.stdout.fileno(), 65536)
                if not chunk:
                    break
                buffer += chunk
                if any(" Add " in l or l.startswith("Add ") for l in buffer.decode(errors="replace").splitlines()):
                    first = (time.monotonic() - start) * 1000
        p.send_signal(signal.SIGINT)
        try:
            p.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill(); p.communicate()
        times[name].append(first if first is not None else float("nan"))
for name, values in times.items():
    v = sorted(values)
    print(f"{name:40s} median {statistics.median(v):6.0f} ms   (min {v[0]:.0f}, max {v[-1]:.0f}; runs: {' '.join(f'{x:.0f}' for x in values)})")
PY
echo "# time to first result of a _bar._tcp browse, process start included; median of $N, load average $(cut -d' ' -f1-3 /proc/loadavg)"
BASE="$BASE" BASE_TOOL="$BASE_TOOL" BUILT="$BUILT" R2R="$R2R" TOOL="$TOOL" PYBROWSE="$work/pybrowse.py" ip netns exec "$B" /usr/bin/python3 "$work/driver.py" "$N"
# Where the installed tool's time goes: its start-up steps (INKWELL_STARTUP_TRACE=1, src/Inkwell.Cli/StartupTrace.cs) in ms
# after spawn, and BASE's interleaved, by the A/B script (one copy of the step reader).
ip netns exec "$B" /usr/bin/python3 bench/scripts/dns-sd-startup-ab.py "$N" _bar._tcp "installed=::$TOOL" ${BASE_TOOL:+"base=::$BASE_TOOL"}
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
