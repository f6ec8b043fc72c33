#!/usr/bin/python3
# build-aux/profile-confidence.py PROFILE.json... : a Markdown table per
# profile of each setting's file key, its confidence mark (V vendor
# document, T templates or third-party files, U unconfirmed) and the first
# source of the key, for closing notes and reviews.
import json, sys


def settings(node):
    if isinstance(node, dict):
        if 'formats' in node and 'id' in node and 'type' in node:
            yield node
        for value in node.values():
            yield from settings(value)
    elif isinstance(node, list):
        for value in node:
            yield from settings(value)


for path in sys.argv[1:]:
    profile = json.load(open(path))
    rows = list(settings(profile['pages']))
    marks = {}
    for s in rows:
        marks[s.get('confidence', '?')] = marks.get(s.get('confidence', '?'), 0) + 1
    print(f"### {profile['id']} ({', '.join(f'{k} {v}' for k, v in sorted(marks.items()))})\n")
    print('| setting | key | mark | source of the key |')
    print('|---|---|---|---|')
    for s in rows:
        for fmt, spec in s['formats'].items():
            key = spec.get('key', spec.get('keys', ''))
            source = spec.get('source', 'unconfirmed').split('; ')[0]
            print(f"| `{s['id']}` | `{key}` ({fmt}) | {s.get('confidence', '?')} | {source} |")
    print()
