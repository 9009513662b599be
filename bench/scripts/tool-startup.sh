#!/usr/bin/env bash
# Start-up of the installed `inkwell` tool: `inkwell --version` as `dotnet tool install` puts it on a machine, the
# linux-x64 ReadyToRun package (what installs on linux-x64) against the portable IL package (Inkwell.Cli.any, what
# other platforms get), with an empty framework-dependent ReadyToRun app of the same runtime as the floor. Each round
# runs the three once, in turn (interleaved, so a change of load hits all three alike), N rounds (default 21); the
# load average is printed with the results. Results: docs/benchmarks.md ("The installed tool's start-up").
# Usage: bench/scripts/tool-startup.sh [N] [PACKAGE_FOLDER]   (PACKAGE_FOLDER: already packed; else packs here)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-21}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
quietly() { "$@" > "$work/step.log" 2>&1 || { cat "$work/step.log" >&2; exit 1; }; }

packages=${2:-}
if [[ -z $packages ]]; then
  packages="$work/nupkg"
  quietly dotnet pack src/Inkwell.Cli -c Release -o "$packages" -nologo
fi
version=$(ls "$packages" | sed -n 's/^Inkwell\.Cli\.\([0-9].*\)\.nupkg$/\1/p' | head -1)
quietly dotnet tool install Inkwell.Cli --version "$version" --add-source "$packages" --tool-path "$work/r2r"
quietly dotnet tool install Inkwell.Cli.any --version "$version" --add-source "$packages" --tool-path "$work/il"

# The floor: what the runtime itself costs to start and exit (an empty Main, published like the tool's linux-x64 form).
mkdir -p "$work/empty"
cat > "$work/empty/empty.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <InvariantGlobalization>true</InvariantGlobalization>
    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
</Project>
XML
echo 'return 0;' > "$work/empty/Program.cs"
quietly dotnet publish "$work/empty" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/empty/out" -nologo

echo "installed: $(readlink "$work/r2r/inkwell" || echo "$work/r2r/inkwell")"
R2R="$work/r2r/inkwell" IL="$work/il/inkwell" EMPTY="$work/empty/out/empty" N=$N python3 - <<'PY'
import os, statistics, subprocess, time
runs = [("installed, linux-x64 ReadyToRun (Inkwell.Cli)", [os.environ["R2R"], "--version"]),
        ("installed, IL (Inkwell.Cli.any)", [os.environ["IL"], "--version"]),
        ("empty ReadyToRun app (floor)", [os.environ["EMPTY"]])]
wall = {name: [] for name, _ in runs}
cpu = {name: [] for name, _ in runs}  # user + sys of the process: less at the mercy of the load than wall time
for argv in (r[1] for r in runs):  # one untimed run each: page cache
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
print("load average before:", " ".join(f"{x:.1f}" for x in os.getloadavg()))
for _ in range(int(os.environ["N"])):
    for name, argv in runs:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall[name].append((time.perf_counter() - start) * 1000)
        cpu[name].append((usage.ru_utime + usage.ru_stime) * 1000)
        assert os.waitstatus_to_exitcode(status) == 0, argv
for name, _ in runs:
    w, c = wall[name], cpu[name]
    print(f"{name}: wall median {statistics.median(w):.0f} ms (min {min(w):.0f}), "
          f"CPU median {statistics.median(c):.0f} ms (min {min(c):.0f}), {len(w)} runs")
print("load average after:", " ".join(f"{x:.1f}" for x in os.getloadavg()))
PY
