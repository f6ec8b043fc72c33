#!/bin/bash
# test-secrets-sweep.sh — no secret leaks (issue 9).
#
# Runs the whole command-line flow with distinctive passwords, each taken
# from an environment variable as the CLI contract says: push and key
# against a simulated phone, a STUN/TURN test against a real coturn on
# loopback, export with and without --include-secrets, serve with digest
# and basic authentication (right and wrong passwords from a client), all
# with G_MESSAGES_DEBUG=all; a key command without a keyring; and, with
# the real keyring (PHONESET_TEST_KEYRING=unlocked), key and push with the
# admin password saved in gnome-keyring. Then it searches the XDG data, config, cache
# and state directories, every log, every stdout/JSON output and every
# exported file for each password, as text, base64 and hex. Only the
# export where --include-secrets asked for the passwords may hold them
# (and must: that proves the search finds what is there).
#
# Loopback addresses 127.0.0.120–127.0.0.129 only; ports are free ones or
# below 32768; everything is bounded and cleaned up.
set -u

PHONESET=${PHONESET_BIN:?PHONESET_BIN is not set}
BUILD=${G_TEST_BUILDDIR:?G_TEST_BUILDDIR is not set}
SIM=$BUILD/phone-sim/phoneset-phone-sim
ADDR_PHONE=127.0.0.120
ADDR_TURN=127.0.0.121
ADDR_SERVE=127.0.0.122

# Distinctive, one per place a password goes in.
export SWEEP_ADMIN_PW='Zq7-phoneset-SECRET-4711'
export SWEEP_TURN_PW='Zq7-turn-SECRET-0815'
export SWEEP_PROV_PW='Zq7-prov-SECRET-2342'
export SWEEP_SERVE_PW='Zq7-serve-SECRET-9001'
SECRETS=("$SWEEP_ADMIN_PW" "$SWEEP_TURN_PW" "$SWEEP_PROV_PW" "$SWEEP_SERVE_PW")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/phoneset-sweep-XXXXXX")
export XDG_DATA_HOME=$WORK/xdg/data XDG_CONFIG_HOME=$WORK/xdg/config
export XDG_CACHE_HOME=$WORK/xdg/cache XDG_STATE_HOME=$WORK/xdg/state
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
OUT=$WORK/out      # stdout and JSON of every command
LOGS=$WORK/logs    # stderr with G_MESSAGES_DEBUG=all
EXPORT=$WORK/export
ALLOWED=$WORK/export-with-secrets
mkdir -p "$OUT" "$LOGS" "$EXPORT" "$ALLOWED"
export G_MESSAGES_DEBUG=all
unset DISPLAY WAYLAND_DISPLAY

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  [ -n "${SWEEP_KEEP:-}" ] || rm -rf "$WORK"; [ -n "${SWEEP_KEEP:-}" ] && echo "# kept $WORK"
}
trap cleanup EXIT

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }

# run NAME EXPECTED-STATUSES ARGS…: the CLI, stdout to $OUT/NAME, stderr to $LOGS/NAME
run() {
  local name=$1 want=$2 status
  shift 2
  timeout 60 "$PHONESET" "$@" >"$OUT/$name" 2>"$LOGS/$name"
  status=$?
  if [[ " $want " == *" $status "* ]]; then
    ok "$name: exit $status"
  else
    not_ok "$name: exit $status, wanted $want"
    sed 's/^/# /' "$LOGS/$name" | tail -20
  fi
}

# A simulated Yealink phone whose admin password is SWEEP_ADMIN_PW.
PHONE_STATE=$WORK/phone
mkdir -p "$PHONE_STATE"
coproc SIMPROC { PHONESET_SIM_PW=$SWEEP_ADMIN_PW exec "$SIM" --vendor=yealink --address=$ADDR_PHONE \
  --http-port=0 --sip-port=0 --lifetime=120 --password-env=PHONESET_SIM_PW --no-prompt \
  --state-dir="$PHONE_STATE" 2>"$WORK/phone-sim.log"; }
PIDS+=("$SIMPROC_PID")
read -r -t 10 ready <&"${SIMPROC[0]}"
http_port=$(echo "$ready" | tr ' ' '\n' | sed -n 's/^http=//p')
sip_port=$(echo "$ready" | tr ' ' '\n' | sed -n 's/^sip=//p')
if [ -z "$http_port" ]; then
  echo "Bail out! the simulated phone did not start: $ready"
  exit 1
fi
PHONE=$ADDR_PHONE:$http_port

