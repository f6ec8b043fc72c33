#!/usr/bin/env python3
# Benchmark of the CFG codecs (issue: profiles and CFG files).
#
# In one run, side by side:
#   - `phoneset import BIG.cfg --json` on a 1 MB Yealink file and a 1 MB
#     Fanvil/PLANET file (parse, map every key to the profile, JSON out);
#   - the anchor: `awk -F=` splitting the same file into keys and values,
#     the least any tool must do to read it (no validation, no mapping);
#   - `phoneset export` of one config (the common file), next to `cp` of a
#     file of the same size as the floor of writing one.
# Prints the medians and the ratios. Nothing here is asserted: speed is
# measured, never tested.
import os, shutil, statistics, subprocess, sys, tempfile, time

RUNS = int(os.environ.get("BENCH_RUNS", "9"))
phoneset = sys.argv[1] if len(sys.argv) > 1 else "build/src/phoneset"
env = dict(os.environ)
env.pop("DISPLAY", None)

def median_time(cmd, **kw):
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, **kw)
        times.append(time.perf_counter() - t)
    return statistics.median(times)

tmp = tempfile.mkdtemp(prefix="phoneset-bench-")
try:
    yealink = os.path.join(tmp, "big-yealink.cfg")
    with open(yealink, "w") as f:
        f.write("#!version:1.0.0.1\n")
        n = 0
        while f.tell() < 1024 * 1024:
            f.write("account.%d.custom_key_%d = value-%d\n" % (n % 16 + 1, n, n))
            n += 1
        f.write("static.sip.nat_stun.server = stun.example.org\n")
    fanvil = os.path.join(tmp, "big-planet.cfg")
    with open(fanvil, "w", newline="") as f:
        f.write("<<VOIP CONFIG FILE>>Version:2.0000000000".ljust(62) + "\r\n<SIP CONFIG MODULE>\r\nSTUN Server        :stun.example.org\r\n")
        n = 0
        while f.tell() < 1024 * 1024:
            f.write(("Custom Key %d" % n).ljust(19) + ":value-%d\r\n" % n)
            n += 1
        f.write("<<END OF FILE>>\r\n")

    rows = []
    for name, path in (("Yealink 1 MB", yealink), ("PLANET 1 MB", fanvil)):
        ours = median_time([phoneset, "import", path, "--json"])
        anchor = median_time(["awk", "-F=", "NF > 1 { n++ } END { print n }", path])
        rows.append(("import " + name, ours, "awk -F= split", anchor))

    out = os.path.join(tmp, "out")
    ours = median_time([phoneset, "export", "--profile", "planet-vip", "--model", "VIP-2140PT",
                        "--set", "nat.stun.server=stun.example.org", "--set", "line.1.stun.enable=on",
                        "--set", "vlan.enable=on", "--set", "vlan.id=20", "--output", out])
    size = os.path.getsize(os.path.join(out, "f0VIP-2140PThw1.100.cfg"))
    anchor = median_time(["cp", os.path.join(out, "f0VIP-2140PThw1.100.cfg"), os.path.join(tmp, "copy.cfg")])
    rows.append(("export one config (%d B)" % size, ours, "cp of that file", anchor))

    print("%-32s %10s   %-16s %10s   %s" % ("phoneset", "median", "anchor", "median", "ratio"))
    for what, ours, anchor_name, anchor in rows:
        print("%-32s %8.1f ms   %-16s %8.1f ms   %.2f x" % (what, ours * 1000, anchor_name, anchor * 1000, ours / anchor))
finally:
    shutil.rmtree(tmp)
