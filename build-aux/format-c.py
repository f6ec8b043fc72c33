#!/usr/bin/python3
# build-aux/format-c.py [--check] FILE... : formats C files as the project
# does: clang-format (.clang-format, ColumnLimit 100), then the parameters of
# every function definition one per line with their names aligned (GTK/GNU
# style), which clang-format 14 cannot keep: with BinPackParameters false it
# joins them when they fit. With --check, lists the files that are not
# formatted so and exits 1; nothing is written.
import re, subprocess, sys

DEF = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*) \(')


def split_top(text):
    parts, depth, cur = [], 0, ''
    for ch in text:
        if ch in '([':
            depth += 1
        elif ch in ')]':
            depth -= 1
        if ch == ',' and depth == 0:
            parts.append(cur.strip()); cur = ''
        else:
            cur += ch
    parts.append(cur.strip())
    return parts


def split_param(p):
    # "const char *const *name" -> ("const char *const", "*name"); "guint x" -> ("guint", "x")
    m = re.match(r'^(.*?[A-Za-z0-9_\s\*]*?)\s*((?:\*\s*)*)([A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])*)$', p)
    if not m or not m.group(1).strip():
        return None
    typ = re.sub(r'\s+', ' ', m.group(1).strip())
    stars = m.group(2).replace(' ', '')
    return typ, stars, m.group(3)


def format_def(name, params):
    parts = split_top(params)
    if len(parts) < 2 or any('(' in p or p == '...' for p in parts):
        return None
    split = [split_param(p) for p in parts]
    if any(s is None for s in split):
        return None
    tw = max(len(t) for t, _, _ in split)
    sw = max(len(s) for _, s, _ in split)
    indent = ' ' * (len(name) + 2)
    out = []
    for i, (t, s, n) in enumerate(split):
        line = t.ljust(tw) + ' ' + s.rjust(sw) + n
        out.append((name + ' (' if i == 0 else indent) + line + (',' if i + 1 < len(split) else ')'))
    return out


def process(text):
    lines = text.split('\n')
    out, i = [], 0
    while i < len(lines):
        m = DEF.match(lines[i])
        if m:
            j, body = i, lines[i][m.end():]
            while not body.rstrip().endswith(')') and j + 1 < len(lines) and j - i < 20:
                j += 1
                body += ' ' + lines[j].strip()
            if j + 1 < len(lines) and lines[j + 1] == '{' and body.rstrip().endswith(')'):
                new = format_def(m.group(1), body.rstrip()[:-1])
                if new is not None:
                    out.extend(new)
                    i = j + 1
                    continue
        out.append(lines[i])
        i += 1
    return '\n'.join(out)




def main(argv):
    check = argv[:1] == ['--check']
    files = argv[1:] if check else argv
    wrong = []
    for path in files:
        text = open(path, encoding='utf-8').read()
        formatted = subprocess.run(['clang-format', '--assume-filename=' + path],
                                   input=text, capture_output=True, text=True, check=True).stdout
        new = process(formatted)
        if new != text:
            wrong.append(path)
            if not check:
                open(path, 'w', encoding='utf-8').write(new)
    if check and wrong:
        print('\n'.join(wrong))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
