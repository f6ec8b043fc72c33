#!/usr/bin/env python3
"""Every key a profile writes is a key its firmware reads, by the firmware's key list.

Usage: check-firmware-keys.py PROFILES_DIR FIRMWARE_DIR
       check-firmware-keys.py --self-test FIXTURE_DIR

For each profile PROFILES_DIR/ID.json that has a list FIRMWARE_DIR/ID.keys
(tests/phone-sim/firmware/README.md: FORMAT<TAB>KEY<TAB>SOURCE lines, `{n}`
and `{n0}` standing for any number), every key each setting writes in each
of its formats (data/profiles/README.md: "formats", a list of keys for the
nested XML formats, and the "alternatives") must match a line of that
format in the list, `{n}`/`{n0}` in the profile's keys expanded for the
profile's lines (1..lines; `{n0}` from 0). A setting or a write marked
"confidence": "U" is not checked: the profile says it is unconfirmed. A list
line without a SOURCE is an offender too: a key without one is not a key
the phone reads. A profile with no list is not checked (and named).

Prints each offender and exits 1 if there is any, else 0; 2 on bad usage.

--self-test runs the check on FIXTURE_DIR/profiles and FIXTURE_DIR/firmware
and passes when it exits 1 with exactly the offenders of
FIXTURE_DIR/expected.txt.
"""
import glob
import json
import os
import re
import sys


def read_list(path):
    """FORMAT -> [compiled patterns], and the offending lines of the file."""
    patterns = {}
    bad = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip('\r\n')
            if not line.strip() or line.startswith('#'):
                continue
            fields = line.split('\t')
            if len(fields) < 3 or not fields[0] or not fields[1] or not fields[2].strip():
                bad.append('%s:%d: not FORMAT<TAB>KEY<TAB>SOURCE (a key needs its source): %r' % (path, number, line))
                continue
            regex = re.escape(fields[1]).replace(r'\{n0\}', '[0-9]+').replace(r'\{n\}', '[0-9]+')
            patterns.setdefault(fields[0], []).append(re.compile(regex + r'\Z'))
    return patterns, bad


def walk(profile):
    for page in profile.get('pages', []):
        for group in page.get('groups', []):
            for setting in group.get('settings', []):
                yield setting


def as_list(key):
    if key is None:
        return []
    return key if isinstance(key, list) else [key]


def expand(key, lines):
    if '{n}' not in key and '{n0}' not in key:
        return [key]
    return [key.replace('{n0}', str(n - 1)).replace('{n}', str(n)) for n in range(1, lines + 1)]


def check_profile(path, firmware_dir):
    """The offenders of one profile, or None when it has no list."""
    with open(path, encoding='utf-8') as f:
        profile = json.load(f)
    pid = profile.get('id') or os.path.basename(path)[:-len('.json')]
    list_path = os.path.join(firmware_dir, pid + '.keys')
    if not os.path.exists(list_path):
        return None
    patterns, offenders = read_list(list_path)
    lines = int(profile.get('lines', 1) or 1)
    for setting in walk(profile):
        sid = setting.get('id', '?')
        if setting.get('confidence') == 'U':
            continue
        for fmt, write in sorted((setting.get('formats') or {}).items()):
            if write.get('confidence') == 'U':
                continue
            keys = as_list(write.get('key'))
            for alternative in write.get('alternatives', []) or []:
                keys += as_list(alternative.get('key'))
            for key in keys:
                missing = [k for k in expand(key, lines)
                           if not any(p.match(k) for p in patterns.get(fmt, []))]
                if missing:
                    shown = key if len(missing) == 1 and missing[0] == key else '%s (%s)' % (key, ', '.join(missing))
                    offenders.append('%s: %s: %s key %s is not read by the firmware (not in %s)'
                                     % (pid, sid, fmt, shown, list_path))
    return offenders


def check(profiles_dir, firmware_dir):
    offenders = []
    checked = []
    unchecked = []
    for path in sorted(glob.glob(os.path.join(profiles_dir, '*.json'))):
        found = check_profile(path, firmware_dir)
        name = os.path.basename(path)[:-len('.json')]
        if found is None:
            unchecked.append(name)
        else:
            checked.append(name)
            offenders += found
    return offenders, checked, unchecked


def self_test(fixture_dir):
    offenders, checked, _ = check(os.path.join(fixture_dir, 'profiles'), os.path.join(fixture_dir, 'firmware'))
    with open(os.path.join(fixture_dir, 'expected.txt'), encoding='utf-8') as f:
        expected = [line.rstrip('\n') for line in f if line.strip() and not line.startswith('#')]
    firmware_dir = os.path.join(fixture_dir, 'firmware')
    got = [o.replace(firmware_dir + os.sep, '') for o in offenders]
    if not checked or got != expected:
        print('self-test failed: expected offenders\n  %s\ngot\n  %s' % ('\n  '.join(expected), '\n  '.join(got)))
        return 1
    print('self-test: %d offender(s) found as expected, so the check exits 1 on them' % len(got))
    return 0


def main(argv):
    if len(argv) == 2 and argv[0] == '--self-test':
        return self_test(argv[1])
    if len(argv) != 2 or not os.path.isdir(argv[0]) or not os.path.isdir(argv[1]):
        sys.stderr.write(__doc__)
        return 2
    offenders, checked, unchecked = check(argv[0], argv[1])
    for o in offenders:
        print(o)
    if unchecked:
        print('no firmware key list (not checked): %s' % ', '.join(unchecked))
    if offenders:
        print('%d keys the profiles write are not in their firmware\'s key list' % len(offenders))
        return 1
    print('every key of %d profile(s) with a key list is read by the firmware: %s'
          % (len(checked), ', '.join(checked) if checked else '(none)'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
