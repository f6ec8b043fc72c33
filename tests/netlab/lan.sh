# tests/netlab/lan.sh: a LAN of simulated phones in network namespaces.
#
# Sourced by the discovery tests and benchmark. One /24 (192.0.2.0/24, TEST-NET-1,
# only inside these namespaces): a hub namespace holds the segment (the
# veth "lan0" and macvlan children of it in bridge mode), each phone lives
# in its own namespace on its own macvlan with its own MAC, and the scanner
# in another namespace on the veth peer. Everything else of the /24 is empty.
#
# Needs root, iproute2 and tests/phone-sim (PHONESET_PHONE_SIM). Names carry
# the caller's pid so runs in parallel do not meet; lan_down removes all.

LAN_ID=${LAN_ID:-pd$$}
LAN_HUB=${LAN_ID}h
LAN_SCAN=${LAN_ID}s
LAN_DIR=${LAN_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/phoneset-lan-XXXXXX")}
LAN_NETNS=()
LAN_PIDS=()

# The phones: vendor model firmware MAC host-number [simulator options].
# 20 that answer SIP and HTTP, then the special ones.
LAN_PHONES=(
  "yealink SIP-T46G 28.72.0.1 00:15:65:4a:a9:37 10"
  "yealink SIP-T21P_E2 52.84.0.15 00:15:65:11:22:02 11"
  "yealink CP860 37.72.0.5 00:15:65:8a:37:86 12"
  "yealink SIP-T54W 96.85.0.5 80:5e:c0:12:34:04 13"
  "yealink SIP-T48S 66.86.0.15 24:9a:d8:00:00:05 14"
  "yealink SIP-CP965 143.86.0.5 80:5e:c0:00:00:06 15"
  "fanvil X4 2.10.2.6887 0c:38:3e:07:e1:6c 20"
  "fanvil X3U 2.12.1.1 0c:38:3e:00:00:08 21"
  "fanvil X6 2.4.5.1 0c:38:3e:00:00:09 22"
  "fanvil X5S 2.4.12.3 0c:38:3e:00:00:0a 23"
  "fanvil H5 2.12.2.4 0c:38:3e:00:00:0b 24"
  "planet VIP-2140PT 2.0.3.2991 00:30:4f:a9:99:48 30"
  "planet VIP-1120PT 2.0.3.2991 00:30:4f:00:00:0d 31"
  "planet VIP-2140PT 2.0.4.3010 a8:f7:e0:00:00:0e 32"
  "planet VIP-1120PT 2.0.2.2800 a8:f7:e0:00:00:0f 33"
  "snom D785 10.1.33.33 00:04:13:00:00:10 40"
  "snom D717 10.1.46.16 00:04:13:00:00:11 41"
  "snom 320 8.7.3.25 00:04:13:00:00:12 42"
  "snom D385 10.1.54.13 00:04:13:00:00:13 43"
  "snom D735 10.1.33.33 00:04:13:00:00:14 44"
)
# Web interface only, no SIP: found by its MAC and its web page.
LAN_HTTP_ONLY="snom D785 10.1.33.40 00:04:13:00:00:50 50 --http-only"
# Answers SIP OPTIONS with garbage; an unknown MAC; web on a port not probed.
LAN_GARBAGE="yealink SIP-T46G 1.1.1.1 02:00:00:00:00:60 60 --garbage --http-port 8081"
# Silent but for the PnP SUBSCRIBE at boot (lan_boot_pnp_phone).
LAN_PNP_ONLY="planet VIP-2140PT 2.0.3.2991 00:30:4f:00:00:70 70 --pnp --sip-port 5070 --http-port 8081"

lan_log() {
  printf '# %s\n' "$*"
}

lan_down() {
  local pid ns
  for pid in "${LAN_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${LAN_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  LAN_PIDS=()
  for ns in "${LAN_NETNS[@]}"; do
    ip netns del "$ns" 2>/dev/null || true
  done
  LAN_NETNS=()
  rm -rf "$LAN_DIR"
}

lan_ns() {
  ip netns add "$1"
  LAN_NETNS+=("$1")
  ip -n "$1" link set lo up
}

# Starts one simulated phone in its own namespace: lan_phone N "spec".
lan_phone() {
  local n=$1 spec=$2
  local vendor model firmware mac host extra ns link
  read -r vendor model firmware mac host extra <<<"$spec"
  ns=${LAN_ID}p$n
  link=${LAN_ID}m$n
  lan_ns "$ns"
  ip -n "$LAN_HUB" link add link lan0 name "$link" address "$mac" type macvlan mode bridge
  ip -n "$LAN_HUB" link set "$link" netns "$ns"
  ip -n "$ns" link set "$link" name eth0
  ip netns exec "$ns" sysctl -qw net.ipv4.conf.all.arp_ignore=1
  ip -n "$ns" addr add "192.0.2.$host/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" route add 224.0.0.0/4 dev eth0
  # shellcheck disable=SC2086
  ip netns exec "$ns" "$PHONESET_PHONE_SIM" --vendor "$vendor" --model "$model" --firmware-version "$firmware" \
    --mac "$mac" --address "192.0.2.$host" --http-port 80 --sip-port 5060 --lifetime 120 \
    --state-dir "$LAN_DIR/$n" $extra >"$LAN_DIR/sim-$n.log" 2>&1 &
  LAN_PIDS+=($!)
}

# Waits (bounded) until every simulator started so far printed its ready line.
lan_wait_ready() {
  local i f ok
  for i in $(seq 1 100); do
    ok=1
    for f in "$LAN_DIR"/sim-*.log; do
      grep -q '^ready' "$f" || ok=0
    done
    [ $ok -eq 1 ] && return 0
    sleep 0.1
  done
  lan_log "simulators not ready after 10 s:"
  for f in "$LAN_DIR"/sim-*.log; do
    grep -q '^ready' "$f" || { lan_log "$f"; sed 's/^/#   /' "$f"; }
  done
  return 1
}

# The LAN with the 20 phones, the web-only one and the garbage one.
lan_up() {
  local i=0 spec
  mkdir -p "$LAN_DIR"
  lan_ns "$LAN_HUB"
  lan_ns "$LAN_SCAN"
  ip -n "$LAN_HUB" link add lan0 type veth peer name eth0 netns "$LAN_SCAN"
  ip -n "$LAN_HUB" link set lan0 up
  ip -n "$LAN_SCAN" addr add 192.0.2.1/24 dev eth0
  ip -n "$LAN_SCAN" link set eth0 up
  for spec in "${LAN_PHONES[@]}" "$LAN_HTTP_ONLY" "$LAN_GARBAGE"; do
    i=$((i + 1))
    lan_phone "$i" "$spec"
  done
  lan_wait_ready
}

lan_boot_pnp_phone() {
  lan_phone 99 "$LAN_PNP_ONLY"
}

# Runs a command in the scanner's namespace.
lan_scan() {
  ip netns exec "$LAN_SCAN" "$@"
}

# Forgets what the scanner learnt (neighbour table), so every run starts cold.
lan_flush() {
  ip -n "$LAN_SCAN" neigh flush dev eth0 2>/dev/null || true
}

# Switches the PnP-only phone off again (process and link).
lan_stop_pnp_phone() {
  local pid=${LAN_PIDS[-1]}
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  ip -n "${LAN_ID}p99" link set eth0 down 2>/dev/null || true
}
