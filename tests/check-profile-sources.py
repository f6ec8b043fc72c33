#!/usr/bin/env python3
"""Every key, default and range in a profile names its source, or is marked unconfirmed.

Usage: check-profile-sources.py [--summary] PROFILE.json|DIRECTORY...

A directory stands for every *.json profile in it.

For each setting of each profile (data/profiles/README.md):
  key      every file format's write has a "source", or its "confidence"
           (the write's, else the setting's) is "U";
  default  the setting has a "default_source" or a "source" (or says
           "unconfirmed" in "default_source"), or its confidence is "U";
  range    a setting with "min" or "max" has a "range_source" or a
           "source" (or "unconfirmed"), or its confidence is "U".
"unconfirmed" is a mark, not a source: such a setting is counted, and its
note must say so to the user when its confidence is not "U" already.

The "pnp" block (how a SIP PnP answer points the phones at their files):
each of "url", "vendors" and "url_macro" it has names a source in
"<key>_source" or in the block's "source" (or says "unconfirmed").

The "active_uri" block: a POST form (its "method", "path", "content_type",
"body", "key_format", "separator", "max_body", "auth", "keys",
"status_hints"), "no_config_push" and the default "user" name a source the
same way.

Prints one line per missing source and exits 1 if there is any; with
--summary, a table of the counts per profile too.
"""
import json
import os
import sys


def walk(profile):
    for page in profile.get('pages', []):
        for group in page.get('groups', []):
            for setting in group.get('settings', []):
                yield page, group, setting


def check(path):
    with open(path, encoding='utf-8') as f:
        profile = json.load(f)
    missing = []
    counts = {'settings': 0, 'keys': 0, 'keys_sourced': 0, 'keys_unconfirmed': 0,
              'defaults_sourced': 0, 'defaults_unconfirmed': 0,
              'ranges': 0, 'ranges_sourced': 0, 'ranges_unconfirmed': 0}
    for page, group, s in walk(profile):
        counts['settings'] += 1
        sid = s.get('id', '?')
        conf = s.get('confidence')
        source = s.get('source')
        for fmt, w in (s.get('formats') or {}).items():
            counts['keys'] += 1
            wconf = w.get('confidence', conf)
            if w.get('source'):
                counts['keys_sourced'] += 1
            elif wconf == 'U':
                counts['keys_unconfirmed'] += 1
            else:
                missing.append('%s: %s: the %s key %r has no "source" and is not marked "U"'
                               % (path, sid, fmt, w.get('key')))
        dsrc = s.get('default_source', source)
        if dsrc and dsrc != 'unconfirmed':
            counts['defaults_sourced'] += 1
        elif dsrc == 'unconfirmed' or conf == 'U':
            counts['defaults_unconfirmed'] += 1
        else:
            missing.append('%s: %s: the default %r has no source ("source" or "default_source")'
                           % (path, sid, s.get('default')))
        if 'min' in s or 'max' in s:
            counts['ranges'] += 1
            rsrc = s.get('range_source', source)
            if rsrc and rsrc != 'unconfirmed':
                counts['ranges_sourced'] += 1
            elif rsrc == 'unconfirmed' or conf == 'U':
                counts['ranges_unconfirmed'] += 1
            else:
                missing.append('%s: %s: the range %s–%s has no source ("source" or "range_source")'
                               % (path, sid, s.get('min', ''), s.get('max', '')))
    pnp = profile.get('pnp') or {}
    for key in ('url', 'vendors', 'url_macro'):
        if key in pnp and not (pnp.get(key + '_source') or pnp.get('source')):
            missing.append('%s: pnp.%s has no source ("%s_source" or "source", or "unconfirmed")'
                           % (path, key, key))
    au = profile.get('active_uri') or {}
    sourced = ['no_config_push', 'user']
    if au.get('method') == 'POST':
        sourced += ['method', 'path', 'content_type', 'body', 'key_format', 'separator',
                    'max_body', 'auth', 'keys', 'status_hints']
    for key in sourced:
        if key in au and not (au.get(key + '_source') or au.get('source')):
            missing.append('%s: active_uri.%s has no source ("%s_source" or "source", or "unconfirmed")'
                           % (path, key, key))
    return missing, counts


def main(argv):
    summary = '--summary' in argv
    paths = []
    for a in argv:
        if a.startswith('--'):
            continue
        if os.path.isdir(a):
            paths += sorted(os.path.join(a, n) for n in os.listdir(a) if n.endswith('.json'))
        else:
            paths.append(a)
    if not paths:
        sys.stderr.write(__doc__)
        return 2
    all_missing = []
    rows = []
    for p in paths:
        missing, counts = check(p)
        all_missing += missing
        rows.append((p, counts))
    for m in all_missing:
        print(m)
    if summary:
        print('| profile | settings | keys sourced / unconfirmed / all | defaults sourced / unconfirmed '
              '| ranges sourced / unconfirmed / all |')
        print('|---|---|---|---|---|')
        for p, c in rows:
            print('| %s | %d | %d / %d / %d | %d / %d | %d / %d / %d |' % (
                p.rsplit('/', 1)[-1], c['settings'], c['keys_sourced'], c['keys_unconfirmed'], c['keys'],
                c['defaults_sourced'], c['defaults_unconfirmed'], c['ranges_sourced'],
                c['ranges_unconfirmed'], c['ranges']))
    if all_missing:
        print('%d keys, defaults or ranges name no source' % len(all_missing))
        return 1
    print('every key, default and range names its source or is marked unconfirmed')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
