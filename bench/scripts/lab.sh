# The bench scripts' two-host lab, sourced (not run): `source bench/scripts/lab.sh; lab_up PREFIX SUBNET`.
# Network namespaces $A and $B joined by one veth pair $VA/$VB whose ends are created inside the namespaces (the
# machine's own namespace never sees them; nothing reaches a real interface), $SUBNET.1 on A and $SUBNET.2 on B,
# multicast routed on the veth. $work is a temporary directory (kept if the script made one already); background
# processes added to pids (`... & pids+=($!)`) are killed, the namespaces deleted and $work removed on exit.
# The same lab as the tests' test/Shared/Lab/NetnsLab.cs. Needs root and iproute2.

lab_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  ip netns del "$A" 2>/dev/null || true; ip netns del "$B" 2>/dev/null || true
  rm -rf "$work"
}

# lab_up PREFIX SUBNET: PREFIX (at most 4 letters) names the namespaces and interfaces, SUBNET is like 10.88.0.
lab_up() {
  local prefix=$1 subnet=$2 id=$RANDOM
  [[ $(id -u) -eq 0 ]] || { echo "$(basename "$0"): needs root to create network namespaces" >&2; exit 1; }
  A=${prefix}${id}a; B=${prefix}${id}b; VA=${prefix}${id}0; VB=${prefix}${id}1
  work=${work:-$(mktemp -d)}
  [[ -v pids ]] || pids=()
  trap lab_cleanup EXIT
  ip netns add "$A"; ip netns add "$B"
  ip -n "$A" link add "$VA" type veth peer name "$VB" netns "$B"
  ip -n "$A" addr add "$subnet.1/24" dev "$VA"; ip -n "$B" addr add "$subnet.2/24" dev "$VB"
  for ns in "$A" "$B"; do ip -n "$ns" link set lo up; done
  ip -n "$A" link set "$VA" up multicast on; ip -n "$B" link set "$VB" up multicast on
  ip -n "$A" route add 224.0.0.0/4 dev "$VA"; ip -n "$B" route add 224.0.0.0/4 dev "$VB"
}

# lab_avahi NS CONF: a private dbus-daemon (socket $work/bus) and avahi-daemon with CONF in namespace NS, the daemon in
# a mount namespace of its own with a tmpfs on /run (its pid file never touches the machine's /run); logs to
# $work/avahi.log. Clients use DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/bus". Returns once the daemon is up.
lab_avahi() {
  local ns=$1 conf=$2
  ip netns exec "$ns" dbus-daemon --config-file=/usr/share/dbus-1/system.conf --address="unix:path=$work/bus" --nofork --nopidfile 2>/dev/null & pids+=($!)
  for _ in $(seq 200); do [[ -S $work/bus ]] && break; sleep 0.05; done
  DBUS_SYSTEM_BUS_ADDRESS="unix:path=$work/bus" ip netns exec "$ns" unshare --mount --propagation private sh -c 'mount -t tmpfs tmpfs /run && mkdir /run/avahi-daemon && exec avahi-daemon -f "$0" --no-drop-root --no-chroot --no-rlimits' "$conf" > "$work/avahi.log" 2>&1 & pids+=($!)
  for _ in $(seq 1200); do grep -q "startup complete" "$work/avahi.log" 2>/dev/null && return 0; sleep 0.05; done
  echo "avahi-daemon did not start:" >&2; cat "$work/avahi.log" >&2; return 1
}

# lab_avahi_conf FILE [LINE...]: the lab's avahi-daemon configuration, written to FILE: host name avahi-a, IPv4 only,
# on $VA only, no wide area, publishing nothing of its own; each LINE is added to [server] (enable-dbus=yes, …).
lab_avahi_conf() {
  local file=$1; shift
  {
    echo "[server]"; echo "host-name=avahi-a"; echo "use-ipv4=yes"; echo "use-ipv6=no"; echo "allow-interfaces=$VA"
    for line in "$@"; do echo "$line"; done
    echo "[wide-area]"; echo "enable-wide-area=no"
    echo "[publish]"; echo "publish-workstation=no"; echo "publish-hinfo=no"
  } > "$file"
}

# wait_for FILE TEXT [SECONDS]: returns once FILE contains TEXT; after SECONDS (default 30) prints FILE and fails.
wait_for() {
  local tries=$(( ${3:-30} * 20 ))
  for _ in $(seq "$tries"); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
  echo "timeout waiting for $2 in $1" >&2; cat "$1" >&2; return 1
}
