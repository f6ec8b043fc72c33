#!/bin/bash
# The command line under valgrind memcheck: every subcommand, with its
# success and failure paths, must run with zero memcheck errors and no
# definitely lost block.
#
#   run.sh GROUP     GROUP: basic, export, discover, remote, serve, stun
#
# Each group is one meson test (suite 'valgrind'), so that meson runs them in
# parallel. Output is TAP: one line per invocation. Only loopback is used:
# simulated phones on 127.0.0.2xx, coturn on 127.0.0.1/127.0.0.2, closed ports.
set -u

group=${1:?usage: run.sh GROUP}
here=$(cd "$(dirname "$0")" && pwd)
bin=${PHONESET_BIN:?PHONESET_BIN is not set (run through meson test)}
sim_bin=${PHONESET_PHONE_SIM:?PHONESET_PHONE_SIM is not set (run through meson test)}
data=$here/../data

if ! command -v valgrind >/dev/null; then
  echo "1..0 # SKIP valgrind is not installed; build-aux/dev test installs it"
  exit 0
fi

if ldd "$bin" 2>/dev/null | grep -q 'libasan\|libubsan'; then
  echo "1..0 # SKIP $bin is built with sanitizers; valgrind needs the normal build"
  exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/phoneset-vg-$group-XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

# GLib's slice allocator and gc-friendly frees, so that memcheck sees every
# block; no fatal warnings (a warning is reported by the test itself).
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
unset MALLOC_CHECK_ DISPLAY WAYLAND_DISPLAY

n=0
failed=0

# vg DESCRIPTION EXPECTED-STATUS ARG...: runs `phoneset ARG...` under memcheck.
vg() {
  local what=$1 expect=$2 status log
  shift 2
  n=$((n + 1))
  log=$tmp/vg-$n.log
  valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
    --show-leak-kinds=definite --num-callers=30 --suppressions="$here/valgrind.supp" \
    --gen-suppressions=all --log-file="$log" \
    "$bin" "$@" >"$tmp/out-$n" 2>"$tmp/err-$n" </dev/null &
  local pid=$!
  if [ -n "${VG_INTERRUPT_AFTER:-}" ]; then
    # Ctrl+C after a while, to the process under valgrind (the same pid).
    sleep "$VG_INTERRUPT_AFTER"
    kill -INT "$pid" 2>/dev/null || true
  fi
  wait "$pid"
  status=$?
  if [ "$status" -eq "$expect" ] && [ ! -s "$log" ]; then
    echo "ok $n - $what (exit $status)"
  else
    failed=$((failed + 1))
    echo "not ok $n - $what: exit $status (expected $expect)"
    sed 's/^/# /' "$log"
    sed 's/^/# stderr: /' "$tmp/err-$n" | head -5
  fi
}

# sim VENDOR ADDRESS ARG...: starts a simulated phone; sets sim_http, sim_sip.
sim() {
  local vendor=$1 address=$2 line fifo=$tmp/sim-$2
  shift 2
  mkfifo "$fifo"
  mkdir -p "$tmp/state-$address"
  PHONESET_VG_SIM_PW=vg-sim-pass "$sim_bin" --vendor="$vendor" --address="$address" \
    --http-port=0 --sip-port=0 --lifetime=120 --password-env=PHONESET_VG_SIM_PW \
    --state-dir="$tmp/state-$address" "$@" >"$fifo" &
  pids+=($!)
  read -r -t 10 line <"$fifo" || { echo "Bail out! the simulated phone did not start"; exit 1; }
  sim_http=$(sed -n 's/.* http=\([0-9]*\).*/\1/p' <<<"$line")
  sim_sip=$(sed -n 's/.* sip=\([0-9]*\).*/\1/p' <<<"$line")
}

