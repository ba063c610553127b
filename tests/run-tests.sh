#!/usr/bin/env bash
# The project's test command. Runs pytest headless (Qt offscreen) with a throwaway HOME and XDG
# folders and, when dbus-run-session and gnome-keyring-daemon are installed, inside a private
# D-Bus session with an unlocked gnome-keyring: the keyring tests meet a real Secret Service and
# never the developer's own keyring.
#
#   bash tests/run-tests.sh [pytest arguments...]      (from the repository root)
#
# Environment: VENV (default .venv, relative to the repository root) or PYTHON (an interpreter
# to use instead of $VENV/bin/python).
set -euo pipefail

repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
venv=${VENV:-.venv}
case $venv in /*) ;; *) venv=$repo/$venv ;; esac
python=${PYTHON:-$venv/bin/python}
if ! command -v -- "$python" >/dev/null 2>&1; then
    echo "run-tests.sh: no Python at $python (create the venv, or set VENV or PYTHON)" >&2
    exit 2
fi

export QT_QPA_PLATFORM=offscreen
scratch=$(mktemp -d "${TMPDIR:-/tmp}/iauth-tests.XXXXXX")
trap 'rm -rf -- "$scratch"' EXIT
export HOME=$scratch/home
export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share
export XDG_CACHE_HOME=$HOME/.cache XDG_STATE_HOME=$HOME/.local/state
export XDG_RUNTIME_DIR=$scratch/run
mkdir -p -- "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
mkdir -m 700 -- "$XDG_RUNTIME_DIR"
# Never the developer's session bus (and so never their real keyring).
unset DBUS_SESSION_BUS_ADDRESS

status=0
if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    dbus-run-session -- sh -c \
        'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' \
        sh "$python" -m pytest "$@" || status=$?
else
    echo "run-tests.sh: dbus-run-session or gnome-keyring-daemon missing: no Secret Service" >&2
    "$python" -m pytest "$@" || status=$?
fi
exit "$status"
