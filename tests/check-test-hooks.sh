#!/bin/sh
# Fails when C code under DIR/src reads a PHONESET_ environment variable other
# than through src/core/model/phoneset-test-hooks.c (the one list of test
# hooks) or one of the variables phoneset(1) documents for users.
# With --self-test, runs on tests/data/test-hooks/ and expects exactly the
# one offender planted there.
set -eu
if [ "${1:-}" = "--self-test" ]; then
  out=$("$0" "$2" 2>&1) && { echo "self-test: the planted offender was not found"; exit 1; }
  echo "$out" | grep -q 'offender.c:.*PHONESET_PLANTED' || { echo "self-test: wrong output: $out"; exit 1; }
  [ "$(echo "$out" | grep -c 'PHONESET_')" -eq 1 ] || { echo "self-test: more than the planted offender: $out"; exit 1; }
  echo "self-test: the planted offender was found"
  exit 0
fi
top=${1:-.}
found=$(grep -rnE 'getenv \("PHONESET_' "$top/src" --include='*.c' |
  grep -v 'phoneset-test-hooks\.c:' |
  grep -vE 'getenv \("PHONESET_(PROFILES_DIR|OUI_FILE)"\)' || true)
if [ -n "$found" ]; then
  echo "$found"
  echo "Read test hooks through _phoneset_test_hook() (src/core/model/phoneset-test-hooks-private.h)."
  exit 1
fi
echo "every PHONESET_ test hook is read in src/core/model/phoneset-test-hooks.c"
