#!/usr/bin/env python3
# Benchmark: time to first frame and peak memory of Phoneset with 100 phones
# listed, next to a bare AdwApplicationWindow (tests/bench/bare-window.c),
# in one run, with the ratios. Both quit once their first frame is painted
# (Phoneset: PHONESET_EXIT_AFTER_FIRST_FRAME). Needs a display: run it
# under xvfb-run. Nothing is asserted: the figures are printed.
import json, os, shutil, statistics, subprocess, sys, tempfile, time

RUNS = int(os.environ.get("BENCH_RUNS", "9"))
phoneset, bare = sys.argv[1], sys.argv[2]

def run(cmd, env):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit("%s exited with %d" % (cmd[0], status))
    return elapsed, usage.ru_maxrss / 1024.0  # MiB

tmp = tempfile.mkdtemp(prefix="phoneset-startup-")
try:
    data = os.path.join(tmp, "phoneset")
    os.makedirs(data)
    phones = [{"address": "192.0.2.%d" % (i + 1), "name": "Room %03d" % i,
               "mac": "00:15:65:00:%02x:%02x" % (i // 256, i % 256), "vendor": "Yealink",
               "model": "SIP-T46G", "profile": "yealink-legacy"} for i in range(100)]
    with open(os.path.join(data, "inventory.json"), "w") as f:
        json.dump({"version": 1, "phones": phones}, f)

    env = dict(os.environ, XDG_DATA_HOME=tmp, PHONESET_EXIT_AFTER_FIRST_FRAME="1",
               GSETTINGS_SCHEMA_DIR=os.environ.get("GSETTINGS_SCHEMA_DIR", os.path.join(os.path.dirname(phoneset), "..", "data")),
               GSETTINGS_BACKEND="memory", PHONESET_SECRET_STORE="memory", PHONESET_REACHABILITY="off", NO_AT_BRIDGE="1")
    env.pop("PHONESET_DEMO_PHONES", None)
    ours, anchor = [], []
    for _ in range(RUNS):
        ours.append(run([phoneset], env))
        anchor.append(run([bare], env))
    t_ours = statistics.median(t for t, _ in ours)
    t_anchor = statistics.median(t for t, _ in anchor)
    m_ours = statistics.median(m for _, m in ours)
    m_anchor = statistics.median(m for _, m in anchor)
    print("%-40s %10s %12s" % ("", "first frame", "peak memory"))
    print("%-40s %8.0f ms %8.1f MiB" % ("Phoneset, 100 phones listed", t_ours * 1000, m_ours))
    print("%-40s %8.0f ms %8.1f MiB" % ("bare AdwApplicationWindow", t_anchor * 1000, m_anchor))
    print("%-40s %9.2f x %+8.1f MiB" % ("ratio / difference", t_ours / t_anchor, m_ours - m_anchor))
finally:
    shutil.rmtree(tmp)
