# Sourced by the lint tests: what "phoneset --help" and
# "phoneset COMMAND --help" list, so that documentation cannot drift.

# The subcommands, one per line.
phoneset_commands() {
  "$PHONESET_BIN" --help | sed -n '/^Commands/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p'
}

# The long options of a subcommand but --help, one per line.
phoneset_options() {
  "$PHONESET_BIN" "$1" --help | sed -n 's/^  \(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' | grep -vx -e '--help' -e '--help-all'
}