# push and key, with the admin password from the environment.
printf '#!version:1.0.0.1\naccount.1.user_name = 1001\n' >"$WORK/push.cfg"
run push "0" push "$PHONE" --vendor=yealink --password-env=SWEEP_ADMIN_PW --file="$WORK/push.cfg" \
  --via=check-sync --sip-port="$sip_port" --local-address=$ADDR_PHONE --wait=10 --json
run push-text "0" push "$PHONE" --vendor=yealink --password-env=SWEEP_ADMIN_PW --file="$WORK/push.cfg" \
  --via=check-sync --sip-port="$sip_port" --local-address=$ADDR_PHONE --wait=10
run key "0" key "$PHONE" --vendor=yealink --password-env=SWEEP_ADMIN_PW --json OK
# A wrong password: the refusal is reported, the password is not.
SWEEP_WRONG=${SWEEP_ADMIN_PW}x run key-wrong "1" key "$PHONE" --vendor=yealink --password-env=SWEEP_WRONG --json OK

# No keyring at all: a phone that wants a password the keyring cannot give
# is refused, and the command says why, in plain words.
DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/phoneset-sweep-bus run key-no-keyring "1" key "$PHONE" --vendor=yealink OK
if grep -q "cannot be read: no keyring is running. Give it with --password-env VAR." "$LOGS/key-no-keyring"; then
  ok "key without a keyring says why the phone refused"
else
  not_ok "key without a keyring did not say why"
  sed 's/^/# /' "$LOGS/key-no-keyring" | tail -5
fi

# With the real keyring (tests/keyring-session.sh unlocked, the
# secrets-sweep-keyring test): the admin password saved there is what key
# and push use without --password-env, and the sweep below looks for it too.
if [ "${PHONESET_TEST_KEYRING:-}" = unlocked ]; then
  printf %s "$SWEEP_ADMIN_PW" | G_MESSAGES_DEBUG= secret-tool store --label="Phoneset: admin on phone $ADDR_PHONE" \
    xdg:schema io.github.phoneset.Phoneset.Phone host $ADDR_PHONE user admin
  run key-keyring "0" key "$PHONE" --vendor=yealink --json OK
  run push-keyring "0" push "$PHONE" --vendor=yealink --file="$WORK/push.cfg" \
    --via=check-sync --sip-port="$sip_port" --local-address=$ADDR_PHONE --wait=10 --json
  if [ "$(G_MESSAGES_DEBUG= secret-tool lookup host $ADDR_PHONE user admin)" = "$SWEEP_ADMIN_PW" ]; then
    ok "the keyring still holds the admin password"
  else
    not_ok "the admin password is not in the keyring"
  fi
else
  skip "no real keyring here (the secrets-sweep-keyring test runs this with gnome-keyring)"
fi

# stun-test with TURN against coturn on loopback (long-term credentials);
# its own pid file and database: another coturn may run in a parallel test.
if command -v turnserver >/dev/null; then
  cat >"$WORK/turnserver.conf" <<CONF
listening-ip=$ADDR_TURN
relay-ip=$ADDR_TURN
listening-port=13478
alt-listening-port=13479
min-port=21000
max-port=21100
no-tls
no-dtls
no-cli
lt-cred-mech
user=sweep:$SWEEP_TURN_PW
realm=sweep.test
fingerprint
log-file=$WORK/turnserver.log
simple-log
pidfile=$WORK/turnserver.pid
db=$WORK/turndb
CONF
  turnserver -c "$WORK/turnserver.conf" >/dev/null 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 50); do
    ss -Hlun 2>/dev/null | grep -q "$ADDR_TURN:13478" && break
    sleep 0.1
  done
  run stun-turn "0 1" stun-test $ADDR_TURN:13478 --transport=udp --turn-user=sweep --turn-password-env=SWEEP_TURN_PW --json
  if grep -q '"allocated" : true' "$OUT/stun-turn"; then
    ok "stun-test reached TURN (the password was used)"
  else
    not_ok "stun-test did not reach TURN"
    sed 's/^/# /' "$OUT/stun-turn" | head -30
  fi
  run stun-turn-text "0 1" stun-test $ADDR_TURN:13478 --transport=udp --turn-user=sweep --turn-password-env=SWEEP_TURN_PW
  SWEEP_WRONG=${SWEEP_TURN_PW}x run stun-turn-wrong "0 1" stun-test $ADDR_TURN:13478 --transport=udp --turn-user=sweep \
    --turn-password-env=SWEEP_WRONG --json
else
  skip "turnserver (coturn) is not installed: no TURN flow"
fi

