#!/usr/bin/env python3
# What the software centre and Flatpak get from us, checked without network:
#   check-packaging.py SOURCE_ROOT PROJECT_VERSION
#
# - the metainfo's screenshots are committed under data/screenshots/ (PNG
#   files, none unused), one is the default, each has a caption, and their
#   https addresses are the repository's raw file addresses;
# - the metainfo has releases (the newest is this version, with a date and
#   a description) and an OARS 1.1 content rating;
# - the Flatpak manifest parses, builds this tree with meson (tests off),
#   brings libnice (not in the GNOME runtime), and asks for no more than it
#   needs: the network, a display, the GPU and the keyring (Secret Service);
# - when flatpak-builder is installed, it reads the manifest too.
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

top, version = sys.argv[1], sys.argv[2]
failures = []
n = 0


def check(ok, what):
    global n
    n += 1
    if ok:
        print(f"ok {n} - {what}")
    else:
        print(f"not ok {n} - {what}")
        failures.append(what)


# The metainfo.
metainfo_path = os.path.join(top, "data", "io.github.phoneset.Phoneset.metainfo.xml.in.in")
component = ET.parse(metainfo_path).getroot()
homepage = component.findtext("url[@type='homepage']")
m = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+)", homepage or "")
check(m is not None, f"the homepage is a GitHub repository ({homepage})")
raw_base = f"https://raw.githubusercontent.com/{m.group(1)}/{m.group(2)}/main/" if m else None

shots = component.findall("screenshots/screenshot")
check(len(shots) >= 3, f"the metainfo shows {len(shots)} screenshots (at least 3)")
check(sum(1 for s in shots if s.get("type") == "default") == 1, "exactly one screenshot is the default")
used = set()
for shot in shots:
    url = shot.findtext("image", "").strip()
    caption = shot.findtext("caption", "").strip()
    check(caption != "", f"{url} has a caption")
    in_repo = raw_base is not None and url.startswith(raw_base)
    check(in_repo, f"{url} is a raw file address of the repository")
    if not in_repo:
        continue
    relative = url[len(raw_base):]
    path = os.path.join(top, relative)
    used.add(os.path.normpath(path))
    check(relative.startswith("data/screenshots/"), f"{relative} is under data/screenshots/")
    exists = os.path.isfile(path)
    check(exists, f"{relative} is committed")
    if exists:
        with open(path, "rb") as f:
            head = f.read(24)
        is_png = head[:8] == b"\x89PNG\r\n\x1a\n"
        check(is_png, f"{relative} is a PNG")
        if is_png:
            width = int.from_bytes(head[16:20], "big")
            height = int.from_bytes(head[20:24], "big")
            size = os.path.getsize(path)
            check(300 <= width <= 2000 and 300 <= height <= 2000 and size < 1_000_000,
                  f"{relative} is {width}×{height}, {size} bytes (reasonably sized)")
screenshot_dir = os.path.join(top, "data", "screenshots")
unused = sorted(f for f in os.listdir(screenshot_dir)
                if os.path.normpath(os.path.join(screenshot_dir, f)) not in used)
check(not unused, "every file in data/screenshots/ is shown by the metainfo" +
      (f" (not: {', '.join(unused)})" if unused else ""))

releases = component.findall("releases/release")
check(len(releases) >= 1, f"the metainfo lists {len(releases)} releases")
if releases:
    newest = releases[0]
    check(newest.get("version") == version, f"the newest release is {newest.get('version')}, this is {version}")
    check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", newest.get("date", "")) is not None,
          f"release {newest.get('version')} has a date ({newest.get('date')})")
    check(newest.find("description/p") is not None, f"release {newest.get('version')} has a description")
rating = component.find("content_rating")
check(rating is not None and rating.get("type") == "oars-1.1", "an OARS 1.1 content rating")

# The Flatpak manifest.
manifest_path = os.path.join(top, "flatpak", "io.github.phoneset.Phoneset.json")
try:
    with open(manifest_path) as f:
        manifest = json.load(f)
    check(True, "the Flatpak manifest is valid JSON")
except ValueError as e:
    check(False, f"the Flatpak manifest is valid JSON ({e})")
    manifest = {}

check(manifest.get("id") in ("io.github.phoneset.Phoneset", "io.github.phoneset.Phoneset.Devel"),
      f"the manifest's id is the application's ({manifest.get('id')})")
check(manifest.get("command") == "phoneset", "the manifest runs phoneset")
check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
      "the GNOME runtime and SDK")
runtime_version = str(manifest.get("runtime-version", ""))
check(runtime_version.isdigit() and int(runtime_version) >= 43,
      f"GNOME {runtime_version} (43 or newer has libsoup 3, json-glib, libsecret and libadwaita)")

allowed = {
    "--share=network",  # phones, STUN/TURN servers
    "--share=ipc",  # X11's shared memory
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",  # GTK's GPU renderer
    "--talk-name=org.freedesktop.secrets",  # phone passwords in the keyring
}
needed = {"--share=network", "--socket=fallback-x11", "--socket=wayland", "--talk-name=org.freedesktop.secrets"}
finish_args = set(manifest.get("finish-args", []))
check(needed <= finish_args, "finish-args give the network, a display and the keyring" +
      (f" (missing: {', '.join(sorted(needed - finish_args))})" if not needed <= finish_args else ""))
check(finish_args <= allowed, "finish-args ask for nothing more" +
      (f" (also: {', '.join(sorted(finish_args - allowed))})" if not finish_args <= allowed else ""))

modules = manifest.get("modules", [])
names = [module.get("name") if isinstance(module, dict) else module for module in modules]
check("libnice" in names, "libnice is built (the GNOME runtime has no libnice)")
app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
check(app.get("name") == "phoneset" and app.get("buildsystem") == "meson", "phoneset is the last module, built with meson")
check("-Dtests=false" in app.get("config-opts", []), "phoneset is built without its tests")
if manifest.get("id", "").endswith(".Devel"):
    check("-Ddevelopment=true" in app.get("config-opts", []), "a .Devel id builds the development profile")
sources = app.get("sources", [])
check(any(s.get("type") == "dir" and os.path.normpath(os.path.join(os.path.dirname(manifest_path), s.get("path", ""))) ==
          os.path.normpath(top) for s in sources), "phoneset's source is this tree")
for module in modules:
    if isinstance(module, dict) and module is not app:
        for source in module.get("sources", []):
            # A tag can move; a commit or a checksum cannot.
            pinned = source.get("type") == "git" and source.get("commit") or \
                source.get("type") in ("archive", "file") and source.get("sha256")
            check(bool(pinned), f"{module.get('name')}'s source is pinned (a git commit or a sha256)")

builder = shutil.which("flatpak-builder")
if builder:
    # It keeps a state directory (.flatpak-builder) where it runs: a
    # temporary one, gone afterwards.
    with tempfile.TemporaryDirectory(prefix="phoneset-flatpak-") as scratch:
        result = subprocess.run([builder, "--show-manifest", os.path.abspath(manifest_path)], capture_output=True,
                                text=True, timeout=60, cwd=scratch)
    check(result.returncode == 0, "flatpak-builder --show-manifest reads the manifest" +
          (f": {result.stderr.strip()}" if result.returncode else ""))
else:
    n += 1
    print(f"ok {n} # SKIP flatpak-builder is not installed")

print(f"1..{n}")
sys.exit(1 if failures else 0)