# A UDP/TCP port on 127.0.0.1 that nothing listens on.
closed_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case $group in
  basic)
    vg "phoneset --help" 0 --help
    vg "profiles" 0 profiles
    vg "profiles --json" 0 profiles --json
    vg "import Yealink v8x --json" 0 import "$data/cfg/yealink-t46s-v8x.cfg" --json
    vg "import PLANET" 0 import "$data/cfg/planet-vip2140pt.cfg"
    vg "import snom XML --json" 0 import "$data/cfg/snom-d785.xml" --json
    printf '<?xml version="1.0"?>\n<settings><phone-settings><a>\n' >"$tmp/broken.xml"
    vg "import: broken XML" 2 import "$tmp/broken.xml" --profile snom
    head -c 3000 /dev/urandom >"$tmp/random.bin"
    vg "import: random bytes" 2 import "$tmp/random.bin"
    vg "import: missing file" 2 import "$tmp/no-such-file.cfg"
    vg "unknown subcommand" 2 frobnicate
    ;;
  export)
    out=$tmp/export
    mkdir -p "$out"
    vg "export PLANET common file" 0 export --profile planet-vip --model VIP-2140PT \
      --set nat.stun.server=stun.example.org --set line.1.stun.enable=on --output "$out"
    vg "export Yealink legacy MAC file" 0 export --profile yealink-legacy --mac 00:15:65:8A:37:86 \
      --set nat.keepalive.interval=20 --output "$out"
    vg "export snom XML" 0 export --profile snom --mac 00-04-13-aa-bb-cc --set qos.dscp.sip=46 --output "$out"
    vg "export Konftel setup sheet" 0 export --profile konftel-300ip --set nat.stun.server=stun.example.org \
      --output "$out"
    PROV_PW=vg-prov-secret vg "export custom name --include-secrets --secret-env" 0 \
      export --profile yealink-v8x --model SIP-T46S --name custom:with.cfg \
      --secret-env provisioning.server.password=PROV_PW --include-secrets --output "$out"
    cp "$data/cfg/planet-vip2140pt.cfg" "$out/base.cfg"
    vg "export --base in place" 0 export --profile planet-vip --base "$out/base.cfg" --name custom:board-room \
      --set vlan.enable=true --set vlan.id=20 --output "$out"
    vg "export: value out of range" 2 export --profile planet-vip --model VIP-2140PT --set vlan.id=5000 \
      --output "$out"
    vg "export: secret variable not set" 2 export --profile yealink-v8x --model SIP-T46S \
      --secret-env provisioning.server.password=PHONESET_VG_NOT_SET --output "$out"
    printf '{ "settings": [ 1, 2' >"$tmp/broken.json"
    vg "export: broken --config JSON" 2 export --profile yealink-v8x --model SIP-T46S \
      --config "$tmp/broken.json" --output "$out"
    ;;
  discover)
    # Passive: a neighbour table file; active: a sweep of 127.0.0.200/29
    # where one simulated phone answers SIP OPTIONS.
    printf '%s\n' \
      "IP address       HW type     Flags       HW address            Mask     Device" \
      "127.0.0.201      0x1         0x2         00:15:65:4a:a9:37     *        lo" >"$tmp/arp"
    sim yealink 127.0.0.201
    PHONESET_NEIGHBOUR_TABLE=$tmp/arp PHONESET_PNP_ADDRESS=none \
      vg "discover --no-active --json" 0 discover --no-active --timeout 300 --json
    PHONESET_NEIGHBOUR_TABLE= PHONESET_PNP_ADDRESS=none \
      vg "discover: sweep with one phone" 0 discover --subnet 127.0.0.200/29 --port "udp:$sim_sip" --timeout 1500 --json
    PHONESET_NEIGHBOUR_TABLE= PHONESET_PNP_ADDRESS=none \
      vg "discover: nothing answers (closed port)" 0 discover --subnet 127.0.0.208/29 --port "udp:$(closed_port)" \
      --timeout 800
    vg "discover: bad subnet" 2 discover --subnet 10.0.0.0/8
    ;;
  remote)
    sim yealink 127.0.0.211 --no-prompt
    phone=127.0.0.211:$sim_http
    PHONESET_VG_PW=vg-sim-pass vg "key OK DNDOn" 0 key "$phone" OK DNDOn --vendor=yealink \
      --password-env=PHONESET_VG_PW --json
    PHONESET_VG_PW=wrong-pass vg "key: wrong password" 1 key "$phone" OK --vendor=yealink \
      --password-env=PHONESET_VG_PW
    PHONESET_VG_PW=vg-sim-pass vg "key: closed port" 1 key "127.0.0.211:$(closed_port)" OK --vendor=yealink \
      --password-env=PHONESET_VG_PW --timeout=2
    PHONESET_VG_PW=vg-sim-pass vg "push --via autop" 0 push "$phone" --file "$data/cfg/yealink-t46s-v8x.cfg" \
      --vendor=yealink --via=autop --wait=10 --local-address=127.0.0.1 --password-env=PHONESET_VG_PW --json
    PHONESET_VG_PW=wrong-pass vg "push: wrong password" 1 push "$phone" --file "$data/cfg/yealink-t46s-v8x.cfg" \
      --vendor=yealink --via=autop --wait=2 --local-address=127.0.0.1 --password-env=PHONESET_VG_PW
    PHONESET_VG_PW=vg-sim-pass vg "push: closed port" 1 push "127.0.0.211:$(closed_port)" \
      --file "$data/cfg/yealink-t46s-v8x.cfg" --vendor=yealink --via=autop --wait=2 --timeout=2 \
      --local-address=127.0.0.1 --password-env=PHONESET_VG_PW
    vg "push: missing file" 2 push "$phone" --file "$tmp/no-such.cfg" --vendor=yealink
    ;;
  serve)
    mkdir -p "$tmp/www"
    cp "$data/golden/yealink-v8x.cfg" "$tmp/www/y000000000044.cfg"
    port=$(closed_port)
    # Stopped by --duration, after one fetch, one 404 and one Action URL event.
    (
      for _ in $(seq 100); do
        python3 - "$port" <<'PY' 2>/dev/null && break
import sys, urllib.request, urllib.error
base = "http://127.0.0.1:%s" % sys.argv[1]
urllib.request.urlopen(base + "/y000000000044.cfg", timeout=2).read()
try:
    urllib.request.urlopen(base + "/../../etc/passwd", timeout=2).read()
except urllib.error.HTTPError:
    pass
urllib.request.urlopen(base + "/action-url/off_hook?mac=001565aabbcc&ip=127.0.0.1", timeout=2).read()
# Oversized: refused before libsoup reads it (414), and after a good
# request on a kept-alive connection (413 on the taken connection).
import socket
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
s.sendall(b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
assert s.recv(100).startswith(b"HTTP/1.1 414")
s.close()
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
s.sendall(b"GET /y000000000044.cfg HTTP/1.1\r\nHost: x\r\n\r\n"
          b"POST /y000000000044.cfg HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n")
data = b""
while True:
    d = s.recv(65536)
    if not d:
        break
    data += d
assert b"HTTP/1.1 413" in data, data[-200:]
PY
        sleep 0.1
      done
    ) &
    pids+=($!)
    vg "serve --dir --action-url, stopped by --duration" 0 serve --dir "$tmp/www" --action-url --accept-unknown-phones \
      --address=127.0.0.1 --port="$port" --duration=6
    grep -q '"fetch"' "$tmp/out-$n" || { echo "not ok - serve did not report the fetch"; failed=$((failed + 1)); }
    for status in 414 413; do
      grep -q "\"rejected\".*\"status\":$status" "$tmp/out-$n" ||
        { echo "not ok - serve did not refuse the oversized request with $status"; failed=$((failed + 1)); }
    done
    # Stopped by Ctrl+C (SIGINT), with the PnP responder.
    mkdir -p "$tmp/www2"
    VG_INTERRUPT_AFTER=4 vg "serve --pnp, stopped by SIGINT" 0 serve --dir "$tmp/www2" --pnp --pnp-port=0 \
      --address=127.0.0.1 --duration=30
    vg "serve: not a directory" 2 serve --dir "$tmp/no-such-dir"
    # Another program holds the port (it says which on its first line).
    mkfifo "$tmp/holder"
    python3 -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(30)' \
      >"$tmp/holder" &
    pids+=($!)
    read -r -t 10 held <"$tmp/holder"
    vg "serve: port taken" 1 serve --dir "$tmp/www" --address=127.0.0.1 --port="$held" --duration=1
    ;;
  stun)
    turnserver=$(command -v turnserver || true)
    if [ -z "$turnserver" ]; then
      echo "1..0 # SKIP coturn (turnserver) is not installed; build-aux/dev test installs it"
      exit 0
    fi
    # Its own pid file, database and log (two coturns in parallel tests must
    # not share /var/run/turnserver.pid or /var/lib/turn/turndb); ports below
    # the kernel's ephemeral range (32768-60999), so that no client socket of
    # another test can hold them.
    "$turnserver" -n --listening-ip=127.0.0.1 --listening-ip=127.0.0.2 --listening-port=23890 \
      --alt-listening-port=23891 --no-tls --no-dtls --no-cli --lt-cred-mech --user=vg:vg-turn-secret \
      --realm=phoneset.test --relay-ip=127.0.0.1 --min-port=24400 --max-port=24500 --allow-loopback-peers \
      --pidfile="$tmp/turnserver.pid" --db="$tmp/turndb" --log-file="$tmp/turnserver.log" --simple-log \
      >/dev/null 2>&1 &
    pids+=($!)
    # Ready when it answers a STUN binding (the normal build, not under
    # valgrind; bounded: 20 s).
    ready=0
    for _ in $(seq 40); do
      if "$bin" stun-test 127.0.0.1:23890 --transport udp --json >/dev/null 2>&1; then
        ready=1
        break
      fi
      sleep 0.5
    done
    if [ "$ready" -ne 1 ]; then
      echo "Bail out! coturn did not answer on 127.0.0.1:23890 within 20 s"
      sed 's/^/# coturn: /' "$tmp"/turnserver*.log 2>/dev/null | tail -20
      exit 1
    fi
    TURN_PW=vg-turn-secret vg "stun-test with TURN (coturn on loopback)" 0 stun-test 127.0.0.1:23890 \
      --turn-user vg --turn-password-env TURN_PW --json
    TURN_PW=wrong vg "stun-test: wrong TURN password (a failed check)" 1 stun-test 127.0.0.1:23890 --transport udp \
      --turn-user vg --turn-password-env TURN_PW
    vg "stun-test: closed port" 1 stun-test "127.0.0.1:$(closed_port)" --transport udp --json
    vg "stun-test: bad transport" 2 stun-test 127.0.0.1 --transport udp,carrier-pigeon
    # stun-server: a simulated phone probing its NAT type and refreshing
    # every second (it retries until the server under valgrind is up), a
    # line per request and the table; then the JSON document.
    sim snom 127.0.0.239 --stun-server=127.0.0.238:23892 --stun-refresh=1 --stun-probe
    vg "stun-server: a phone's requests, the table" 0 stun-server --address=127.0.0.238 --port=23892 \
      --alt-port=23893 --duration=5
    grep -q "Binding request" "$tmp/out-$n" || { echo "not ok $n - no request seen"; failed=$((failed + 1)); }
    vg "stun-server --json" 0 stun-server --address=127.0.0.238 --alt-address=127.0.0.237 --port=23892 \
      --alt-port=23893 --duration=4 --json --binding-lifetime=30
    vg "stun-server: bad address" 2 stun-server --address=0.0.0.0
    ;;
  *)
    echo "Bail out! unknown group $group"
    exit 1
    ;;
esac

echo "1..$n"
[ "$failed" -eq 0 ]
