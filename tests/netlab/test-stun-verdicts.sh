#!/bin/bash
# Runs the real `phoneset stun-test --json` on the LAN host behind each
# router scenario and checks the verdicts against what the router does.
# TAP output; skips (77) when not root or without ip netns.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lab.sh
. "$here/lab.sh"
lab_check
: "${PHONESET_BIN:?PHONESET_BIN must name the phoneset binary}"
lab_up || { echo "Bail out! the lab did not come up"; exit 1; }

n=0
failed=0
ok() {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

# scenario | expected fields
check_scenario() {
  local scenario=$1
  shift
  local out
  lab_nat "$scenario"
  out=$(lab_run 198.51.100.1:3478 --json)
  local status=$?
  echo "$out" | "$here/check-json.py" "$@" | sed 's/^/# /'
  ok $((status + ${PIPESTATUS[1]})) "$scenario: $*"
}

echo "1..14"
check_scenario routed nat.present=false nat.mapping=endpoint-independent \
  nat.filtering=endpoint-independent nat.classic=open nat.hairpinning=null nat.port_preserving=null
check_scenario masquerade nat.present=true nat.mapping=endpoint-independent \
  nat.filtering=address-and-port-dependent nat.classic=port-restricted-cone \
  nat.hairpinning=false nat.port_preserving=true tcp.reachable=true
check_scenario random-fully nat.present=true nat.mapping=address-and-port-dependent \
  nat.classic=symmetric nat.hairpinning=false nat.port_preserving=false
check_scenario full-cone nat.present=true nat.mapping=endpoint-independent \
  nat.filtering=endpoint-independent nat.classic=full-cone nat.hairpinning=true nat.port_preserving=true

# UDP blocked, TCP allowed: said so, with TCP reachable; exit 0 (the test ran).
lab_nat udp-blocked
out=$(lab_run 198.51.100.1:3478 --json)
status=$?
echo "$out" | "$here/check-json.py" udp.reachable=false tcp.reachable=true nat.classic=udp-blocked | sed 's/^/# /'
ok $((status + ${PIPESTATUS[1]})) "udp-blocked: UDP blocked reported with TCP reachable"
echo "$out" | python3 -c 'import json,sys; r=json.load(sys.stdin)["recommendations"]; sys.exit(0 if any(x["setting"]=="line.1.transport" and x["value"]=="tcp" for x in r) else 1)'
ok $? "udp-blocked: recommends line.1.transport=tcp"

# TURN: the right password allocates a relay, a wrong one is a 401; the
# password never shows in the output.
lab_nat masquerade
out=$(lab_run 198.51.100.1:3478 --json --turn-user "$LAB_TURN_USER" --turn-password-env LAB_TURN_PASSWORD)
status=$?
echo "$out" | "$here/check-json.py" turn.allocated=true turn_tcp.allocated=true | sed 's/^/# /'
ok $((status + ${PIPESTATUS[1]})) "TURN allocation over UDP and TCP with the right password (exit 0)"
if echo "$out" | grep -q "$LAB_TURN_PASSWORD"; then ok 1 "password not in output"; else ok 0 "password not in output"; fi
out=$(ip netns exec "$LAB_LAN" env WRONG=not-the-password "$PHONESET_BIN" stun-test 198.51.100.1:3478 --json \
  --transport udp --turn-user "$LAB_TURN_USER" --turn-password-env WRONG 2>"$LAB_DIR/turn-wrong.err")
status=$?
echo "$out" | "$here/check-json.py" turn.allocated=false turn.error_code=401 | sed 's/^/# /'
ok "${PIPESTATUS[1]}" "TURN with a wrong password reports 401"
sed 's/^/# stderr: /' "$LAB_DIR/turn-wrong.err"
[ "$status" -eq 1 ] && [ "$(wc -l <"$LAB_DIR/turn-wrong.err")" -eq 1 ] && grep -q "TURN server gave no relay: 401" "$LAB_DIR/turn-wrong.err"
ok $? "TURN with a wrong password is a failed check: exit 1 and one line on stderr (got exit $status)"

# TLS (self-signed certificate) and ICE gathering through the NAT.
lab_nat masquerade
out=$(lab_run 198.51.100.1:3478 --json --transport udp,tls --ice --turn-user "$LAB_TURN_USER" \
  --turn-password-env LAB_TURN_PASSWORD)
echo "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
tls = d["tls"]
print("# tls:", tls)
sys.exit(0 if tls["reachable"] and tls["server"] == "198.51.100.1:5349" and "certificate" in (tls["error"] or "") else 1)'
ok $? "TLS binding reachable, untrusted certificate reported"
echo "$out" | python3 -c '
import json, sys
c = json.load(sys.stdin)["ice"]["candidates"]
types = {(x["type"], x["address"].rsplit(":", 1)[0]) for x in c}
print("# ice:", sorted(types))
need = {("host", "192.0.2.2"), ("srflx", "198.51.100.254"), ("relay", "198.51.100.1")}
sys.exit(0 if need <= types else 1)'
ok $? "ICE gathers host, server-reflexive and relay candidates"

# DNS SRV: the name has no address of its own, only SRV records.
lab_dns || echo "# the lab DNS server did not start"
out=$(lab_run lab.test --json --transport udp,tcp,tls)
echo "$out" | "$here/check-json.py" server=lab.test udp.reachable=true udp.server=198.51.100.1:3478 \
  tcp.server=198.51.100.1:3478 tls.server=198.51.100.1:5349 nat.classic=port-restricted-cone | sed 's/^/# /'
ok "${PIPESTATUS[1]}" "DNS SRV: _stun._udp, _stun._tcp and _stuns._tcp lead to the server"

# A name that does not exist: exit 1, said in words, quickly.
t0=$(date +%s%N)
out=$(lab_run nothere.lab.test --json)
status=$?
ms=$((($(date +%s%N) - t0) / 1000000))
echo "$out" | "$here/check-json.py" udp.reachable=false "udp.error=The server name could not be resolved." | sed 's/^/# /'
checked=${PIPESTATUS[1]}
[ "$status" -eq 1 ] && [ "$checked" -eq 0 ]
ok $? "unknown name: exit 1, \"could not be resolved\" ($ms ms)"

exit $failed
