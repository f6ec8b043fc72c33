#!/usr/bin/env python3
# check-json.py PATH=VALUE... < doc.json — exits 1 and says which differ.
# PATH is dotted (nat.mapping); VALUE is JSON (true, null, 3) or a string.
import json
import sys

doc = json.load(sys.stdin)
bad = []
for arg in sys.argv[1:]:
    path, _, want = arg.partition("=")
    node = doc
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    try:
        want_value = json.loads(want)
    except ValueError:
        want_value = want
    if node != want_value:
        bad.append(f"{path} is {json.dumps(node)}, expected {json.dumps(want_value)}")
for line in bad:
    print(line)
sys.exit(1 if bad else 0)
