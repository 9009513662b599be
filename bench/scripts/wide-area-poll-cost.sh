#!/usr/bin/env bash
# What one wide-area browse costs the DNS server: `inkwell dns-sd -B _poll._tcp example.test --server ...` against a
# BIND 9 of its own with query logging on, counting the queries named logs. For each N in INSTANCES (default
# "0 1 10") a separate named (127.0.0.1 only, a random high port: nothing leaves the machine) holds N instances written
# by nsupdate before the browse starts; the browses run side by side for SECONDS (default 300). Printed per N: the
# queries of the first minute and the steady-state rate after it (queries per minute), with the default poll
# intervals (1 s after a change, doubling to 1 min). Needs bind9, bind9-dnsutils.
# Results: docs/benchmarks.md. Usage: bench/scripts/wide-area-poll-cost.sh [SECONDS] [INSTANCES]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TOTAL=${1:-300}
INSTANCES=${2:-"0 1 10"}
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/Inkwell.Cli -c Release -v q -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
INKWELL="$PWD/src/Inkwell.Cli/bin/Release/net10.0/inkwell.dll"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_named() { # DIR PORT
  local dir=$1 port=$2
  tsig-keygen -a hmac-sha256 bench-key > "$dir/key.conf"
  printf '$TTL 60\n@ IN SOA ns.example.test. admin.example.test. 1 3600 600 86400 60\n@ IN NS ns.example.test.\nns IN A 127.0.0.1\n' > "$dir/example.test.db"
  printf 'options { directory "%s"; pid-file "%s/named.pid"; session-keyfile "%s/session.key"; managed-keys-directory "%s";\n  listen-on port %s { 127.0.0.1; }; listen-on-v6 { none; }; recursion no; dnssec-validation no; notify no; querylog yes; };\ncontrols { };\ninclude "%s/key.conf";\nzone "example.test" { type primary; file "example.test.db"; update-policy { grant bench-key zonesub ANY; }; };\n' \
    "$dir" "$dir" "$dir" "$dir" "$port" "$dir" > "$dir/named.conf"
  named -g -c "$dir/named.conf" -n 1 > "$dir/named.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    dig @127.0.0.1 -p "$port" +short +norecurse SOA example.test 2>/dev/null | grep -q ns.example.test && return 0
    sleep 0.1
  done
  echo "named did not start:" >&2; cat "$dir/named.log" >&2; exit 1
}

queries() { grep -c 'query: .*_poll\._tcp' "$1/named.log" || true; }

declare -A dirs
for n in $INSTANCES; do
  dir="$work/n$n"; mkdir -p "$dir"; port=$(free_port)
  start_named "$dir" "$port"
  {
    echo "server 127.0.0.1 $port"; echo "zone example.test"
    for i in $(seq 1 "$n"); do
      echo "update add _poll._tcp.example.test 60 PTR i$i._poll._tcp.example.test."
      echo "update add i$i._poll._tcp.example.test 60 SRV 0 0 $i h.example.test."
      echo "update add i$i._poll._tcp.example.test 60 TXT \"i=$i\""
    done
    echo send
  } | nsupdate -k "$dir/key.conf"
  dirs[$n]=$dir
  dotnet "$INKWELL" dns-sd -B _poll._tcp example.test --server "127.0.0.1:$port" --json --timeout "$SECONDS_TOTAL" > "$dir/browse.out" 2>&1 &
  pids+=($!)
done
sleep 60
declare -A first
for n in $INSTANCES; do first[$n]=$(queries "${dirs[$n]}"); done
sleep $((SECONDS_TOTAL - 60 + 2))
printf '%-10s %-14s %-18s %-14s\n' instances "first minute" "then, per minute" "total"
for n in $INSTANCES; do
  total=$(queries "${dirs[$n]}")
  rate=$(python3 -c "print(f'{($total - ${first[$n]}) / (($SECONDS_TOTAL - 60) / 60):.2f}')")
  printf '%-10s %-14s %-18s %-14s\n' "$n" "${first[$n]}" "$rate" "$total"
done
