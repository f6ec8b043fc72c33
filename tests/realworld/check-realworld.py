#!/usr/bin/env python3
"""Measure phoneset against a corpus of real-world provisioning files.

Usage: check-realworld.py PHONESET_BINARY CORPUS_DIR [--tap] [--table]

With CORPUS_DIR/manifest.json, each entry
  {"file", "format", "profile", "refuse", "edits", ["profile_ok": [...]]}
says what the tool should do with the file. Without a manifest every file under
CORPUS_DIR (recursively; README*, SOURCES.md and scripts left out) is expected to
import, its profile is the one the import chose, and its variant is its folder.

Checks, one TAP test point per file per check:
  import       `phoneset import FILE` exits 0; for refuse:true it exits 2 with exactly
               one line on stderr that gives a reason.
  import-json  `phoneset import FILE --json` exits 0 and prints one JSON object with
               "profile" (string) and "settings" (object); a "warnings" list is accepted.
               For refuse:true: exit 2 and one stderr line, as above.
  profile      the profile the import chose is the manifest's (or one of profile_ok).
  edit-stun, edit-vlan, edit-line1
               `phoneset export --base FILE --profile P --name custom:BASENAME
               --set ID=VALUE --output TMPDIR` with nat.stun.server=stun.realworld.test,
               vlan.id=42, line.1.number=4711 (P: the manifest's profile). An export that
               says the setting "is not a setting of the P profile" is n/a (TAP SKIP).
               Otherwise it must exit 0 and write one file, and:
               * line diff (difflib over the byte lines, line ends kept): every added line
                 contains the new value, except pure markup that an insertion needs: a
                 line that is only an XML start or end tag (no text), an INI section
                 header `[ name ]` or its `path = ...` line, a Fanvil module header
                 `<... CONFIG MODULE>` or list marker `--SIP Line List--  :`, and a blank
                 line in a hunk that adds such a section header; every removed
                 line is replaced, in the same hunk, by a line holding the new value (no
                 more removed lines than such added lines); added lines end like the
                 file's own lines (CRLF stays CRLF); the one allowed extra change is the
                 original's last line gaining the line end it lacked when a line is
                 appended after it. A BOM that goes away is a removed line and fails.
                 A removed markup line must come back verbatim (re-indenting a closing
                 tag is a change); an added line holding the value is indented like the
                 nearest content line before or after it; in a Fanvil/PLANET text file
                 `<<END OF FILE>>` stays the last line.
               * `phoneset import EDITED --profile P --json` exits 0 and its settings show
                 the value (nat.stun.server == "stun.realworld.test", vlan.id == 42,
                 line.1.number == "4711").
  noop         the same export without --set writes a file byte-identical to FILE.
  leaks        no stdout or stderr of any command above contains "S3cr3t", and no
               exported file has more "S3cr3t" occurrences than its base (a --base edit
               keeps the base's own lines; a secret copied anywhere new is a leak; no
               command here asks for --include-secrets).

Exit status: 0 if every check passed or was n/a, 1 otherwise (2 on bad usage).
"""

import difflib
import json
import os
import re
import subprocess
import sys
import tempfile

MARK = b'S3cr3t'
EDITS = [
    ('edit-stun', 'nat.stun.server', 'stun.realworld.test', lambda v: v == 'stun.realworld.test'),
    ('edit-vlan', 'vlan.id', '42', lambda v: v == 42 or v == '42'),
    ('edit-line1', 'line.1.number', '4711', lambda v: v == '4711'),
]
SKIP_NAMES = {'manifest.json', 'SOURCES.md'}
MARKUP = [
    re.compile(rb'^</?[A-Za-z_][\w.:-]*(\s+[\w.:-]+\s*=\s*"[^"]*")*\s*/?>$'),  # XML tag only
    re.compile(rb'^\[\s*[^\]]+?\s*\]$'),                                         # INI section
    re.compile(rb'^path\s*=\s*\S+$'),                                            # INI path line
    re.compile(rb'^<[A-Z0-9 _]+ CONFIG MODULE>$'),                               # Fanvil module
    re.compile(rb'^--[A-Za-z0-9 ]+--\s*:?$'),                                    # Fanvil list marker
]
TIMEOUT = 60


def run(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT,
                           env=dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='', NO_AT_BRIDGE='1'))
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 124, b'', b'timed out after %d s' % TIMEOUT


def first_line(b, n=160):
    s = b.decode('utf-8', 'replace').strip().splitlines()
    s = s[0] if s else ''
    return s if len(s) <= n else s[:n] + '...'