# export: without --include-secrets the passwords stay out; with it, in.
run export "0" export --profile=yealink-v8x --model=SIP-T46U --mac=00:15:65:8a:37:86 --name=mac \
  --set=nat.turn.server=$ADDR_TURN --set=nat.turn.user=sweep --secret-env=nat.turn.password=SWEEP_TURN_PW \
  --set=provisioning.server.user=admin --secret-env=provisioning.server.password=SWEEP_PROV_PW --output="$EXPORT"
run export-secrets "0" export --profile=yealink-v8x --model=SIP-T46U --mac=00:15:65:8a:37:86 --name=mac \
  --set=nat.turn.server=$ADDR_TURN --set=nat.turn.user=sweep --secret-env=nat.turn.password=SWEEP_TURN_PW \
  --set=provisioning.server.user=admin --secret-env=provisioning.server.password=SWEEP_PROV_PW \
  --include-secrets --output="$ALLOWED"
if grep -rqF "$SWEEP_PROV_PW" "$ALLOWED" && grep -rqF "$SWEEP_TURN_PW" "$ALLOWED"; then
  ok "export --include-secrets wrote the passwords the user asked for"
else
  not_ok "export --include-secrets did not write the passwords"
fi

# serve with authentication: the right password, a wrong one, none.
echo "#!version:1.0.0.1" >"$WORK/served.cfg"
mkdir -p "$WORK/served"
cp "$WORK/served.cfg" "$WORK/served/001565aabbcc.cfg"
for scheme in digest basic; do
  port_file=$LOGS/serve-$scheme
  timeout 30 "$PHONESET" serve --dir="$WORK/served" --address=$ADDR_SERVE --port=0 --duration=3 \
    --user=phone --password-env=SWEEP_SERVE_PW --auth=$scheme >"$OUT/serve-$scheme" 2>"$port_file" &
  PIDS+=("$!")
  serve_pid=$!
  url=
  for _ in $(seq 50); do
    url=$(grep -o "http://$ADDR_SERVE:[0-9]*" "$OUT/serve-$scheme" "$port_file" 2>/dev/null | head -1 | sed 's/^[^:]*:http/http/')
    [ -n "$url" ] && break
    sleep 0.1
  done
  if [ -z "$url" ]; then
    not_ok "serve --auth=$scheme did not say where it listens"
    sed 's/^/# /' "$port_file" | tail -5
    continue
  fi
  # The client's own password goes through curl's --config on stdin, not argv.
  good=$(printf 'user = "phone:%s"\n' "$SWEEP_SERVE_PW" | curl -s -o /dev/null -w '%{http_code}' --$scheme --config - "$url/001565aabbcc.cfg")
  bad=$(printf 'user = "phone:%sx"\n' "$SWEEP_SERVE_PW" | curl -s -o /dev/null -w '%{http_code}' --$scheme --config - "$url/001565aabbcc.cfg")
  if [ "$good" = 200 ] && [ "$bad" = 401 ]; then
    ok "serve --auth=$scheme: right password 200, wrong one 401"
  else
    not_ok "serve --auth=$scheme: right password $good, wrong one $bad"
  fi
  wait "$serve_pid"
done

# The sweep. Everything Phoneset wrote or printed, except the one export
# where the user asked for the passwords.
forms() {
  local s=$1
  printf '%s\n' "$s"
  printf '%s' "$s" | base64 -w0; echo
  printf '%s' "$s" | od -An -tx1 | tr -d ' \n'; echo
  printf '%s' "$s" | od -An -tx1 | tr -d ' \n' | tr a-f A-F; echo
  printf '%s' "$s" | sed 's/-/%2D/g' # URL-escaped, as in a query
}
files=$(find "$WORK/xdg" "$OUT" "$LOGS" "$EXPORT" -type f | wc -l)
leaks=0
for secret in "${SECRETS[@]}"; do
  while read -r form; do
    [ -z "$form" ] && continue
    if hits=$(grep -rlaF -- "$form" "$WORK/xdg" "$OUT" "$LOGS" "$EXPORT"); then
      leaks=$((leaks + 1))
      echo "# LEAK of ${secret:0:8}… (as “$form”) in:"
      echo "$hits" | sed "s|$WORK/|#   |"
    fi
  done < <(forms "$secret")
done
if [ "$leaks" = 0 ]; then
  ok "no password, in text, base64, hex or URL form, in $files files (XDG dirs, logs, outputs, exports)"
else
  not_ok "$leaks password forms found"
fi
echo "# searched $(cat "$LOGS"/* | wc -c) bytes of logs (G_MESSAGES_DEBUG=all) and $(cat "$OUT"/* | wc -c) bytes of output"

echo "1..$n"
exit $failed
