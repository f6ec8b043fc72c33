#!/usr/bin/env python3
# Compares `phoneset discover --json` with the lab's phones (lan.sh lines on
# stdin: vendor model firmware MAC host [options]). Prints TAP comments.
import json
import sys

VENDORS = {"yealink": "Yealink", "fanvil": "Fanvil", "planet": "PLANET", "snom": "snom"}

mode, path = sys.argv[1], sys.argv[2]
with open(path) as f:
    found = json.load(f)
by_ip = {p["ip"]: p for p in found}
ok = True


def fail(message):
    global ok
    ok = False
    print("#   " + message)


expected_ips = set()
for line in sys.stdin:
    fields = line.split()
    if not fields:
        continue
    vendor, model, firmware, mac, host = fields[:5]
    options = fields[5:]
    ip = "192.0.2." + host
    expected_ips.add(ip)
    phone = by_ip.get(ip)
    if phone is None:
        fail(f"{ip} ({vendor} {model}) not found")
        continue
    want = {"vendor": VENDORS[vendor], "model": model, "mac": mac}
    # A snom model is read without its "snom" prefix; the web-only phone
    # shows no firmware (its web page does not name it).
    if "--http-only" in options:
        want["firmware"] = None
    else:
        want["firmware"] = firmware
    for key, value in want.items():
        if phone.get(key) != value:
            fail(f"{ip}: {key} is {phone.get(key)!r}, expected {value!r} ({phone})")
    evidence = set(phone.get("evidence", []))
    if mode == "pnp":
        need = {"pnp"}
    elif "--http-only" in options:
        need = {"oui", "http"}
    else:
        need = {"sip-options", "oui", "http"}
    if not need <= evidence:
        fail(f"{ip}: evidence {sorted(evidence)} lacks {sorted(need - evidence)}")
    for key in ("ip", "mac", "vendor", "model", "firmware", "sip_user_agent", "http_server", "evidence"):
        if key not in phone:
            fail(f"{ip}: no {key!r} member")

if mode == "active":
    extra = set(by_ip) - expected_ips
    if extra:
        fail(f"false phones: {sorted(extra)}")
    if len(found) != len(by_ip):
        fail("a phone is listed twice")
print(f"#   {len(found)} listed, {len(expected_ips)} expected")
sys.exit(0 if ok else 1)
