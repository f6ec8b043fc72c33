#!/bin/sh
# `meson install` puts every file where the desktop, the software centre,
# yelp, man and bash look for it, and the installed program finds the
# installed phone profiles.
#   check-install.sh MESON BUILD_DIR SOURCE_ROOT APP_ID GETTEXT_PACKAGE HELP_ID
#
# The install goes into a fresh DESTDIR (nothing outside it is written).
# Running the installed program needs it at its real prefix: as root (or
# where user namespaces are allowed) a private mount namespace shows the
# DESTDIR copy there and hides the source tree's profiles, so that only the
# installed ones can be found. Without either, that last part is skipped
# with a message and the rest still counts.
set -eu

meson=$1
build=$2
top=$3
app_id=$4
package=$5
help_id=$6

dest=$(mktemp -d "${TMPDIR:-/tmp}/phoneset-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT INT TERM

prefix=$("$meson" introspect "$build" --buildoptions |
  python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
datadir_rel=$("$meson" introspect "$build" --buildoptions |
  python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "datadir"))')
case $datadir_rel in
  /*) datadir=$datadir_rel ;;
  *) datadir=$prefix/$datadir_rel ;;
esac

if ! DESTDIR= "$meson" install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$dest.log" 2>&1; then
  cat "$dest.log"
  rm -f "$dest.log"
  echo "meson install failed"
  exit 1
fi
rm -f "$dest.log"

root=$dest$prefix
share=$dest$datadir
status=0
n=0
expect() {
  n=$((n + 1))
  if [ -f "$1" ] && [ -s "$1" ]; then
    echo "ok $n - ${1#"$dest"}"
  else
    echo "not ok $n - ${1#"$dest"} is not installed"
    status=1
  fi
}

echo "# installed into DESTDIR $dest, prefix $prefix"
expect "$root/bin/phoneset"
expect "$share/applications/$app_id.desktop"
expect "$share/metainfo/$app_id.metainfo.xml"
expect "$share/icons/hicolor/scalable/apps/$app_id.svg"
expect "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "$share/glib-2.0/schemas/$app_id.gschema.xml"
expect "$share/help/C/$help_id/index.page"
expect "$share/man/man1/phoneset.1"
expect "$share/bash-completion/completions/phoneset"

# Every translation po/LINGUAS lists, and every help translation.
for lang in $(sed 's/#.*//' "$top/po/LINGUAS"); do
  expect "$share/locale/$lang/LC_MESSAGES/$package.mo"
done
for lang in $(sed 's/#.*//' "$top/help/LINGUAS"); do
  expect "$share/help/$lang/$help_id/index.page"
done

# Every phone profile of the source tree, and nothing else there.
for profile in "$top"/data/profiles/*.json; do
  expect "$share/phoneset/profiles/$(basename "$profile")"
done
n=$((n + 1))
extra=$(cd "$share/phoneset/profiles" && ls | grep -v '\.json$' || true)
if [ -z "$extra" ]; then
  echo "ok $n - only profiles in $datadir/phoneset/profiles"
else
  echo "not ok $n - $datadir/phoneset/profiles also holds: $extra"
  status=1
fi

# The desktop file starts the installed program, and what it names exists.
n=$((n + 1))
if grep -q "^Exec=phoneset\b\|^Exec=$prefix/bin/phoneset\b" "$share/applications/$app_id.desktop" &&
  grep -q "^Icon=$app_id$" "$share/applications/$app_id.desktop"; then
  echo "ok $n - the desktop file runs phoneset with icon $app_id"
else
  echo "not ok $n - the desktop file's Exec or Icon line is wrong:"
  grep '^Exec=\|^Icon=' "$share/applications/$app_id.desktop" | sed 's/^/# /'
  status=1
fi

# The installed program at its prefix, with no PHONESET_PROFILES_DIR, an
# empty user data directory and the source tree's profiles hidden.
n=$((n + 1))
wanted=$(ls "$top"/data/profiles/*.json | wc -l)
run_installed='
  set -e
  mount --bind "$1" "$2"
  mount -t tmpfs none "$3"
  env -u PHONESET_PROFILES_DIR XDG_DATA_HOME="$4" "$2/bin/phoneset" profiles --json
'
case $prefix in
  /usr | /) ns_ok=no ;; # Hiding the whole of /usr would hide the shell too.
  *) ns_ok=yes ;;
esac
mkdir -p "$dest/empty-home"
[ -d "$prefix" ] || ns_ok=no # A mount point is never made outside DESTDIR.
if [ $ns_ok = yes ]; then
  if [ "$(id -u)" -eq 0 ]; then
    unshare_cmd="unshare -m"
  else
    unshare_cmd="unshare -r -m"
  fi
  if out=$($unshare_cmd sh -c "$run_installed" sh "$root" "$prefix" "$top/data/profiles" "$dest/empty-home" 2>"$dest/err"); then
    found=$(printf '%s\n' "$out" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
    if [ "$found" -eq "$wanted" ]; then
      echo "ok $n - the installed phoneset finds the $found installed profiles"
    else
      echo "not ok $n - the installed phoneset finds $found profiles, not $wanted"
      status=1
    fi
  elif grep -q "unshare\|mount" "$dest/err"; then
    echo "ok $n # SKIP cannot run the program at $prefix here (needs root or user namespaces): $(head -1 "$dest/err")"
  else
    echo "not ok $n - the installed phoneset failed:"
    sed 's/^/# /' "$dest/err"
    status=1
  fi
else
  echo "ok $n # SKIP the prefix $prefix is missing or cannot be shown from a DESTDIR without hiding the system"
fi
echo "1..$n"
exit $status
