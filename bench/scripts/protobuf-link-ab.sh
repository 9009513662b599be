#!/usr/bin/env bash
# Before/after of the compiler's in-process link and the source generator's one-line .proto edit: builds
# bench/Inkwell.Benchmarks from this tree and from another commit (default: main), then runs the two builds'
# ProtoLinkBenchmarks and ProtobufSourceGeneratorBenchmarks alternately, round by round, so both see the same load.
# Usage: bench/scripts/protobuf-link-ab.sh [rounds] [base-commit] [benchmark filter...]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-2}
base=${2:-main}
shift $(( $# > 2 ? 2 : $# ))
filters=("$@")
if [ ${#filters[@]} -eq 0 ]; then
  filters=('*ProtoLinkBenchmarks*' '*ProtobufSourceGeneratorBenchmarks*')
fi
out=$(mktemp -d)
trap 'git worktree remove --force "$out/base-tree" >/dev/null 2>&1 || true; rm -rf "$out"' EXIT

git worktree add --detach "$out/base-tree" "$base" >/dev/null
dotnet build "$out/base-tree/bench/Inkwell.Benchmarks" -c Release -o "$out/before" >/dev/null
dotnet build bench/Inkwell.Benchmarks -c Release -o "$out/after" >/dev/null
echo "base $(git -C "$out/base-tree" rev-parse --short HEAD), this tree $(git rev-parse --short HEAD)"
for ((round = 0; round < rounds; round++)); do
  order=(before after)
  if (( round % 2 == 1 )); then order=(after before); fi
  for version in "${order[@]}"; do
    echo "== round $((round + 1)): $version, load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
    dotnet "$out/$version/Inkwell.Benchmarks.dll" --filter "${filters[@]}" --job short --inProcess \
      --artifacts "$out/artifacts-$version-$round" >/dev/null
    cat "$out/artifacts-$version-$round"/results/*-report-github.md | grep -E '^\|'
  done
done
