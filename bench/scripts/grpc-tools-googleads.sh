#!/usr/bin/env bash
# Grpc.Tools' MSBuild run on ../shared/corpus/googleads with services on: a throwaway project with
# <PackageReference Include="Grpc.Tools"/> and <Protobuf Include=... GrpcServices="Both"/> over a copy of the corpus
# (the copy so the edit does not touch the shared corpus), timed with `dotnet build`: first build, then after a
# one-line edit of one .proto. Only the protobuf step is timed: the build runs Grpc.Tools' `Protobuf_Compile`
# target alone (`-t:Protobuf_Compile`, which runs protoc + grpc_csharp_plugin and nothing of csc), and
# -clp:PerformanceSummary reports that target's and the ProtoCompile task's own time next to the whole build's.
# Usage: bench/scripts/grpc-tools-googleads.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=$(realpath "${INKWELL_CORPUS:-../shared/corpus}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$corpus/googleads" "$work/googleads"
cp -r "$corpus/protobuf" "$work/protobuf"
mkdir "$work/proj"
cat > "$work/proj/GoogleAds.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Grpc.Tools" Version="2.85.0" PrivateAssets="all" />
    <PackageReference Include="Google.Protobuf" Version="3.36.2" />
    <PackageReference Include="Grpc.Core.Api" Version="2.85.0" />
  </ItemGroup>
  <ItemGroup>
    <Protobuf Include="../googleads/**/*.proto" ProtoRoot="../googleads" AdditionalImportDirs="../protobuf" GrpcServices="Both" />
  </ItemGroup>
</Project>
XML
cd "$work/proj"
dotnet restore -v:q >/dev/null
echo "files: $(find ../googleads -name '*.proto' | wc -l) .proto, $(grep -rl '^service ' ../googleads | wc -l) with services"
run() {
  echo "== $1 (load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores)"
  local start end
  start=$(date +%s.%N)
  dotnet build --no-restore -t:Protobuf_Compile -nodeReuse:false -clp:PerformanceSummary -v:n > "$work/$2.log"
  end=$(date +%s.%N)
  echo "dotnet build wall: $(echo "$end - $start" | bc) s"
  grep -E '^\s+[0-9]+ ms\s+(Protobuf_Compile|_Protobuf_CoreCompile|ProtoCompile|_Protobuf_GatherStaleBatched|Protobuf_PrepareCompile)\b' "$work/$2.log" || true
  echo "generated .cs files under obj/: $(find obj -name '*.cs' -newer "$work/stamp" | wc -l) written by this run"
  if [[ $2 == edit ]]; then echo "  $(find obj -name '*.cs' -newer "$work/stamp" -printf '%f ')"; fi
}
touch "$work/stamp"
run "first build (every file)" first
sleep 1; touch "$work/stamp"
# The same edit as the source generator benchmark: one field added to a request of campaign_service.proto.
f=../googleads/google/ads/googleads/v25/services/campaign_service.proto
sed -i '0,/^message MutateCampaignsRequest {/s//message MutateCampaignsRequest {\n  string inkwell_bench_edit = 99;/' "$f"
grep -q inkwell_bench_edit "$f"
run "one-line edit of campaign_service.proto" edit
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
