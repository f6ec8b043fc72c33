#!/bin/bash
# tests/netlab/lab.sh — a small network lab in namespaces (sourced by tests).
#
#   LAN host 192.0.2.2 ── router 192.0.2.1 | 198.51.100.254 ── WAN 198.51.100.1 + .2
#
# The WAN namespace runs a real coturn (Debian package) on both addresses,
# port 3478 with alternate port 3479 (RFC 5780), and a TURN user
# (lt-cred-mech). lab_nat SCENARIO sets the router's behaviour. Only these
# TEST-NET addresses, inside namespaces made here, are ever used.

LAB_ID="psl$$"
LAB_LAN="${LAB_ID}l"
LAB_RTR="${LAB_ID}r"
LAB_WAN="${LAB_ID}w"
LAB_DIR=""
LAB_TURN_USER="labuser"
LAB_TURN_PASSWORD="lab-secret-$$"

lab_skip() {
  echo "1..0 # SKIP $*"
  exit 77
}

lab_check() {
  [ "$(id -u)" -eq 0 ] || lab_skip "the network lab needs root (network namespaces); CI runs it as root"
  command -v ip >/dev/null || lab_skip "ip (iproute2) is not installed"
  command -v iptables >/dev/null || lab_skip "iptables is not installed"
  command -v turnserver >/dev/null || lab_skip "turnserver (coturn) is not installed"
  command -v conntrack >/dev/null || lab_skip "conntrack is not installed (the lab empties the router's connection table with it)"
  command -v python3 >/dev/null || lab_skip "python3 is not installed"
  command -v openssl >/dev/null || lab_skip "openssl is not installed"
  ip netns add "${LAB_ID}probe" 2>/dev/null || lab_skip "ip netns is not available here"
  ip netns del "${LAB_ID}probe"
}

lab_down() {
  if [ -n "$LAB_DIR" ] && [ -f "$LAB_DIR/turnserver.pid" ]; then
    kill "$(cat "$LAB_DIR/turnserver.pid")" 2>/dev/null || true
  fi
  # Anything left in the namespaces (coturn) goes with them.
  for ns in "$LAB_LAN" "$LAB_RTR" "$LAB_WAN"; do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  [ -n "$LAB_DIR" ] && rm -rf "$LAB_DIR"
  # Only the directory made by lab_dns for this lab's own namespace.
  if [ -n "${LAB_NETNS_ETC:-}" ]; then
    rm -rf "$LAB_NETNS_ETC"
    rmdir /etc/netns 2>/dev/null || true
  fi
}

# lab_dns: a DNS server for the zone lab.test in the WAN namespace (SRV
# records for the STUN server), used by the LAN host through its own
# resolv.conf (ip netns exec mounts /etc/netns/NAME/ over /etc).
lab_dns() {
  local here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  LAB_NETNS_ETC="/etc/netns/$LAB_LAN"
  mkdir -p "$LAB_NETNS_ETC"
  printf 'nameserver 198.51.100.1\noptions timeout:1 attempts:2\n' >"$LAB_NETNS_ETC/resolv.conf"
  printf '127.0.0.1 localhost\n' >"$LAB_NETNS_ETC/hosts"
  ip netns exec "$LAB_WAN" python3 "$here/dns-responder.py" 198.51.100.1 120 &
  for _ in $(seq 30); do
    ip netns exec "$LAB_WAN" ss -Hlun 2>/dev/null | grep -q '198.51.100.1:53 ' && return 0
    sleep 0.1
  done
  return 1
}

