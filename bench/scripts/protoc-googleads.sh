#!/usr/bin/env bash
# Whole-process compile speed: `inkwell protoc --include_imports -o` vs protoc 35.1 (Grpc.Tools 2.85.0) on
# ../shared/corpus/googleads (914 files + Google API common protos, two import roots), side by side.
# Needs hyperfine (apt-get install hyperfine) and GNU time. Usage: bench/scripts/protoc-googleads.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
corpus=${INKWELL_CORPUS:-../shared/corpus}
protoc=${PROTOC:-$HOME/.nuget/packages/grpc.tools/2.85.0/tools/linux_x64/protoc}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The tool as a user publishes it: framework-dependent for linux-x64, which the project precompiles (ReadyToRun).
dotnet publish src/Inkwell.Cli -c Release -r linux-x64 --self-contained false -o "$out/inkwell" >/dev/null
chmod +x "$protoc"
cp "$corpus/googleads/files.txt" "$out/files.rsp"
cd "$corpus/googleads"
args=(-I . -I ../protobuf --include_imports)

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
hyperfine -N -w 2 -r "$runs" --export-json "$out/result.json" \
  -n protoc "$protoc ${args[*]} -o $out/protoc.pb @$out/files.rsp" \
  -n inkwell "$out/inkwell/inkwell protoc ${args[*]} -o $out/inkwell.pb @$out/files.rsp"
cmp "$out/protoc.pb" "$out/inkwell.pb" && echo "descriptor sets are byte-identical"
python3 - "$out/result.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
p, i = r["protoc"]["median"], r["inkwell"]["median"]
print(f"median wall: protoc {p*1000:.0f} ms, inkwell {i*1000:.0f} ms, ratio {i/p:.2f}x")
cpu = {k: (v["user"] + v["system"]) * 1000 for k, v in r.items()}
print(f"mean CPU (user+sys): protoc {cpu['protoc']:.0f} ms, inkwell {cpu['inkwell']:.0f} ms, ratio {cpu['inkwell']/cpu['protoc']:.2f}x")
PY
for tool in protoc inkwell; do
  cmd=("$protoc"); [[ $tool == inkwell ]] && cmd=("$out/inkwell/inkwell" protoc)
  /usr/bin/time -f "$tool peak RSS: %M KiB" "${cmd[@]}" "${args[@]}" -o "$out/x.pb" "@$out/files.rsp" 2>&1 >/dev/null | grep "peak RSS"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
