#!/bin/sh
# Fails when data/profiles/profile-strings.c (the profiles' translatable
# strings, for xgettext) does not match the profiles: run
#   build-aux/profile-strings.py > data/profiles/profile-strings.c
set -eu
top=${1:-.}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
python3 "$top/build-aux/profile-strings.py" "$top" >"$tmp"
if ! cmp -s "$tmp" "$top/data/profiles/profile-strings.c"; then
  echo "data/profiles/profile-strings.c is out of date; run: build-aux/profile-strings.py > data/profiles/profile-strings.c"
  diff -u "$top/data/profiles/profile-strings.c" "$tmp" | head -20
  exit 1
fi
echo "data/profiles/profile-strings.c lists every translatable string of the profiles"
