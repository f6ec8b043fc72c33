#!/usr/bin/env python3
"""Writes the translatable strings of the phone profiles as a C file for xgettext.

    build-aux/profile-strings.py [TOP] > data/profiles/profile-strings.c

The profiles (data/profiles/*.json) are data, read at run time; their titles,
help, notes, group descriptions, enum labels and Active URI status hints are translated through
g_dgettext() when a profile is loaded (src/core/model/phoneset-profile.c). xgettext
cannot read JSON, so this script lists those strings as N_() calls, with a
comment for translators saying where each is used. The file is not compiled.
The lint test check-profile-strings fails when it is out of date.
"""
import glob
import json
import os
import sys

top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
strings = {}  # text -> list of places, in order of first use


def add(text, where):
    if not isinstance(text, str) or not text:
        return
    strings.setdefault(text, [])
    if where not in strings[text]:
        strings[text].append(where)


for path in sorted(glob.glob(os.path.join(top, "data", "profiles", "*.json"))):
    with open(path, encoding="utf-8") as f:
        profile = json.load(f)
    pid = profile.get("id", os.path.basename(path))
    add(profile.get("description"), f"{pid}: profile description")
    for status, hint in ((profile.get("active_uri") or {}).get("status_hints") or {}).items():
        add(hint, f"{pid}: what the phone's HTTP answer {status} means, after the answer")
    rest = (profile.get("active_uri") or {}).get("rest_api") or {}
    for status, hint in (rest.get("status_hints") or {}).items():
        add(hint, f"{pid}: what the REST API's HTTP answer {status} means, after the answer")
    for code, meaning in (rest.get("codes") or {}).items():
        add(meaning, f"{pid}: what the REST API's Status {code} means, after “refused the request (Status {code}):”")
    add(rest.get("notes"), f"{pid}: notes on the phone's REST API")
    add((profile.get("active_uri") or {}).get("no_config_push"),
        f"{pid}: why no configuration can be pushed, after “Phoneset cannot push a configuration to these phones:”")
    for page in profile.get("pages", []):
        add(page.get("title"), f"{pid}: page title")
        for group in page.get("groups", []):
            add(group.get("title"), f"{pid}: group title")
            add(group.get("description"), f"{pid}: group description")
            for setting in group.get("settings", []):
                sid = setting.get("id")
                add(setting.get("title"), f"{pid}: {sid}: title")
                add(setting.get("help"), f"{pid}: {sid}: help")
                add(setting.get("note"), f"{pid}: {sid}: note (an unconfirmed fact)")
                for value in setting.get("values", []):
                    add(value.get("label"), f"{pid}: {sid}: choice")


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


out = sys.stdout
out.write("/* Made by build-aux/profile-strings.py from data/profiles/*.json: the\n"
          " * translatable strings of the phone profiles, for xgettext. Not compiled.\n"
          " * Do not edit; run the script again after changing a profile. */\n\n"
          "static const char *profile_strings[] = {\n")
for text, places in strings.items():
    shown = places[:3] + ([f"and {len(places) - 3} more"] if len(places) > 3 else [])
    comment = "; ".join(shown).replace("*/", "* /")
    hint = " Keep “{n}”: it is the line (account) number." if "{n}" in text else ""
    out.write(f"  /* Translators: phone profile {comment}.{hint} */\n")
    if "%" in text:
        out.write("  /* xgettext:no-c-format */\n")
    out.write(f"  N_({c_string(text)}),\n")
out.write("};\n")