def err_line(b, n=160):
    """The stderr line that says what went wrong: the first that is not a note."""
    lines = [l for l in b.decode('utf-8', 'replace').splitlines() if l.strip()]
    real = [l for l in lines if not l.startswith('phoneset: note:')]
    s = (real or lines or [''])[0].strip()
    return s if len(s) <= n else s[:n] + '...'


def eol_of(line):
    if line.endswith(b'\r\n'):
        return b'\r\n'
    if line.endswith(b'\n'):
        return b'\n'
    if line.endswith(b'\r'):
        return b'\r'
    return b''


def strip_eol(line):
    return line.rstrip(b'\r\n')


def is_markup(line):
    s = strip_eol(line).strip()
    return any(r.match(s) for r in MARKUP)


def is_section(line):
    """An INI `[ section ]` header or a Fanvil `<... CONFIG MODULE>` one."""
    s = strip_eol(line).strip()
    return s.startswith(b'[') and s.endswith(b']') or s.endswith(b'CONFIG MODULE>')


def indent_of(line):
    return line[:len(line) - len(line.lstrip(b' \t'))]


def nearest(a, k, direction):
    """The nearest non-blank line of @a from index @k on, going @direction."""
    while 0 <= k < len(a):
        if strip_eol(a[k]).strip():
            return a[k]
        k += direction
    return None


def context_indents(a, i1, i2):
    """Indents of the nearest content lines (not blank, not markup) before and after a hunk."""
    out = set()
    for rng in (range(i1 - 1, -1, -1), range(i2, len(a))):
        for k in rng:
            s = strip_eol(a[k])
            if s.strip() and not is_markup(a[k]):
                out.add(indent_of(s))
                break
    return out


def xml_tag(line):
    """'open', 'close' or None: whether the line is one XML start or end tag alone."""
    t = strip_eol(line).strip()
    if not MARKUP[0].match(t) or t.endswith(b'/>'):
        return None
    return 'close' if t.startswith(b'</') else 'open'


def nesting_error(before, line, indents, a_before, a_after):
    """None if an added value line is indented as it should be, else why not.

    Without new elements around it, it is indented like its neighbours. An
    XML setting whose parents were missing comes inside the start tags added
    before it in the hunk (`<vlan>`, `<wan>`, then `<id>42</id>`): each level,
    the value's included, is one step (the same step) deeper, and the first
    new element sits as a sibling of the lines around the hunk: indented like
    an end tag just before it or a start tag just after it, or one step inside
    a start tag just before it or an end tag just after it."""
    opens = []
    for x in before:
        kind = xml_tag(x)
        if kind == 'open':
            opens.append(indent_of(strip_eol(x)))
        elif kind == 'close' and opens:
            opens.pop()
    mine = indent_of(strip_eol(line))
    if not opens:
        if indents and mine not in indents:
            return 'is indented %r, its neighbours %r' % (mine.decode(), sorted(i.decode() for i in indents))
        return None
    levels = opens + [mine]
    step = len(levels[1]) - len(levels[0])
    for outer, inner in zip(levels, levels[1:]):
        if not inner.startswith(outer) or step <= 0 or len(inner) - len(outer) != step:
            return 'is nested with indents %r, not one even step per level' % [x.decode() for x in levels]
    first = len(levels[0])
    allowed = set()
    for x, where in ((a_before, 'before'), (a_after, 'after')):
        if x is None:
            continue
        kind, ind = xml_tag(x), len(indent_of(strip_eol(x)))
        if kind is None:
            allowed.add(ind)
        elif (kind == 'close') == (where == 'before'):
            allowed.add(ind)             # a sibling's end before, a sibling's start after
        else:
            allowed.add(ind + step)      # inside the parent's start or before its end
    if allowed and first not in allowed:
        return 'opens an element indented %d, where its siblings are indented %s' % (first, sorted(allowed))
    return None


END_OF_FILE = b'<<END OF FILE>>'


