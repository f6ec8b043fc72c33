#!/bin/sh
# Fails when a .c file is not formatted as .clang-format asks (GNU style).
# Headers are left alone: clang-format cannot keep GTK's aligned prototypes.
set -eu
top=${1:-.}
cd "$top"

files=$(find src tests -name '*.c' | sort)
if clang-format --dry-run -Werror $files; then
  echo "$(echo "$files" | wc -l) C files are formatted"
else
  echo "Run: clang-format -i \$(find src tests -name '*.c')"
  exit 1
fi
