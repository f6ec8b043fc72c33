#!/bin/bash
# A fleet of 50 simulated phones of two vendors (25 Yealink SIP-T46G, 25
# PLANET VIP-2140PT), each in its own network namespace, provisioned from a
# tree that `phoneset export --fleet` wrote:
#   1. through the servers admins already run: a real nginx (HTTP) and
#      tftpd-hpa (TFTP) serve the tree; a real dnsmasq hands each phone its
#      address and option 66 (the line comes from the export's README); each
#      phone's DHCP client (ISC dhclient) writes the URL for the simulator
#      (--provisioning-url-file), which fetches its common file and its MAC
#      file over HTTP; every MAC file is also fetched over TFTP and compared;
#   2. with SIP PnP only: dnsmasq without option 66, and `phoneset serve
#      --dir TREE --pnp` answering each phone's multicast SUBSCRIBE.
# Every phone must end with its common and its own values applied; the time
# the fleet took is printed. All addresses are TEST-NET-1 (192.0.2.0/24)
# inside namespaces of this test. Needs root; skips otherwise.
set -euo pipefail

echo "1..4"
skip() {
  echo "1..0 # SKIP $*"
  exit 77
}
[ "$(id -u)" -eq 0 ] || skip "needs root to create network namespaces (CI runs it as root)"
for tool in ip nginx in.tftpd tftp dnsmasq dhclient python3; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is missing (build-aux/dev installs the test packages)"
done
: "${PHONESET_BIN:?}" "${PHONESET_PHONE_SIM:?}"

N=50
id=fl$$
hub=${id}h
srv=${id}s
tmp=$(mktemp -d "${TMPDIR:-/tmp}/phoneset-fleet-XXXXXX")
chmod 755 "$tmp"
namespaces=()
pids=()