def diff_check(orig, edited, value):
    """None if the edit is clean, else a one-line reason."""
    a = orig.splitlines(keepends=True)
    b = edited.splitlines(keepends=True)
    v = value.encode()
    eols = [eol_of(x) for x in a if eol_of(x)]
    file_eol = max(set(eols), key=eols.count) if eols else b'\n'
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    changed = False
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == 'equal':
            continue
        changed = True
        removed, added = a[i1:i2], b[j1:j2]
        # the original's unterminated last line may gain its line end
        if removed and i2 == len(a) and not eol_of(a[-1]) and added and strip_eol(added[0]) == a[-1]:
            removed, added = removed[:-1], added[1:]
            if eol_of(b[j1]) != file_eol:
                return 'the old last line got line end %r, the file uses %r' % (eol_of(b[j1]), file_eol)
        indents = context_indents(a, i1, i2)
        holders = 0
        for k, line in enumerate(added):
            n = j1 + k + 1 + (len(b[j1:j2]) - len(added))
            if v in line:
                holders += 1
                bad = nesting_error(added[:k], line, indents, nearest(a, i1 - 1, -1), nearest(a, i2, 1))
                if bad:
                    return 'added line %d %s' % (n, bad)
            elif not is_markup(line) and not (not strip_eol(line).strip() and any(is_section(x) for x in added)):
                # (a blank line may part a new section from the one before,
                # as the file parts its own)
                return 'added line %d does not hold the value: %r' % (n, strip_eol(line)[:100])
            if eol_of(line) and eol_of(line) != file_eol:
                return 'added line %d ends with %r, the file uses %r' % (n, eol_of(line), file_eol)
            if not eol_of(line) and j1 + k + 1 + (len(b[j1:j2]) - len(added)) != len(b):
                return 'added line %d has no line end' % n
        replaced = 0
        for k, r in enumerate(removed):
            if is_markup(r):
                if r not in added:
                    return 'markup line %d changed: %r' % (i1 + k + 1, strip_eol(r)[:100])
            else:
                replaced += 1
                if replaced > holders:
                    return 'line %d removed or changed without the value: %r' % (i1 + k + 1, strip_eol(r)[:100])
    if not changed:
        return 'the file did not change'
    # a Fanvil/PLANET text file ends with <<END OF FILE>>: nothing may follow it
    if any(strip_eol(x).strip() == END_OF_FILE for x in a):
        tail = [x for x in b if strip_eol(x).strip()]
        if not tail or strip_eol(tail[-1]).strip() != END_OF_FILE:
            return 'lines were added after <<END OF FILE>>'
    return None


def load_manifest(corpus):
    mpath = os.path.join(corpus, 'manifest.json')
    if os.path.exists(mpath):
        with open(mpath) as f:
            entries = json.load(f)
        for e in entries:
            e['path'] = os.path.join(corpus, e['file'])
            e.setdefault('variant', variant_of(e))
        return entries, True
    entries = []
    for root, dirs, files in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith('.') and d not in ('render', 'gen'))
        for name in sorted(files):
            if name in SKIP_NAMES or name.startswith('README') or name.startswith('.') \
               or name.endswith(('.py', '.php', '.sh')):
                continue
            p = os.path.join(root, name)
            rel = os.path.relpath(p, corpus)
            entries.append({'file': rel, 'path': p, 'format': None, 'profile': None, 'refuse': False,
                             'edits': True, 'variant': rel.split(os.sep)[0] if os.sep in rel else '.'})
    return entries, False


def variant_of(e):
    if e.get('refuse') and e.get('format') == 'none':
        return 'not-a-phone-file'
    f = e.get('format')
    p = e.get('profile')
    if f == 'yealink-cfg':
        return p or 'yealink-cfg'
    if f == 'fanvil-cfg' and p == 'planet-vip':
        return 'planet-text'
    return f or 'unknown'


class Results:
    def __init__(self):
        self.points = []  # (ok, skip, desc, reason)

    def add(self, ok, desc, reason='', skip=False):
        self.points.append((ok, skip, desc, reason))
        return ok


