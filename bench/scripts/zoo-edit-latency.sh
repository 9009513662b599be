#!/bin/sh
# Edit saved -> the ZooClient sample sees the new handler, with where the time goes: runs the ZooService lab test
# (samples/ZooService under `inkwell run` on lab host A, samples/ZooClient on host B, a rude edit of a handler) RUNS times
# and prints the test's breakdown line with the load average before each run. With --ab each run is a pair, interleaved:
# the DNS-SD registration handed over to the new version (the default) and not (Zeroconf__HandoverGrace=0: the old version
# says goodbye and drains, the new one probes). Needs what the lab needs (root for the network namespaces; nothing leaves them).
#   bench/scripts/zoo-edit-latency.sh [--ab] [RUNS]
set -eu
cd "$(dirname "$0")/../.."
ab=0
if [ "${1:-}" = "--ab" ]; then ab=1; shift; fi
runs=${1:-3}
dotnet build test/Inkwell.Zeroconf.Hosting.Tests -c Release >/dev/null
one() {
    dotnet test test/Inkwell.Zeroconf.Hosting.Tests -c Release --no-build \
        --filter "FullyQualifiedName~ZooService_UnderInkwellRun" --logger "console;verbosity=detailed" | grep -E "edit saved|Failed|Passed!" || true
}
i=1
while [ "$i" -le "$runs" ]; do
    echo "run $i, handed over: $(uptime)"
    one
    if [ "$ab" = 1 ]; then
        echo "run $i, withdrawn and probed again (Zeroconf__HandoverGrace=0): $(uptime)"
        Zeroconf__HandoverGrace=0 one
    fi
    i=$((i + 1))
done
