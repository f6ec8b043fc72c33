#!/bin/sh
# The manual page phoneset(1): groff reads it without a warning, and it
# names every subcommand and every option that --help lists.
#   check-manpage.sh MANPAGE   (PHONESET_BIN is the built program)
set -eu
page=$1
. "$(dirname "$0")/phoneset-help-words.sh"

status=0
warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z "$page" 2>&1 >/dev/null) || status=1
if [ -n "$warnings" ]; then
  printf 'groff warns about %s:\n%s\n' "$page" "$warnings"
  status=1
fi

commands=$(phoneset_commands)
[ -n "$commands" ] || { echo "no subcommands in phoneset --help"; exit 1; }
for command in $commands; do
  # Each subcommand has its own subsection: .SS name (dashes as \-).
  escaped=$(printf '%s' "$command" | sed 's/-/\\\\-/g')
  if ! grep -q "^\.SS $escaped\( \|$\)" "$page"; then
    echo "phoneset(1) has no section for the subcommand $command"
    status=1
  fi
  for option in $(phoneset_options "$command"); do
    escaped=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
    if ! grep -q -- "$escaped" "$page"; then
      echo "phoneset(1) does not mention $command $option"
      status=1
    fi
  done
done
[ $status -eq 0 ] && echo "phoneset(1): $(echo $commands | wc -w) subcommands and their options documented, no groff warnings"
exit $status
