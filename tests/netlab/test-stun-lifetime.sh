#!/bin/bash
# The binding lifetime: the router forgets idle UDP bindings after 4 s
# (nf_conntrack_udp_timeout, per network namespace); --lifetime must find
# that within ±10 %. TAP; skips (77) when not root or without ip netns.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lab.sh
. "$here/lab.sh"
lab_check
: "${PHONESET_BIN:?PHONESET_BIN must name the phoneset binary}"
lab_up || { echo "Bail out! the lab did not come up"; exit 1; }

timeout_s=4
lab_nat masquerade
lab_udp_timeout "$timeout_s"
echo "1..2"
out=$(lab_run 198.51.100.1:3478 --transport udp --lifetime --json)
echo "$out" | python3 -c "
import json, sys
d = json.load(sys.stdin)
ms = d['nat']['binding_lifetime_ms']
print('# measured', ms, 'ms; router', $timeout_s * 1000, 'ms')
sys.exit(0 if ms is not None and abs(ms - $timeout_s * 1000) <= $timeout_s * 100 else 1)"
if [ $? -eq 0 ]; then echo "ok 1 - lifetime within 10 % of ${timeout_s} s"; else echo "not ok 1 - lifetime within 10 % of ${timeout_s} s"; exit 1; fi
echo "$out" | python3 -c "
import json, sys
r = {x['setting']: x['value'] for x in json.load(sys.stdin)['recommendations']}
print('# keep-alive', r.get('nat.keepalive.interval'))
sys.exit(0 if int(r['nat.keepalive.interval']) < $timeout_s else 1)"
if [ $? -eq 0 ]; then echo "ok 2 - keep-alive below the lifetime"; else echo "not ok 2 - keep-alive below the lifetime"; exit 1; fi
