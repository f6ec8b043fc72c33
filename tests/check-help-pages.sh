#!/bin/sh
# Every help page in help/C/ is listed in help/meson.build (and so installed
# and validated), and every listed page exists.
#   check-help-pages.sh SOURCE_ROOT
set -eu
top=$1
status=0
listed=$(sed -n "s/^ *'\([a-z0-9-]*\.page\)',$/\1/p" "$top/help/meson.build" | sort)
present=$(cd "$top/help/C" && ls *.page | sort)
for page in $present; do
  echo "$listed" | grep -qx "$page" || { echo "help/C/$page is not listed in help/meson.build"; status=1; }
done
for page in $listed; do
  [ -f "$top/help/C/$page" ] || { echo "help/meson.build lists $page, which is not in help/C"; status=1; }
done
[ $status -eq 0 ] && echo "help: $(echo $present | wc -w) pages, all listed in help/meson.build"
exit $status
