# Sourced by build-aux/dev's `run` (not executed): starts five simulated
# phones on loopback so Phoneset can be tried without hardware, and exports
# PHONESET_DEMO_PHONES for the window:
#
#   PHONESET_DEMO_PHONES="yealink-legacy@127.0.0.11:8080,planet-vip@127.0.0.12:8080,snom@127.0.0.13:8080,
#                         poly-uc@127.0.0.14:8080,grandstream-gxp@127.0.0.15:8080"
#
# Each entry is PROFILE@ADDRESS:HTTP_PORT, a profile id of data/profiles
# (the window names the phone after that profile's vendor); every phone
# also answers SIP on ADDRESS:5060, web admin user "admin", password
# "admin" (the vendors' factory default). The simulators are children of this shell: they end
# when Phoneset (exec'd by the same process) exits (PR_SET_PDEATHSIG), and
# after 8 hours at the latest. PHONESET_NO_DEMO=1 skips them.
# Needs: $top (the source tree) and a built $top/build.

demo_start_phones() {
  local sim="$top/build/tests/phone-sim/phoneset-phone-sim"
  local state="$top/build/demo-phones"
  local phones="" entry vendor profile address model mac i

  [ -n "${PHONESET_NO_DEMO:-}" ] && return 0
  if [ ! -x "$sim" ]; then
    echo "== No simulated phones: $sim is not built" >&2
    return 0
  fi
  mkdir -p "$state"
  # VENDOR|PROFILE|ADDRESS|MODEL|MAC (a model may hold spaces: "Trio 8800").
  for entry in "yealink|yealink-legacy|127.0.0.11|SIP-T46G|00:15:65:4a:a9:37" \
               "planet|planet-vip|127.0.0.12|VIP-2140PT|00:30:4f:a9:99:48" \
               "snom|snom|127.0.0.13|D785|00:04:13:2b:3c:4d" \
               "poly|poly-uc|127.0.0.14|Trio 8800|64:16:7f:3a:88:01" \
               "grandstream|grandstream-gxp|127.0.0.15|GXP2170|00:0b:82:6f:3c:2d"; do
    IFS='|' read -r vendor profile address model mac <<< "$entry"
    rm -f "$state/$vendor.out"
    "$sim" --vendor "$vendor" --model "$model" --mac "$mac" --address "$address" --http-port 8080 \
      --sip-port 5060 --no-prompt --state-dir "$state/$vendor" --lifetime 28800 \
      > "$state/$vendor.out" 2> "$state/$vendor.log" &
    # Wait (at most 2 s) for its "ready" line.
    for i in $(seq 20); do
      grep -q '^ready' "$state/$vendor.out" 2>/dev/null && break
      sleep 0.1
    done
    if grep -q '^ready' "$state/$vendor.out" 2>/dev/null; then
      phones="${phones:+$phones,}$profile@$address:8080"
    else
      echo "== Simulated $vendor phone on $address did not start (see $state/$vendor.log)" >&2
    fi
  done
  export PHONESET_DEMO_PHONES="$phones"
  echo "== Simulated phones (user admin, password admin): $phones"
}

demo_start_phones
