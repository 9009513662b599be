#!/usr/bin/env bash
# A hosted app published Native AOT: bench/Inkwell.Zeroconf.HostedAotProbe (generic host, console logging, configuration,
# AddZeroconf with the embedded backend, the DNS-SD service-discovery provider) registers one service and resolves its
# type's name to endpoints, on host A of a private two-namespace lab (both veth ends created inside their namespaces;
# nothing reaches a real interface), while a second copy on host B announces one more. Prints the probe's own times
# (process start to ApplicationStarted, to "registered" after the ~1 s of mandated probing) and VmRSS 8 s after start,
# then the same for the JIT build of the same app. Needs root, iproute2, clang, zlib1g-dev.
# Usage: sudo bench/scripts/zeroconf-hosted-aot.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d); pids=()
dotnet publish bench/Inkwell.Zeroconf.HostedAotProbe -c Release -r linux-x64 -o "$work/aot" -v q -nologo >/dev/null
AOT=("$work/aot/Inkwell.Zeroconf.HostedAotProbe")
JIT=(dotnet "$PWD/bench/Inkwell.Zeroconf.HostedAotProbe/bin/Release/net10.0/linux-x64/Inkwell.Zeroconf.HostedAotProbe.dll")
source bench/scripts/lab.sh
lab_up zha 10.89.0
sleep 2
# The embedded backend only; never the machine's own bus.
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=/nonexistent
options() { echo "--Zeroconf:Backend=embedded --Zeroconf:Interfaces:0=$1 --Zeroconf:HostName=$2 --Zeroconf:UseIPv6=false"; }

# The peer on host B (AOT), up for the whole run.
# shellcheck disable=SC2046
ip netns exec "$B" "${AOT[@]}" peer-b rss 7001 $(options "$VB" peer-b) >"$work/peer.log" 2>&1 & peer=$!; pids+=("$peer")
sleep 3
for build in AOT JIT; do
  declare -n command=$build
  # shellcheck disable=SC2046
  ip netns exec "$A" "${command[@]}" probe-a rss 7000 $(options "$VA" probe-a) >"$work/$build.log" 2>&1 & probe=$!; pids+=("$probe")
  sleep 8
  grep -q "10.89.0.2:7001" "$work/$build.log" || { echo "$build: peer-b not among the endpoints" >&2; cat "$work/$build.log" >&2; exit 1; }
  echo "$build hosted probe: $(grep '^started' "$work/$build.log") ms, $(grep '^registered' "$work/$build.log") ms," \
       "RSS $(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$probe/status") MiB"
  kill "$probe"; wait "$probe" 2>/dev/null || true
done
echo "AOT binary: $(du -k "${AOT[0]}" | cut -f1) KiB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$peer"
