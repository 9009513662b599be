#!/bin/sh
# Edit saved -> the ZooClient sample sees the new handler, with where the time goes: runs the ZooService lab test
# (samples/ZooService under `inkwell run` on lab host A, samples/ZooClient on host B, a rude edit of a handler) RUNS times
# and prints the test's breakdown line with the load average before each run. Needs what the lab needs (root for the
# network namespaces; nothing leaves them).
#   bench/scripts/zoo-edit-latency.sh [RUNS]
set -eu
cd "$(dirname "$0")/../.."
runs=${1:-3}
dotnet build test/Inkwell.Zeroconf.Hosting.Tests -c Release >/dev/null
i=1
while [ "$i" -le "$runs" ]; do
    echo "run $i: $(uptime)"
    dotnet test test/Inkwell.Zeroconf.Hosting.Tests -c Release --no-build \
        --filter "FullyQualifiedName~ZooService_UnderInkwellRun" --logger "console;verbosity=detailed" | grep "edit saved" || true
    i=$((i + 1))
done
