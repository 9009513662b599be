#!/usr/bin/env bash
# Inkwell.Protobuf.Generator inside a real build: a project with 100 .proto files (<Protobuf> items, the same shape as
# ProtobufSourceGeneratorBenchmarks: an enum and 5 messages each, importing a common file and the previous file),
# built with -p:ReportAnalyzer=true; prints the generator's time as csc reports it for a full build and for the
# build after a one-line edit of one file. Each csc run is a fresh compiler process, so every build is a first run
# of the generator; the warm-driver numbers (IDE) come from the BenchmarkDotNet class.
# Usage: bench/scripts/generator-100-files.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$repo/src/Inkwell.Protobuf.Generator" -c Release >/dev/null
gen="$repo/src/Inkwell.Protobuf.Generator"
cat > "$work/Bench100.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$gen/build/Inkwell.Protobuf.Generator.props" />
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup>
    <Analyzer Include="$gen/bin/Release/netstandard2.0/*.dll" />
    <PackageReference Include="Google.Protobuf" Version="3.36.2" />
    <Protobuf Include="bench/*.proto" GrpcServices="None" />
  </ItemGroup>
  <Import Project="$gen/build/Inkwell.Protobuf.Generator.targets" />
</Project>
XML
mkdir -p "$work/bench"
cat > "$work/bench/common.proto" <<'PROTO'
syntax = "proto3";
package bench.common;
message Stamp { int64 seconds = 1; int32 nanos = 2; string zone = 3; }
PROTO
python3 - "$work/bench" <<'PY'
import sys
root = sys.argv[1]
for i in range(1, 100):
    lines = ['syntax = "proto3";', f'package bench.p{i};', 'import "bench/common.proto";']
    if i > 1:
        lines.append(f'import "bench/p{i-1}.proto";')
    lines.append(f'enum Status{i} {{ STATUS{i}_UNKNOWN = 0; STATUS{i}_ACTIVE = 1; STATUS{i}_DONE = 2; }}')
    for k in range(5):
        prev = f'Record{k-1}' if k > 0 else (f'bench.p{i-1}.Record4' if i > 1 else 'bench.common.Stamp')
        lines += [f'// Record {k} of file {i}.', f'message Record{k} {{', '  string name = 1;', '  int64 id = 2;',
                  '  double score = 3;', '  repeated string tags = 4;', '  map<string, int32> counts = 5;',
                  '  bench.common.Stamp stamp = 6;', f'  Status{i} status = 7;',
                  '  oneof choice { string text = 8; bytes blob = 9; Nested nested = 10; }',
                  '  message Nested { bool flag = 1; repeated fixed64 values = 2; }',
                  '  optional int32 limit = 11;', f'  {prev} previous = 12;', '}']
    open(f'{root}/p{i}.proto', 'w').write('\n'.join(lines) + '\n')
PY
cd "$work"
dotnet restore >/dev/null
report() {
  dotnet build --no-restore -c Release -p:ReportAnalyzer=true -v:detailed -nodeReuse:false "$@" > build.log
  grep -E "Inkwell.Protobuf.Generator.ProtobufGenerator|Total analyzer execution time|Total generator execution time" build.log | sed 's/^ *//' | sort -u
}
echo "== full build (100 files)"
report
sed -i 's/  optional int32 limit = 11;/  optional int32 limit = 11;\n  int32 added = 13;/' bench/p50.proto
echo "== after a one-line edit of bench/p50.proto"
report