def check_file(phoneset, e, strict, res):
    path, name = e['path'], e['file']
    orig = open(path, 'rb').read()
    base_marks = orig.count(MARK)
    leaks = []
    st = {'imported': False, 'edits_clean': None, 'noop': None, 'leak': False, 'profile_ok': None}

    def note_leak(what, data):
        if MARK in data:
            leaks.append(what)

    # import (text)
    rc, out, err = run([phoneset, 'import', path])
    note_leak('import stdout', out)
    note_leak('import stderr', err)
    if e.get('refuse'):
        lines = [l for l in err.decode('utf-8', 'replace').splitlines() if l.strip()]
        ok = rc == 2 and len(lines) == 1 and len(lines[0]) > len('phoneset: ') + 5
        res.add(ok, '%s: import refuses' % name,
                '' if ok else 'exit %d, %d stderr line(s): %s' % (rc, len(lines), err_line(err) or first_line(out)))
    else:
        ok_text = rc == 0
        res.add(ok_text, '%s: import' % name, '' if ok_text else 'exit %d: %s' % (rc, err_line(err)))

    # import --json
    rc, out, err = run([phoneset, 'import', path, '--json'])
    note_leak('import --json stdout', out)
    note_leak('import --json stderr', err)
    doc = None
    if e.get('refuse'):
        lines = [l for l in err.decode('utf-8', 'replace').splitlines() if l.strip()]
        ok = rc == 2 and len(lines) == 1
        res.add(ok, '%s: import --json refuses' % name, '' if ok else 'exit %d: %s' % (rc, err_line(err) or first_line(out)))
        st['imported'] = ok
    else:
        reason = ''
        if rc != 0:
            reason = 'exit %d: %s' % (rc, err_line(err))
        else:
            try:
                doc = json.loads(out)
                if not isinstance(doc, dict) or not isinstance(doc.get('profile'), str) \
                   or not isinstance(doc.get('settings'), dict):
                    reason = 'JSON lacks "profile" (string) or "settings" (object)'
                elif 'warnings' in doc and not isinstance(doc['warnings'], list):
                    reason = '"warnings" is not a list'
            except ValueError as ex:
                reason = 'stdout is not JSON: %s' % ex
        ok = not reason
        res.add(ok, '%s: import --json' % name, reason)
        st['imported'] = ok and ok_text
        if not ok:
            doc = None

    profile = e.get('profile')
    if strict and not e.get('refuse'):
        got = doc.get('profile') if doc else None
        allowed = [profile] + [p for p in e.get('profile_ok', []) if p != profile]
        ok = got in allowed
        st['profile_ok'] = ok
        res.add(ok, '%s: profile %s' % (name, profile),
                '' if ok else 'chose %s' % (got if got else 'none (import failed)'))
    if not strict:
        profile = doc.get('profile') if doc else None

    want_edits = e.get('edits', True) and not e.get('refuse')
    if want_edits:
        clean = True
        if not profile:
            for check, *_ in EDITS:
                res.add(False, '%s: %s' % (name, check), 'no profile: the import failed')
            res.add(False, '%s: noop' % name, 'no profile: the import failed')
            clean = False
            st['noop'] = False
        else:
            base = os.path.basename(path)
            for check, sid, value, test in EDITS:
                with tempfile.TemporaryDirectory(prefix='rw-') as d:
                    rc, out, err = run([phoneset, 'export', '--base', path, '--profile', profile,
                                        '--name', 'custom:' + base, '--set', '%s=%s' % (sid, value), '--output', d])
                    note_leak(check + ' stdout', out)
                    note_leak(check + ' stderr', err)
                    if rc != 0 and b'is not a setting of the' in err:
                        res.add(True, '%s: %s' % (name, check), 'n/a: ' + err_line(err), skip=True)
                        continue
                    if rc != 0:
                        clean = res.add(False, '%s: %s' % (name, check), 'export exit %d: %s' % (rc, err_line(err))) and clean
                        continue
                    written = sorted(os.listdir(d))
                    if len(written) != 1:
                        clean = res.add(False, '%s: %s' % (name, check), 'export wrote %d files: %s' % (len(written), written)) and clean
                        continue
                    epath = os.path.join(d, written[0])
                    edited = open(epath, 'rb').read()
                    if edited.count(MARK) > base_marks:
                        leaks.append(check + ' exported file')
                    reason = diff_check(orig, edited, value)
                    if not reason:
                        rc2, out2, err2 = run([phoneset, 'import', epath, '--profile', profile, '--json'])
                        note_leak(check + ' re-import stdout', out2)
                        note_leak(check + ' re-import stderr', err2)
                        if rc2 != 0:
                            reason = 're-import exit %d: %s' % (rc2, err_line(err2))
                        else:
                            try:
                                got = json.loads(out2).get('settings', {}).get(sid, None)
                            except ValueError:
                                got = '(not JSON)'
                            if not test(got):
                                reason = 're-import shows %s = %r' % (sid, got)
                    clean = res.add(not reason, '%s: %s' % (name, check), reason or '') and clean
            with tempfile.TemporaryDirectory(prefix='rw-') as d:
                rc, out, err = run([phoneset, 'export', '--base', path, '--profile', profile,
                                    '--name', 'custom:' + base, '--output', d])
                note_leak('noop stdout', out)
                note_leak('noop stderr', err)
                reason = ''
                if rc != 0:
                    reason = 'export exit %d: %s' % (rc, err_line(err))
                else:
                    written = sorted(os.listdir(d))
                    if len(written) != 1:
                        reason = 'export wrote %d files' % len(written)
                    else:
                        data = open(os.path.join(d, written[0]), 'rb').read()
                        if data.count(MARK) > base_marks:
                            leaks.append('noop exported file')
                        if data != orig:
                            sm = difflib.SequenceMatcher(None, orig.splitlines(True), data.splitlines(True), autojunk=False)
                            first = next((o for o in sm.get_opcodes() if o[0] != 'equal'), None)
                            reason = 'output differs (%d vs %d bytes; first at line %d)' % (
                                len(orig), len(data), (first[1] + 1) if first else 0)
                st['noop'] = not reason
                res.add(not reason, '%s: noop' % name, reason)
        st['edits_clean'] = clean
    res.add(not leaks, '%s: leaks' % name, 'S3cr3t in ' + ', '.join(leaks) if leaks else '')
    st['leak'] = bool(leaks)
    return st


