#!/bin/sh
# Fails when a catalog in po/LINGUAS is not complete: a message of the
# sources missing from it (xgettext over po/POTFILES.in, as meson's
# phoneset-pot target does), an untranslated or fuzzy message, or a format
# mismatch (msgfmt --check).
set -eu
top=${1:-.}
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xgettext --package-name=phoneset -p "$tmp" -D . -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kg_dcgettext:2 \
  -kg_dngettext:2,3 -kg_dpgettext2:2c,3 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format --from-code=UTF-8 --add-comments \
  -f po/POTFILES.in -o phoneset.pot
status=0
for lang in $(cat po/LINGUAS); do
  if ! msgcmp --use-untranslated "po/$lang.po" "$tmp/phoneset.pot" 2>"$tmp/cmp"; then
    echo "po/$lang.po does not match the sources (msgmerge it with the template and translate):"
    head -6 "$tmp/cmp"
    status=1
  fi
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1) || { echo "$stats"; status=1; }
  echo "po/$lang.po: $stats"
  case "$stats" in
    *fuzzy*|*untranslated*) echo "po/$lang.po is not complete"; status=1 ;;
  esac
done
exit $status
