#!/bin/sh
# keyring-session.sh MODE COMMAND [ARGUMENT...]
#
# Runs COMMAND in a private D-Bus session bus (dbus-run-session) with a
# real Secret Service, gnome-keyring-daemon, in the state MODE says:
#
#   unlocked  the login keyring exists and is unlocked with the password
#             "testpw" (gnome-keyring-daemon --unlock)
#   locked    the login keyring exists (password "testpw") and is locked;
#             an unlock prompt is refused, since there is no prompter
#             (gcr-prompter is not on this bus)
#   none      nothing owns org.freedesktop.secrets, and nothing can be
#             activated: no keyring is running
#
# The bus has no .service files, so nothing starts by itself. The daemon
# has its own HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR under a temporary
# folder, removed at the end with the daemon. COMMAND keeps the caller's
# environment, without PHONESET_SECRET_STORE, plus:
#
#   PHONESET_TEST_KEYRING        MODE
#   PHONESET_TEST_KEYRING_START  a command that starts the daemon in this
#                                bus (with --unlock: unlocked; a running
#                                one is unlocked), for "a keyring appears"
#
# Needs dbus-daemon, gnome-keyring and libsecret-tools (build-aux/dev
# installs them). Exits 77 (a skip, for meson) when they are missing.
set -eu

mode=${1:?usage: keyring-session.sh unlocked|locked|none COMMAND...}
shift
case $mode in
  unlocked | locked | none) ;;
  *)
    echo "keyring-session.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac
for tool in dbus-run-session gnome-keyring-daemon secret-tool gdbus; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed (build-aux/dev test installs it)"
    exit 77
  fi
done

base=$(mktemp -d "${TMPDIR:-/tmp}/phoneset-keyring-XXXXXX")
mkdir -p "$base/home" "$base/data" "$base/config" "$base/cache" "$base/run"
chmod 700 "$base/run"

cat >"$base/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$base/run</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

# Starts the daemon on the current bus; with --unlock, unlocked (a
# running daemon is unlocked). Waits until it owns its name.
cat >"$base/start-keyring" <<SCRIPT
#!/bin/sh
export HOME=$base/home XDG_DATA_HOME=$base/data XDG_CONFIG_HOME=$base/config
export XDG_CACHE_HOME=$base/cache XDG_RUNTIME_DIR=$base/run
unset DISPLAY WAYLAND_DISPLAY
# The test's malloc and GLib checks are for our code: gnome-keyring 42
# crashes replacing an item under MALLOC_PERTURB_.
unset MALLOC_PERTURB_ MALLOC_CHECK_ G_DEBUG G_SLICE LD_PRELOAD
if [ "\${1:-}" = --unlock ]; then
  printf %s testpw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
else
  gnome-keyring-daemon --start --components=secrets >/dev/null
fi
i=0
while [ \$i -lt 100 ]; do
  if gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \\
      --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true; then
    exit 0
  fi
  sleep 0.05
  i=\$((i + 1))
done
echo "start-keyring: gnome-keyring-daemon did not come on the bus" >&2
exit 1
SCRIPT
chmod +x "$base/start-keyring"

# Inside the bus: the keyring as MODE wants it, COMMAND, then the daemon
# is stopped (by its process id on this bus) before the bus goes.
cat >"$base/inside" <<'SCRIPT'
#!/bin/sh
base=$1
mode=$2
shift 2
case $mode in
  unlocked) "$base/start-keyring" --unlock || exit 1 ;;
  locked) "$base/start-keyring" || exit 1 ;;
esac
status=0
PHONESET_TEST_KEYRING=$mode PHONESET_TEST_KEYRING_START=$base/start-keyring "$@" || status=$?
pid=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
  --method org.freedesktop.DBus.GetConnectionUnixProcessID org.freedesktop.secrets 2>/dev/null |
  sed -n 's/^(uint32 \([0-9]*\),)$/\1/p')
[ -n "$pid" ] && kill "$pid" 2>/dev/null
exit $status
SCRIPT
chmod +x "$base/inside"

# The locked keyring is made first, in a bus of its own: created and
# unlocked with its password, one item in it, then the daemon goes.
if [ "$mode" = locked ]; then
  dbus-run-session --config-file="$base/bus.conf" -- "$base/inside" "$base" unlocked sh -c \
    "printf %s seed | secret-tool store --label='Phoneset test seed' phoneset-test seed" 2>/dev/null
  if [ ! -f "$base/data/keyrings/login.keyring" ]; then
    echo "keyring-session.sh: no login keyring was made" >&2
    rm -rf "$base"
    exit 1
  fi
fi

status=0
(
  unset PHONESET_SECRET_STORE DBUS_SESSION_BUS_ADDRESS
  exec dbus-run-session --config-file="$base/bus.conf" -- "$base/inside" "$base" "$mode" "$@"
) || status=$?
rm -rf "$base"
exit $status
