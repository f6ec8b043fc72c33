#!/bin/bash
# tests/netlab/discovery.sh: `phoneset discover` on a LAN of 20 simulated
# phones (tests/netlab/lan.sh). Suite 'netlab'; needs root (skips otherwise).
#
# Checks: every phone found with the right vendor, model, firmware and MAC;
# the web-only phone named from its web page; the phone that sends garbage
# and the empty addresses not listed; the PnP-only phone seen when it boots.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
: "${PHONESET_BIN:?PHONESET_BIN must name the phoneset program}"
: "${PHONESET_PHONE_SIM:?PHONESET_PHONE_SIM must name phoneset-phone-sim}"

if [ "$(id -u)" -ne 0 ]; then
  echo "1..0 # SKIP the network lab needs root (network namespaces); CI runs it as root"
  exit 0
fi
for tool in ip python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

# shellcheck source=tests/netlab/lan.sh
. "$here/lan.sh"
trap lan_down EXIT
trap 'exit 130' INT TERM

# The profiles' fingerprints used here are the test fixtures.
export PHONESET_PROFILES_DIR="$here/../../data/profiles"

echo "1..4"
if ! lan_up; then
  echo "Bail out! the lab did not come up"
  exit 1
fi

expected() {
  local spec
  for spec in "$@"; do
    echo "$spec"
  done
}

check() {
  # check NAME JSON-FILE MODE EXPECTED-LINES...
  local name=$1 json=$2 mode=$3
  shift 3
  if expected "$@" | python3 "$here/check-discovery.py" "$mode" "$json"; then
    echo "ok - $name"
  else
    echo "not ok - $name"
  fi
}

# 1. The active scan, from the interfaces' own subnet.
lan_flush
start=$(date +%s%N)
lan_scan "$PHONESET_BIN" discover --json --timeout 8000 >"$LAN_DIR/active.json" 2>"$LAN_DIR/active.err"
status=$?
end=$(date +%s%N)
lan_log "active scan: exit $status, $(((end - start) / 1000000)) ms"
sed 's/^/#   /' "$LAN_DIR/active.err"
check "active scan finds the 20 phones and the web-only one, nothing else" "$LAN_DIR/active.json" active \
  "${LAN_PHONES[@]}" "$LAN_HTTP_ONLY"

# 2. The table for people.
lan_flush
lan_scan "$PHONESET_BIN" discover --subnet 192.0.2.0/24 --timeout 8000 >"$LAN_DIR/table.txt" 2>&1
if grep -q '^192.0.2.10 .*00:15:65:4a:a9:37 .*Yealink .*SIP-T46G .*28.72.0.1' "$LAN_DIR/table.txt" &&
   [ "$(grep -c '^192\.0\.2\.' "$LAN_DIR/table.txt")" -eq 21 ]; then
  echo "ok - human table lists 21 phones"
else
  echo "not ok - human table lists 21 phones"
  sed 's/^/#   /' "$LAN_DIR/table.txt"
fi

# 3. Listening only: the PnP-only phone is seen when it boots, while other
# SIP software holds port 5060 (a softphone bound to 0.0.0.0:5060).
lan_flush
lan_scan python3 -c '
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", 5060))
time.sleep(8)
' &
other=$!
sleep 0.3
lan_scan "$PHONESET_BIN" discover --no-active --json --timeout 4000 >"$LAN_DIR/pnp.json" 2>"$LAN_DIR/pnp.err" &
scan=$!
sleep 0.5
lan_boot_pnp_phone
wait $scan
status=$?
lan_log "passive scan: exit $status"
sed 's/^/#   /' "$LAN_DIR/pnp.err"
if kill -0 $other 2>/dev/null; then
  check "the PnP-only phone is seen when it boots (port 5060 shared)" "$LAN_DIR/pnp.json" pnp "$LAN_PNP_ONLY"
else
  echo "not ok - the other program on port 5060 did not keep its port"
fi
kill $other 2>/dev/null
wait $other 2>/dev/null
lan_stop_pnp_phone

# 4. TCP and a second port: the phones answer on UDP 5060 only, so the TCP
# probes find nothing more and the scan still ends.
lan_flush
lan_scan "$PHONESET_BIN" discover --json --port 5060 --port tcp:5060 --port 5062 --timeout 8000 \
  >"$LAN_DIR/tcp.json" 2>"$LAN_DIR/tcp.err"
check "UDP 5060, 5062 and TCP 5060 together" "$LAN_DIR/tcp.json" active "${LAN_PHONES[@]}" "$LAN_HTTP_ONLY"
