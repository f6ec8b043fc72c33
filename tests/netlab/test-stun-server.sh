#!/bin/bash
# `phoneset stun-server` on the lab's WAN host (198.51.100.1, other
# address .2, ports 13478/13479; coturn keeps 3478/3479), asked from the
# LAN host through the router's MASQUERADE: the clients nobody here wrote
# find what the router does (endpoint-independent mapping,
# address-and-port-dependent filtering), as they do against coturn;
# phoneset stun-test agrees; a simulated phone behind the NAT refreshing
# every 2 s is seen at the router's public address with its interval; and
# one refreshing every 6 s behind a router that forgets idle bindings
# after 3 s (and picks random ports) shows up with a new public port at
# each refresh, while one refreshing every 2 s keeps its port. TAP; skips (77) when not root.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lab.sh
. "$here/lab.sh"
lab_check
: "${PHONESET_BIN:?PHONESET_BIN must name the phoneset binary}"
: "${PHONESET_PHONE_SIM:?PHONESET_PHONE_SIM must name the simulated phone}"
lab_up || { echo "Bail out! the lab did not come up"; exit 1; }

n=0
failed=0
ok() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

# server_start NAME ARGS...: in the WAN namespace, --json, until SIGTERM.
server_start() {
  local name=$1
  shift
  ip netns exec "$LAB_WAN" "$PHONESET_BIN" stun-server --address 198.51.100.1 --port 13478 --alt-port 13479 \
    --json "$@" >"$LAB_DIR/$name.json" 2>"$LAB_DIR/$name.err" &
  server_pid=$!
  for _ in $(seq 50); do
    grep -q "STUN server on" "$LAB_DIR/$name.err" 2>/dev/null && return 0
    sleep 0.1
  done
  cat "$LAB_DIR/$name.err" >&2
  return 1
}

server_stop() {
  kill -TERM "$server_pid"
  wait "$server_pid"
}

# sim ARGS...: a simulated snom phone on the LAN host (its web and SIP on
# free ports), in the background; its pid in sim_pid.
sim() {
  ip netns exec "$LAB_LAN" "$PHONESET_PHONE_SIM" --vendor snom --address 192.0.2.2 --http-port 0 --sip-port 0 \
    --lifetime 60 "$@" >/dev/null 2>&1 &
  sim_pid=$!
}

echo "1..8"
lab_nat masquerade
server_start nat --alt-address 198.51.100.2 || { echo "Bail out! stun-server did not start"; exit 1; }

out=$(ip netns exec "$LAB_LAN" timeout 30 turnutils_natdiscovery -m -f -p 13478 198.51.100.1 2>&1)
echo "$out" | grep -E "Mapping|Filtering" | sed 's/^/# /'
echo "$out" | grep -q "NAT with Endpoint Independent Mapping" && echo "$out" | grep -q "Address and Port Dependent Filtering"
ok $? "turnutils_natdiscovery through MASQUERADE: EIM, address-and-port-dependent filtering"

out=$(ip netns exec "$LAB_LAN" timeout 30 stun 198.51.100.1:13478 2>&1)
echo "$out" | sed 's/^/# /'
echo "$out" | grep -q "Independent Mapping, Port Dependent Filter"
ok $? "Vovida stun through MASQUERADE: independent mapping, port-dependent filter"

lab_forget
out=$(lab_run 198.51.100.1:13478 --transport udp --json)
echo "$out" | "$here/check-json.py" nat.present=true nat.mapping=endpoint-independent \
  nat.filtering=address-and-port-dependent nat.classic=port-restricted-cone | sed 's/^/# /'
ok "${PIPESTATUS[1]}" "phoneset stun-test against phoneset stun-server: port-restricted cone, as against coturn"

sim --stun-server 198.51.100.1:13478 --stun-refresh 2
sleep 7
kill "$sim_pid" 2>/dev/null
server_stop
python3 - "$LAB_DIR/nat.json" <<'PY' | sed 's/^/# /'
import json, sys
d = json.load(open(sys.argv[1]))
for c in d["clients"]:
    print(c["address"], c["requests"], c["change_ip"], c["change_port"], c["interval_ms"])
PY
python3 - "$LAB_DIR/nat.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
# The phone among the NAT-type tests' sockets: no change requests, a refresh every 2 s.
phones = [c for c in d["clients"] if c["address"].startswith("198.51.100.254:") and c["change_ip"] == 0 and c["requests"] >= 3
          and 1800 <= (c["interval_ms"] or 0) <= 2600]
sys.exit(0 if len(phones) == 1 else 1)
PY
ok $? "the simulated phone behind the NAT: seen at 198.51.100.254, refresh every 2 s"
python3 -c "import json,sys; d=json.load(open('$LAB_DIR/nat.json'))['server']; sys.exit(0 if d['answered'] > 10 and d['dropped']['loops'] == 0 else 1)"
ok $? "answers counted, no loops"

# The router forgets idle UDP bindings after 3 s; the phone refreshes
# every 6 s: each refresh gets a new binding. MASQUERADE would give it the
# same port again (it preserves ports) and the server could not tell;
# with --random-fully each new binding has a new port.
lab_nat random-fully
lab_udp_timeout 3
server_start lapse --binding-lifetime 3 || { echo "Bail out! stun-server did not start"; exit 1; }
sim --stun-server 198.51.100.1:13478 --stun-refresh 6
sleep 14
kill "$sim_pid" 2>/dev/null
server_stop
python3 - "$LAB_DIR/lapse.json" <<'PY' | sed 's/^/# /'
import json, sys
for c in json.load(open(sys.argv[1]))["clients"]:
    print(c["address"], c["requests"], c["interval_ms"])
PY
python3 -c "
import json, sys
c = [x for x in json.load(open('$LAB_DIR/lapse.json'))['clients'] if x['address'].startswith('198.51.100.254:')]
sys.exit(0 if len(c) >= 3 else 1)"
ok $? "a binding that lapses between refreshes: a new public port at each one"

# The same phone every 2 s keeps its port; the verdict compares it with
# the 3 s the router keeps a binding.
lab_nat random-fully
server_start kept --binding-lifetime 3 || { echo "Bail out! stun-server did not start"; exit 1; }
sim --stun-server 198.51.100.1:13478 --stun-refresh 2
sleep 5
kill "$sim_pid" 2>/dev/null
server_stop
python3 -c "
import json, sys
c = [x for x in json.load(open('$LAB_DIR/kept.json'))['clients'] if x['address'].startswith('198.51.100.254:')]
print('#', c and c[0]['verdict'])
sys.exit(0 if len(c) == 1 and c[0]['requests'] >= 3 and ': fine' in (c[0]['verdict'] or '') else 1)"
ok $? "a refresh (2 s) inside the router's 3 s: one port, fine"
lab_udp_timeout 30
python3 -c "
import json, sys
d = json.load(open('$LAB_DIR/kept.json'))
sys.exit(0 if d['server']['binding_lifetime_ms'] == 3000 and d['server']['other_address'] is None else 1)"
ok $? "the JSON names the binding lifetime given and no other address"
exit $failed
