#!/bin/sh
# Fails when a .c file is not formatted as build-aux/format-c.py formats it:
# clang-format (.clang-format: GNU style, ColumnLimit 100), then one
# parameter per line in function definitions.
# Headers are left alone: clang-format cannot keep GTK's aligned prototypes.
set -eu
top=${1:-.}
cd "$top"

files=$(find src tests -name '*.c' | sort)
if wrong=$(python3 build-aux/format-c.py --check $files); then
  echo "$(echo "$files" | wc -l) C files are formatted"
else
  echo "$wrong"
  echo "Run: build-aux/format-c.py \$(find src tests -name '*.c')"
  exit 1
fi