def main(argv):
    # --not-yet=FORMAT,...: formats Phoneset does not read yet; their files
    # are reported as skipped, with that reason, not checked.
    not_yet = set()
    for a in argv[1:]:
        if a.startswith('--not-yet='):
            not_yet |= set(a.split('=', 1)[1].split(','))
    argv = [a for a in argv if not a.startswith('--not-yet=')]
    args = [a for a in argv[1:] if not a.startswith('--')]
    flags = {a for a in argv[1:] if a.startswith('--')}
    if len(args) != 2 or flags - {'--tap', '--table'}:
        sys.stderr.write('usage: check-realworld.py PHONESET_BINARY CORPUS_DIR [--tap] [--table] [--not-yet=FORMAT,...]\n')
        return 2
    phoneset, corpus = os.path.abspath(args[0]), args[1]
    entries, strict = load_manifest(corpus)
    res = Results()
    per_variant = {}
    for e in entries:
        if e.get('format') in not_yet:
            res.add(True, '%s: all checks' % e['file'],
                    'Phoneset does not read %s files yet' % e['format'], skip=True)
            continue
        st = check_file(phoneset, e, strict, res)
        v = per_variant.setdefault(e['variant'], {'files': 0, 'imported': 0, 'profile': 0, 'edits': 0,
                                                  'edit_files': 0, 'noop': 0, 'leaks': 0, 'strict': 0})
        v['files'] += 1
        v['imported'] += st['imported']
        if st['profile_ok'] is not None:
            v['strict'] += 1
            v['profile'] += st['profile_ok']
        if st['edits_clean'] is not None:
            v['edit_files'] += 1
            v['edits'] += st['edits_clean']
            v['noop'] += bool(st['noop'])
        v['leaks'] += st['leak']
    failed = sum(1 for ok, skip, *_ in res.points if not ok)
    if '--tap' in flags or '--table' not in flags:
        print('TAP version 13')
        print('1..%d' % len(res.points))
        for n, (ok, skip, desc, reason) in enumerate(res.points, 1):
            line = '%s %d - %s' % ('ok' if ok else 'not ok', n, desc)
            if skip:
                line += ' # SKIP ' + reason
            elif reason:
                line += ' # ' + reason
            print(line)
    if '--table' in flags:
        print()
        print('| variant | files | imported | profile right | edits clean | no-ops identical | leaks |')
        print('|---|---|---|---|---|---|---|')
        tot = {k: 0 for k in ('files', 'imported', 'profile', 'strict', 'edits', 'edit_files', 'noop', 'leaks')}
        for name in sorted(per_variant):
            v = per_variant[name]
            for k in tot:
                tot[k] += v[k]
            print(row(name, v, strict))
        print(row('**all**', tot, strict))
        print()
        print('%d checks, %d passed, %d failed, %d n/a' % (
            len(res.points), sum(1 for ok, skip, *_ in res.points if ok and not skip), failed,
            sum(1 for ok, skip, *_ in res.points if skip)))
    return 1 if failed else 0


def row(name, v, strict):
    prof = '%d/%d' % (v['profile'], v['strict']) if strict and v['strict'] else '-'
    ed = '%d/%d' % (v['edits'], v['edit_files']) if v['edit_files'] else '-'
    no = '%d/%d' % (v['noop'], v['edit_files']) if v['edit_files'] else '-'
    return '| %s | %d | %d/%d | %s | %s | %s | %d |' % (name, v['files'], v['imported'], v['files'], prof, ed, no, v['leaks'])


if __name__ == '__main__':
    sys.exit(main(sys.argv))
