#!/bin/bash
# The bash completion offers every subcommand and every option of each
# subcommand that --help lists, and profile IDs after --profile.
#   check-completion.sh COMPLETION   (PHONESET_BIN is the built program)
set -eu
completion=$1
. "$(dirname "$0")/phoneset-help-words.sh"
# With bash-completion's own helpers (_init_completion) when installed, as
# in an interactive shell; the completion also works without them.
if [ -f /usr/share/bash-completion/bash_completion ]; then
  set +eu
  . /usr/share/bash-completion/bash_completion
  set -eu
fi
. "$completion"
# The completion runs "phoneset profiles" through the name it was called as.
words0=$PHONESET_BIN

complete_words() {
  COMP_WORDS=("$words0" "$@")
  COMP_CWORD=$#
  COMP_LINE="${COMP_WORDS[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _phoneset
  printf '%s\n' "${COMPREPLY[@]}"
}

status=0
commands=$(phoneset_commands)
[ -n "$commands" ] || { echo "no subcommands in phoneset --help"; exit 1; }
offered=$(complete_words "")
for command in $commands; do
  if ! grep -qx -- "$command" <<<"$offered"; then
    echo "completing 'phoneset ' does not offer $command"
    status=1
  fi
  offered_options=$(complete_words "$command" "--")
  for option in $(phoneset_options "$command"); do
    if ! grep -qx -- "$option" <<<"$offered_options"; then
      echo "completing 'phoneset $command --' does not offer $option"
      status=1
    fi
  done
done

profiles=$(complete_words export --profile "")
for id in $("$PHONESET_BIN" profiles --json | python3 -c 'import json, sys; print("\n".join(p["id"] for p in json.load(sys.stdin)))'); do
  if ! grep -qx -- "$id" <<<"$profiles"; then
    echo "completing 'phoneset export --profile ' does not offer $id"
    status=1
  fi
done
# The keys "phoneset key --help" lists, offered after the host (ranges such
# as 0-9 and D1-D40 by their ends; "*" is typed, not completed).
offered_keys=$(complete_words key --vendor yealink 192.0.2.10 "")
set -f
for key in $("$PHONESET_BIN" key --help | sed -n 's/^Keys (any vendor): \(.*\)…;.*/\1/p' | tr ' ' '\n' | sed 's/-/\n/'); do
  [ "$key" = "*" ] && continue
  if ! grep -qx -- "$key" <<<"$offered_keys"; then
    echo "completing 'phoneset key HOST ' does not offer the key $key"
    status=1
  fi
done
set +f
[ -n "$(complete_words key "")" ] && { echo "completing 'phoneset key ' offers keys where the host goes"; status=1; }

[ $status -eq 0 ] && echo "completion: $(echo $commands | wc -w) subcommands, their options, the profile IDs and the keys offered"
exit $status