cleanup() {
  local pid ns
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for ns in "${namespaces[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

fail() {
  echo "not ok - $*"
  for f in "$tmp"/*.log "$tmp"/serve.out "$tmp"/phone1/*.log "$tmp/phone$N"/*.log "$tmp"/phone1/url; do
    [ -f "$f" ] && { echo "# --- $f"; tail -n 20 "$f" | sed 's/^/#   /'; }
  done
  exit 1
}

ns_add() {
  ip netns add "$1"
  namespaces+=("$1")
  ip -n "$1" link set lo up
}

now_ms() { date +%s%3N; }

# The phones: n → vendor, model, MAC, common file, number.
phone_vendor() { if [ "$1" -le $((N / 2)) ]; then echo yealink; else echo planet; fi; }
phone_mac() {
  if [ "$1" -le $((N / 2)) ]; then printf '00:15:65:f1:00:%02x' "$1"; else printf '00:30:4f:f1:00:%02x' "$1"; fi
}

# 0. The exported tree: one export per vendor, merged into one folder.
{
  echo "mac,name,line.1.number,vlan.id"
  for n in $(seq 1 $((N / 2))); do echo "$(phone_mac "$n"),Desk $n,$((1000 + n)),$((100 + n))"; done
} >"$tmp/yealink.csv"
{
  printf '\xef\xbb\xbfmac;name;line.1.number;vlan.id\r\n'
  for n in $(seq $((N / 2 + 1)) $N); do printf '%s;"Room %s; east";%s;%s\r\n' "$(phone_mac "$n")" "$n" $((2000 + n)) $((200 + n)); done
} >"$tmp/planet.csv"
"$PHONESET_BIN" export --profile yealink-legacy --model SIP-T46G --fleet "$tmp/yealink.csv" \
  --set nat.stun.server=stun-y.example.org --server-url http://192.0.2.1/ --output "$tmp/yealink" >/dev/null ||
  fail "export --fleet (Yealink)"
"$PHONESET_BIN" export --profile planet-vip --model VIP-2140PT --fleet "$tmp/planet.csv" \
  --set nat.stun.server=stun-p.example.org --server-url http://192.0.2.1/ --output "$tmp/planet" >/dev/null ||
  fail "export --fleet (PLANET)"
mkdir -p "$tmp/tree"
cp "$tmp/yealink/"*.cfg "$tmp/planet/"*.cfg "$tmp/tree/"
chmod -R a+rX "$tmp/tree"
[ "$(ls "$tmp/tree" | wc -l)" -eq $((N + 2)) ] || fail "the tree has $(ls "$tmp/tree" | wc -l) files, not $((N + 2))"
echo "ok 1 - export --fleet wrote 2 common files and $N MAC files"

# The LAN: the server's namespace and the phones' macvlans on one veth.
ns_add "$hub"
ns_add "$srv"
ip -n "$hub" link add lan0 type veth peer name eth0 netns "$srv"
ip -n "$hub" link set lan0 up
ip -n "$srv" addr add 192.0.2.1/24 dev eth0
ip -n "$srv" link set eth0 up
ip -n "$srv" route add 224.0.0.0/4 dev eth0
for n in $(seq 1 $N); do
  ns=${id}p$n
  ns_add "$ns"
  ip -n "$hub" link add link lan0 name "m$n" address "$(phone_mac "$n")" type macvlan mode bridge
  ip -n "$hub" link set "m$n" netns "$ns"
  ip -n "$ns" link set "m$n" name eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" route add 224.0.0.0/4 dev eth0
done

# The DHCP client's hook (dhclient-script's job): the address on the
# interface, then the files the simulator reads. dhclient passes option 66
# as it came (busybox udhcpc would refuse a URL there as a bad host name).
cat >"$tmp/dhcp-hook.sh" <<'EOF'
#!/bin/sh
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PHONE_DIR
case "$reason" in
  BOUND | RENEW | REBIND | REBOOT)
    ip addr add "$new_ip_address/${new_subnet_mask:-255.255.255.0}" dev "$interface" 2>/dev/null || true
    printf '%s\n' "${new_tftp_server_name:-}" >"$PHONE_DIR/url.tmp" && mv "$PHONE_DIR/url.tmp" "$PHONE_DIR/url"
    printf '%s\n' "$new_ip_address" >"$PHONE_DIR/ip"
    ;;
esac
exit 0
EOF
chmod +x "$tmp/dhcp-hook.sh"
echo "request subnet-mask, broadcast-address, routers, tftp-server-name;" >"$tmp/dhclient.conf"

# The servers, each with its configuration in the temporary folder.
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx.conf" <<EOF
user root;
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log $tmp/nginx-access.log;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  default_type text/plain;
  server {
    listen 192.0.2.1:80;
    root $tmp/tree;
    autoindex off;
  }
}
EOF
ip netns exec "$srv" nginx -c "$tmp/nginx.conf" -g 'daemon off;' >"$tmp/nginx.log" 2>&1 &
pids+=($!)
ip netns exec "$srv" in.tftpd --foreground --listen --address 192.0.2.1:69 --secure "$tmp/tree" >"$tmp/tftpd.log" 2>&1 &
pids+=($!)

start_dnsmasq() { # $1: extra configuration file
  ip netns exec "$srv" dnsmasq --keep-in-foreground --conf-file="$1" --port=0 --interface=eth0 --bind-interfaces \
    --dhcp-range=192.0.2.100,192.0.2.199,255.255.255.0,10m --dhcp-leasefile="$tmp/leases" --no-ping \
    --dhcp-authoritative --user=root --group=root --pid-file="$tmp/dnsmasq.pid" --log-facility="$tmp/dnsmasq.log" \
    --log-dhcp &
  dnsmasq_pid=$!
  pids+=($dnsmasq_pid)
}
# Option 66 exactly as the README says it.
grep -o 'dhcp-option=66,.*' "$tmp/yealink/README" >"$tmp/dnsmasq.conf" || fail "no dnsmasq line in the README"
start_dnsmasq "$tmp/dnsmasq.conf"

# Waits (bounded) until nginx, tftpd and dnsmasq listen.
for i in $(seq 1 50); do
  if ip netns exec "$srv" ss -ltnu 2>/dev/null | grep -q '192.0.2.1:80 ' &&
     ip netns exec "$srv" ss -lunp 2>/dev/null | grep -q ':69 ' &&
     ip netns exec "$srv" ss -lunp 2>/dev/null | grep -q ':67 '; then
    break
  fi
  [ "$i" -eq 50 ] && fail "nginx, tftpd or dnsmasq did not start"
  sleep 0.1
done

# Starts phone n: DHCP (bounded: 15 s), then the simulator.
boot_phone() { # n mode
  local n=$1 mode=$2 vendor common d ns
  vendor=$(phone_vendor "$n")
  if [ "$vendor" = yealink ]; then common=y000000000028.cfg; else common=f0VIP-2140PThw1.100.cfg; fi
  d=$tmp/phone$n
  ns=${id}p$n
  rm -rf "$d"
  mkdir -p "$d/state"
  (
    ip -n "$ns" addr flush dev eth0
    # dhclient gives its script a fresh environment: one script per phone.
    printf '#!/bin/sh\nPHONE_DIR=%s exec %s "$@"\n' "$d" "$tmp/dhcp-hook.sh" >"$d/hook.sh"
    chmod +x "$d/hook.sh"
    ip netns exec "$ns" dhclient -d -1 -cf "$tmp/dhclient.conf" -lf "$d/dhclient.leases" \
      -pf "$d/dhclient.pid" -sf "$d/hook.sh" eth0 >"$d/dhcp.log" 2>&1 &
    dhclient_pid=$!
    for i in $(seq 1 150); do
      [ -s "$d/ip" ] && break
      sleep 0.1
    done
    # The phone keeps its lease; the test needs no renewal.
    kill "$dhclient_pid" 2>/dev/null || true
    wait "$dhclient_pid" 2>/dev/null || true
    [ -s "$d/ip" ] || exit 1
    if [ "$mode" = dhcp ]; then
      exec ip netns exec "$ns" "$PHONESET_PHONE_SIM" --vendor "$vendor" --mac "$(phone_mac "$n")" \
        --address "$(cat "$d/ip")" --http-port 80 --http-only --no-prompt --lifetime 90 --state-dir "$d/state" \
        --provisioning-url-file "$d/url" --common-file "$common" >"$d/sim.log" 2>&1
    else
      exec ip netns exec "$ns" "$PHONESET_PHONE_SIM" --vendor "$vendor" --mac "$(phone_mac "$n")" \
        --address "$(cat "$d/ip")" --http-port 80 --sip-port 5060 --pnp --pnp-tries 20 --pnp-interval 500 \
        --no-prompt --lifetime 90 --state-dir "$d/state" --common-file "$common" >"$d/sim.log" 2>&1
    fi
  ) &
  pids+=($!)
}

# Checks (bounded: 60 s) that every phone applied its common and its own file.
check_fleet() { # label
  python3 - "$tmp" "$N" <<'PY' || fail "$1: not every phone ended with its values"
import json, os, re, sys, time

tmp, n = sys.argv[1], int(sys.argv[2])

def parse(path):
    values = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\r\n")
        m = re.match(r"^([^#<\-][^=]*?)\s*=\s*(.*)$", line) if "=" in line else None
        if m is None:
            m = re.match(r"^([^<\-][^:]*?)\s*:(.*)$", line)
        if m and not line.startswith("#!"):
            values[m.group(1).strip()] = m.group(2).strip()
    return values

expected = {}
for i in range(1, n + 1):
    yealink = i <= n // 2
    mac = ("00:15:65:f1:00:%02x" if yealink else "00:30:4f:f1:00:%02x") % i
    common = "y000000000028.cfg" if yealink else "f0VIP-2140PThw1.100.cfg"
    want = parse(os.path.join(tmp, "tree", common))
    want.update(parse(os.path.join(tmp, "tree", mac.replace(":", "") + ".cfg")))
    assert want, mac
    expected[i] = want

deadline = time.time() + 60
missing = {}
while time.time() < deadline:
    missing = {}
    for i, want in expected.items():
        try:
            with open(os.path.join(tmp, "phone%d" % i, "state", "state.json")) as f:
                config = json.load(f).get("config", {})
        except (OSError, ValueError):
            config = {}
        wrong = {k: v for k, v in want.items() if config.get(k) != v}
        if wrong:
            missing[i] = wrong
    if not missing:
        sys.exit(0)
    time.sleep(0.1)
for i, wrong in sorted(missing.items())[:5]:
    print("# phone %d lacks %s" % (i, wrong))
print("# %d phones of %d lack values" % (len(missing), n))
sys.exit(1)
PY
}

# 1. DHCP option 66, nginx, TFTP.
t0=$(now_ms)
for n in $(seq 1 $N); do boot_phone "$n" dhcp; done
check_fleet "DHCP option 66 + nginx"
t1=$(now_ms)
for n in $(seq 1 $N); do
  [ "$(cat "$tmp/phone$n/url")" = "http://192.0.2.1/" ] || fail "phone $n got “$(cat "$tmp/phone$n/url")” by DHCP"
done
requests=$(grep -c '" 200 ' "$tmp/nginx-access.log" || true)
[ "$requests" -eq $((2 * N)) ] || fail "nginx served $requests files, not $((2 * N))"
echo "ok 2 - DHCP option 66 + nginx: $N phones (2 vendors) got their address and URL from dnsmasq, fetched $requests files and applied their values in $((t1 - t0)) ms"
echo "# fleet time (DHCP + HTTP, $N phones): $((t1 - t0)) ms"

# TFTP: each phone fetches its MAC file from tftpd-hpa, byte for byte.
tftp_pids=()
for n in $(seq 1 $N); do
  name=$(phone_mac "$n" | tr -d :).cfg
  ip netns exec "${id}p$n" timeout 10 tftp -m octet 192.0.2.1 -c get "$name" "$tmp/phone$n/tftp.cfg" &
  tftp_pids+=($!)
done
for pid in "${tftp_pids[@]}"; do wait "$pid" || true; done
for n in $(seq 1 $N); do
  name=$(phone_mac "$n" | tr -d :).cfg
  cmp -s "$tmp/tree/$name" "$tmp/phone$n/tftp.cfg" || fail "phone $n: TFTP gave another $name"
done
echo "ok 3 - tftpd-hpa served every phone its MAC file over TFTP, byte for byte"

# 2. PnP only: phones restart with DHCP that has no option 66.
for pid in "${pids[@]:2}"; do kill "$pid" 2>/dev/null || true; done
for pid in "${pids[@]:2}"; do wait "$pid" 2>/dev/null || true; done
pids=("${pids[@]:0:2}")
rm -f "$tmp/leases"
: >"$tmp/empty.conf"
start_dnsmasq "$tmp/empty.conf"
ip netns exec "$srv" "$PHONESET_BIN" serve --dir "$tmp/tree" --address 192.0.2.1 --pnp --port 8080 --duration 80 >"$tmp/serve.out" 2>"$tmp/serve.log" &
pids+=($!)
for i in $(seq 1 50); do
  grep -q '"type":"listening"' "$tmp/serve.out" 2>/dev/null && break
  [ "$i" -eq 50 ] && fail "phoneset serve did not start"
  sleep 0.1
done
t0=$(now_ms)
for n in $(seq 1 $N); do boot_phone "$n" pnp; done
check_fleet "PnP"
t1=$(now_ms)
for n in $(seq 1 $N); do
  [ -z "$(cat "$tmp/phone$n/url")" ] || fail "phone $n got a URL by DHCP in the PnP run"
done
python3 - "$tmp/serve.out" "$N" <<'PY' || fail "the fetch log does not name every phone"
import json, sys
fetched = {}
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["type"] == "fetch" and e["status"] == 200 and e.get("mac"):
        fetched.setdefault(e["mac"], set()).add(e["path"])
n = int(sys.argv[2])
ok = len(fetched) == n and all(len(p) == 2 for p in fetched.values())
print("# fetch log: %d phones by MAC, %d files" % (len(fetched), sum(len(p) for p in fetched.values())))
sys.exit(0 if ok else 1)
PY
echo "ok 4 - PnP only: phoneset serve --pnp answered $N phones' SUBSCRIBEs; all fetched common + MAC file and applied their values in $((t1 - t0)) ms"
echo "# fleet time (DHCP without option 66 + SIP PnP + phoneset serve, $N phones): $((t1 - t0)) ms"
exit 0
