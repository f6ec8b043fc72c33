#!/usr/bin/env python3
"""Outside the format codecs, no C file names a vendor.

Usage: check-vendor-free.py TOP
       check-vendor-free.py --self-test TOP

Phones are data (data/profiles/*.json): a vendor's name, defaults and
quirks live in its profile, and the C code reads them from there. Only the
format codecs (src/core/formats/phoneset-cfg-*.c), which read and write the
vendors' own files, may name a vendor. This lint reads every src/**/*.c and
*.h, strips comments (a comment that cites a source document may name its
vendor), and fails on a vendor name left in code or in a string literal.

The vendor names are those of the profiles' "vendor" fields, and the
vendors the seed documents name that have no profile yet (Konftel, Swyx,
Grandstream, Poly, Polycom). A name counts as a word, case-insensitively,
or followed by a capital, a digit or "_" ("snomC520", "SwyxWare",
"yealink_cfg"; not "polyline"). "FORMAT_YEALINK", an identifier that
names a file format, is not such a word and is not counted.

tests/vendor-free-allow.txt lists files that other work is still moving
vendor facts out of; they are skipped (and a file listed there that no
longer names a vendor is noted, so that the list only shrinks).

--self-test runs the lint on tests/data/vendor-free/ and fails unless it
finds exactly the vendor names planted there.
"""
import glob
import json
import os
import re
import sys

EXTRA_VENDORS = ['Konftel', 'Swyx', 'Grandstream', 'Poly', 'Polycom']
CODECS = re.compile(r"^src/core/formats/phoneset-cfg-[^/]*\.c$")


def vendors(top):
    names = set(v.lower() for v in EXTRA_VENDORS)
    for path in glob.glob(os.path.join(top, 'data', 'profiles', '*.json')):
        with open(path, encoding='utf-8') as f:
            vendor = json.load(f).get('vendor')
        if isinstance(vendor, str) and vendor:
            names.add(vendor.lower())
    return sorted(names)


def strip_comments(text):
    """Blanks /* */ and // comments out (keeping line breaks), not strings."""
    out = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif text[i] in '"\'':
            quote = text[i]
            j = i + 1
            while j < n and text[j] != quote and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


def scan(top, files, names):
    """Yields (file, line number, name) for each vendor name in code."""
    pattern = re.compile(r'\b(' + '|'.join(re.escape(v) for v in names) + r')(\w*)', re.IGNORECASE)
    for rel in files:
        with open(os.path.join(top, rel), encoding='utf-8') as f:
            code = strip_comments(f.read())
        for number, line in enumerate(code.split('\n'), 1):
            for match in pattern.finditer(line):
                # "SwyxWare", "snomC520", "yealink_cfg" are the vendor's;
                # "polyline" is another word.
                rest = match.group(2)
                if rest == '' or rest[0].isupper() or rest[0].isdigit() or rest[0] == '_':
                    yield rel, number, match.group(0)


def source_files(top, under):
    files = []
    for ext in ('c', 'h'):
        for path in glob.glob(os.path.join(top, under, '**', '*.' + ext), recursive=True):
            files.append(os.path.relpath(path, top).replace(os.sep, '/'))
    return sorted(files)


def read_allow_list(path):
    allowed = []
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.split('#', 1)[0].strip()
                if line:
                    allowed.append(line)
    return allowed


def lint(top):
    names = vendors(top)
    allowed = read_allow_list(os.path.join(top, 'tests', 'vendor-free-allow.txt'))
    files = [f for f in source_files(top, 'src') if not CODECS.match(f)]
    status = 0
    hits = {}
    for rel, number, name in scan(top, files, names):
        hits.setdefault(rel, []).append((number, name))
    for rel in files:
        if rel in allowed:
            continue
        for number, name in hits.get(rel, []):
            print('%s:%d: names the vendor “%s” outside the format codecs: '
                  'move the fact into the profiles (data/profiles)' % (rel, number, name))
            status = 1
    for rel in allowed:
        if rel not in hits:
            print('note: %s is in tests/vendor-free-allow.txt but names no vendor: take it off the list' % rel)
    if status == 0:
        print('%d C files outside the codecs name no vendor (%d still allowed to)' % (len(files) - len(allowed), len(allowed)))
    return status


def self_test(top):
    fixture = os.path.join(top, 'tests', 'data', 'vendor-free')
    names = vendors(top)
    found = sorted((rel, number, name) for rel, number, name in scan(fixture, source_files(fixture, '.'), names))
    expected = [
        ('offender.c', 9, 'Yealink'),
        ('offender.c', 10, 'PLANET'),
        ('offender.c', 12, 'snomC520'),
        ('offender.c', 13, 'SwyxWare'),
    ]
    if found != expected:
        print('self-test: found %r, expected %r' % (found, expected))
        return 1
    print('self-test: the lint finds the %d vendor names in code and strings and none in comments' % len(expected))
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == '--self-test':
        return self_test(argv[2])
    if len(argv) == 2:
        return lint(argv[1])
    print(__doc__.split('\n\n')[1], file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