lab_up() {
  trap lab_down EXIT
  LAB_DIR=$(mktemp -d)
  ip netns add "$LAB_LAN"
  ip netns add "$LAB_RTR"
  ip netns add "$LAB_WAN"
  ip link add "${LAB_ID}a" type veth peer name "${LAB_ID}b"
  ip link add "${LAB_ID}c" type veth peer name "${LAB_ID}d"
  ip link set "${LAB_ID}a" netns "$LAB_LAN"
  ip link set "${LAB_ID}b" netns "$LAB_RTR"
  ip link set "${LAB_ID}c" netns "$LAB_RTR"
  ip link set "${LAB_ID}d" netns "$LAB_WAN"

  ip -n "$LAB_LAN" link set lo up
  ip -n "$LAB_LAN" addr add 192.0.2.2/24 dev "${LAB_ID}a"
  ip -n "$LAB_LAN" link set "${LAB_ID}a" up
  ip -n "$LAB_LAN" route add default via 192.0.2.1

  ip -n "$LAB_RTR" link set lo up
  ip -n "$LAB_RTR" addr add 192.0.2.1/24 dev "${LAB_ID}b"
  ip -n "$LAB_RTR" addr add 198.51.100.254/24 dev "${LAB_ID}c"
  ip -n "$LAB_RTR" link set "${LAB_ID}b" up
  ip -n "$LAB_RTR" link set "${LAB_ID}c" up
  ip netns exec "$LAB_RTR" sysctl -qw net.ipv4.ip_forward=1
  ip netns exec "$LAB_RTR" sysctl -qw net.ipv4.conf.all.send_redirects=0

  ip -n "$LAB_WAN" link set lo up
  ip -n "$LAB_WAN" addr add 198.51.100.1/24 dev "${LAB_ID}d"
  ip -n "$LAB_WAN" addr add 198.51.100.2/24 dev "${LAB_ID}d"
  ip -n "$LAB_WAN" link set "${LAB_ID}d" up
  # Routed scenario: the WAN knows the LAN through the router.
  ip -n "$LAB_WAN" route add 192.0.2.0/24 via 198.51.100.254

  # A self-signed certificate for STUN over TLS (a phone would not trust it:
  # the test must say so and still report TLS reachable).
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=stun.lab.test \
    -keyout "$LAB_DIR/key.pem" -out "$LAB_DIR/cert.pem" >/dev/null 2>&1
  cat >"$LAB_DIR/turnserver.conf" <<CONF
listening-ip=198.51.100.1
listening-ip=198.51.100.2
relay-ip=198.51.100.1
listening-port=3478
alt-listening-port=3479
min-port=49160
max-port=49400
tls-listening-port=5349
cert=$LAB_DIR/cert.pem
pkey=$LAB_DIR/key.pem
no-dtls
no-cli
no-multicast-peers
lt-cred-mech
user=$LAB_TURN_USER:$LAB_TURN_PASSWORD
realm=lab.test
fingerprint
pidfile=$LAB_DIR/turnserver.pid
userdb=$LAB_DIR/turndb
log-file=$LAB_DIR/turnserver.log
simple-log
CONF
  ip netns exec "$LAB_WAN" turnserver -c "$LAB_DIR/turnserver.conf" >/dev/null 2>&1 &
  # Wait (bounded) until coturn listens on both addresses and ports.
  for _ in $(seq 50); do
    if [ "$(ip netns exec "$LAB_WAN" ss -Hlun 2>/dev/null | grep -c ':347[89]')" -ge 4 ]; then
      return 0
    fi
    sleep 0.1
  done
  echo "coturn did not start in the lab" >&2
  cat "$LAB_DIR/turnserver.log" >&2 || true
  return 1
}

# lab_nat SCENARIO: routed | masquerade | random-fully | full-cone | udp-blocked
#   [loss PERCENT] — the router's NAT and filter rules.
lab_nat() {
  local scenario=$1 loss=${2:-0}
  local r=(ip netns exec "$LAB_RTR")
  "${r[@]}" iptables -t nat -F
  "${r[@]}" iptables -F
  "${r[@]}" conntrack -F >/dev/null 2>&1 || true
  case "$scenario" in
    routed) ;;
    masquerade)
      "${r[@]}" iptables -t nat -A POSTROUTING -o "${LAB_ID}c" -j MASQUERADE ;;
    random-fully)
      "${r[@]}" iptables -t nat -A POSTROUTING -o "${LAB_ID}c" -j MASQUERADE --random-fully ;;
    full-cone)
      # 1:1 NAT: everything for the public address goes to the LAN host,
      # from the LAN too (hairpinning), and it leaves with that address.
      "${r[@]}" iptables -t nat -A PREROUTING -d 198.51.100.254 -j DNAT --to-destination 192.0.2.2
      "${r[@]}" iptables -t nat -A POSTROUTING -s 192.0.2.2 -j SNAT --to-source 198.51.100.254 ;;
    udp-blocked)
      "${r[@]}" iptables -t nat -A POSTROUTING -o "${LAB_ID}c" -j MASQUERADE
      "${r[@]}" iptables -A FORWARD -p udp -j DROP ;;
    *) echo "unknown scenario $scenario" >&2; return 1 ;;
  esac
  if [ "$loss" != 0 ]; then
    # Random loss each way on the router (both directions cross FORWARD).
    "${r[@]}" iptables -I FORWARD -p udp -m statistic --mode random --probability "0.$loss" -j DROP
  fi
}

# lab_forget: the router forgets every binding (its connection table),
# as after the NAT's timeouts: each run of a repeated test starts alike.
lab_forget() {
  ip netns exec "$LAB_RTR" conntrack -F >/dev/null 2>&1 || true
}

# lab_udp_timeout SECONDS: the router forgets idle UDP bindings after this.
lab_udp_timeout() {
  ip netns exec "$LAB_RTR" sysctl -qw net.netfilter.nf_conntrack_udp_timeout="$1"
  ip netns exec "$LAB_RTR" sysctl -qw net.netfilter.nf_conntrack_udp_timeout_stream="$1"
}

# lab_run ARGS...: phoneset stun-test on the LAN host.
lab_run() {
  ip netns exec "$LAB_LAN" env LAB_TURN_PASSWORD="$LAB_TURN_PASSWORD" "$PHONESET_BIN" stun-test "$@"
}
