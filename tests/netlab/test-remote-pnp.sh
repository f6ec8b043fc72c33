#!/bin/sh
# SIP PnP by multicast (224.0.1.75:5060) between two network namespaces of
# this test's own, joined by a veth pair on TEST-NET-1 (192.0.2.0/24):
#   1. `phoneset serve --dir --pnp` answers a booting simulated PLANET phone,
#      which fetches and applies its MAC file;
#   2. `phoneset push --via pnp` reboots it and answers its SUBSCRIBE with
#      an unguessable URL it then fetches.
# Needs root (ip netns); skips otherwise. Everything is bounded and removed.
set -eu

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: needs root to create network namespaces (CI runs it as root)"
  exit 77
fi
if ! command -v ip >/dev/null 2>&1; then
  echo "SKIP: the ip command (iproute2) is missing"
  exit 77
fi
: "${PHONESET_BIN:?}" "${PHONESET_PHONE_SIM:?}"

pc=prs$$a
phone=prs$$b
tmp=$(mktemp -d)
pids=""

cleanup() {
  for pid in $pids; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ip netns del "$pc" 2>/dev/null || true
  ip netns del "$phone" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

fail() {
  echo "FAIL: $*"
  for f in "$tmp"/*.out "$tmp"/state/state.json; do
    [ -f "$f" ] && { echo "--- $f"; cat "$f"; }
  done
  exit 1
}

# Waits (bounded: 10 s) until FILE contains TEXT.
wait_for() {
  i=0
  while ! grep -q "$2" "$1" 2>/dev/null; do
    i=$((i + 1))
    [ $i -gt 100 ] && fail "no “$2” in $1"
    sleep 0.1
  done
}

ip netns add "$pc"
ip netns add "$phone"
ip link add "v$$a" type veth peer name "v$$b"
ip link set "v$$a" netns "$pc"
ip link set "v$$b" netns "$phone"
ip -n "$pc" addr add 192.0.2.1/24 dev "v$$a"
ip -n "$phone" addr add 192.0.2.10/24 dev "v$$b"
ip -n "$pc" link set lo up
ip -n "$phone" link set lo up
ip -n "$pc" link set "v$$a" up
ip -n "$phone" link set "v$$b" up

mkdir -p "$tmp/tree" "$tmp/state"
printf '<<VOIP CONFIG FILE>>Version:2.0000000000\r\n<QOS CONFIG MODULE>\r\nVLAN ID            :42\r\n<<END OF FILE>>\r\n' \
  > "$tmp/tree/00304fa99948.cfg"
printf '<<VOIP CONFIG FILE>>Version:2.0000000000\r\n<SIP CONFIG MODULE>\r\nSTUN Server        :stun.example.org\r\n<<END OF FILE>>\r\n' \
  > "$tmp/push.cfg"

# 1. serve --pnp answers the phone's multicast SUBSCRIBE at boot.
ip netns exec "$pc" "$PHONESET_BIN" serve --dir "$tmp/tree" --address 192.0.2.1 --pnp --port 8080 --duration 20 > "$tmp/serve.out" 2>&1 &
serve_pid=$!
pids="$pids $serve_pid"
wait_for "$tmp/serve.out" '"type":"listening"'

ip netns exec "$phone" "$PHONESET_PHONE_SIM" --vendor planet --address 192.0.2.10 --http-port 80 --sip-port 5060 \
  --pnp --pnp-tries 10 --pnp-interval 300 --no-prompt --state-dir "$tmp/state" --lifetime 30 > "$tmp/sim.out" 2>&1 &
pids="$pids $!"

wait_for "$tmp/serve.out" '"type":"pnp-subscribe"'
grep '"type":"pnp-subscribe"' "$tmp/serve.out" | grep -q '"mac":"00304fa99948"' || fail "SUBSCRIBE without the MAC"
wait_for "$tmp/serve.out" '"path":"/00304fa99948.cfg"'
wait_for "$tmp/state/state.json" '"VLAN ID" : "42"'
echo "ok 1 serve --pnp: multicast SUBSCRIBE answered, MAC file fetched and applied"

kill "$serve_pid"
wait "$serve_pid" 2>/dev/null || true

# 2. push --via pnp: reboot over Active URI, answer the SUBSCRIBE, verify.
if ! ip netns exec "$pc" env PW=admin "$PHONESET_BIN" push 192.0.2.10:80 --vendor planet --password-env PW \
     --file "$tmp/push.cfg" --via pnp --mac 00:30:4f:a9:99:48 --wait 8 --json > "$tmp/push.out" 2>&1; then
  fail "push --via pnp"
fi
grep -q '"user_agent_names_phone" : true' "$tmp/push.out" || fail "the fetch's User-Agent does not name the phone"
grep -q '"from" : "192.0.2.10"' "$tmp/push.out" || fail "the fetch did not come from the phone"
wait_for "$tmp/state/state.json" '"STUN Server" : "stun.example.org"'
echo "ok 2 push --via pnp: phone rebooted, multicast SUBSCRIBE answered, file fetched and applied"
exit 0
