#!/usr/bin/env bash
# Before/after compile speed of `inkwell protoc` on ../shared/corpus/googleads: publishes this tree and another
# commit (default: main) the way a user publishes the tool (framework-dependent, ReadyToRun for linux-x64), then runs
# them alternately, so both see the same load, and prints the median wall time and CPU (user+sys) of each.
# Usage: bench/scripts/protoc-googleads-ab.sh [rounds] [base-commit] [extra inkwell protoc flags...]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-10}
base=${2:-main}
shift $(( $# > 2 ? 2 : $# ))
corpus=$(realpath "${INKWELL_CORPUS:-../shared/corpus}")
out=$(mktemp -d)
trap 'git worktree remove --force "$out/base-tree" >/dev/null 2>&1 || true; rm -rf "$out"' EXIT

git worktree add --detach "$out/base-tree" "$base" >/dev/null
dotnet publish "$out/base-tree/src/Inkwell.Cli" -c Release -r linux-x64 --self-contained false -o "$out/before" >/dev/null
dotnet publish src/Inkwell.Cli -c Release -r linux-x64 --self-contained false -o "$out/after" >/dev/null
cp "$corpus/googleads/files.txt" "$out/files.rsp"
cd "$corpus/googleads"
args=(-I . -I ../protobuf --include_imports "$@")

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; flags: ${args[*]}"
# Warm the page cache; the corpus's unused-import warnings are not the point here.
for version in before after; do "$out/$version/inkwell" protoc "${args[@]}" -o "$out/$version.pb" "@$out/files.rsp" 2>/dev/null; done
cmp "$out/before.pb" "$out/after.pb" && echo "descriptor sets are byte-identical"
for ((round = 0; round < rounds; round++)); do
  for version in before after; do
    /usr/bin/time -f "$version %e %U %S" -a -o "$out/times" "$out/$version/inkwell" protoc "${args[@]}" -o "$out/x.pb" "@$out/files.rsp" 2>/dev/null
  done
done
python3 - "$out/times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
for version in ("before", "after"):
    wall = [float(r[1]) for r in rows if r[0] == version]
    cpu = [float(r[2]) + float(r[3]) for r in rows if r[0] == version]
    print(f"{version}: median wall {statistics.median(wall)*1000:.0f} ms (min {min(wall)*1000:.0f}, max {max(wall)*1000:.0f}), "
          f"median CPU {statistics.median(cpu)*1000:.0f} ms (min {min(cpu)*1000:.0f}, max {max(cpu)*1000:.0f}) ({len(wall)} runs)")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
