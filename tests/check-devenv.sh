#!/bin/sh
# check-devenv.sh BUILDDIR APP_ID: the build tree's programs run for a
# developer through `meson devenv -C BUILDDIR`, with none of the test
# environment: the settings schema is found (the window would abort with
# "Settings schema … is not installed" otherwise), the profiles are the
# source tree's, and `phoneset` on PATH is the one just built.
set -u
build=${1:?usage: check-devenv.sh BUILDDIR APP_ID}
app_id=${2:?usage: check-devenv.sh BUILDDIR APP_ID}
meson=${MESON:-meson}
n=0
failed=0
check() {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

clean="env -u GSETTINGS_SCHEMA_DIR -u PHONESET_PROFILES_DIR -u PHONESET_ACTIVE_URI_DIR -u PHONESET_BIN"
out=$($clean "$meson" devenv -C "$build" sh -c 'command -v phoneset; echo "$GSETTINGS_SCHEMA_DIR"' 2>&1)
printf '%s\n' "$out" | grep -qx "$(cd "$build" && pwd)/src/phoneset"
check $? "meson devenv puts the built phoneset on PATH"
$clean "$meson" devenv -C "$build" gsettings list-keys "$app_id" >/dev/null 2>&1
check $? "meson devenv finds the settings schema $app_id"
$clean "$meson" devenv -C "$build" phoneset profiles --json >/dev/null 2>&1
check $? "meson devenv: phoneset profiles reads the source tree's profiles"
echo "1..$n"
exit $failed
