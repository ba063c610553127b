#!/usr/bin/env bash
# Smoke test of the built bundle, run offscreen with throwaway HOME, config and data folders:
#   1. --version
#   2. the bundle's own emulator in the background (its greeting line: URL, keys, tokens)
#   3. the demo in screenshot mode on the pass case: exit 0, a picture of a real window, and the
#      case fetched in the console's fetch process (the frozen executable started again through
#      multiprocessing's spawn and freeze_support; its secrets through the pipe)
#   4. fetch --report against that emulator: exit 0, and a PDF with images, Chinese text and
#      embedded fonts (poppler's pdfimages, pdftotext, pdffonts)
#   5. where dbus-run-session and gnome-keyring-daemon exist: a profile's secrets go into a
#      private Secret Service (the frozen keyring backend works)
#   6. the emulator stops cleanly on SIGTERM
#
#   bash packaging/smoke-test.sh [dist/iauth-desktop]
#
# Needs python3 (standard library) and poppler-utils. Exit 0 only if every step passed.
set -euo pipefail

repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
bundle=${1:-$repo/dist/iauth-desktop}
if [[ ! -x $bundle/iauth-desktop ]]; then
    echo "smoke-test.sh: no executable $bundle/iauth-desktop (run packaging/build.sh)" >&2
    exit 2
fi
bundle=$(cd -- "$bundle" && pwd)
exe=$bundle/iauth-desktop
checks=$repo/packaging/pyinstaller
for tool in python3 pdfimages pdftotext pdffonts timeout; do
    command -v "$tool" >/dev/null || { echo "smoke-test.sh: $tool is missing" >&2; exit 2; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/iauth-smoke.XXXXXX")
emulator_pid=""
cleanup() {
    if [[ -n $emulator_pid ]] && kill -0 "$emulator_pid" 2>/dev/null; then
        kill "$emulator_pid" 2>/dev/null || true
        wait "$emulator_pid" 2>/dev/null || true
    fi
    rm -rf -- "$scratch"
}
trap cleanup EXIT

export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8
export HOME=$scratch/home IAUTH_CONFIG_DIR=$scratch/config IAUTH_DATA_DIR=$scratch/data
export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share
export XDG_CACHE_HOME=$HOME/.cache XDG_STATE_HOME=$HOME/.local/state
export XDG_RUNTIME_DIR=$scratch/run
mkdir -p -- "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
mkdir -m 700 -- "$XDG_RUNTIME_DIR"
# Never the developer's session bus or credentials; never the checkout's files.
unset DBUS_SESSION_BUS_ADDRESS IAUTH_ENDPOINT IAUTH_APPID IAUTH_SECRET_KEY IAUTH_AES_KEY PYTHONPATH
cd -- "$scratch"

passes=0
failures=0
started=$(date +%s)
step() {  # step NAME FUNCTION: run it in a subshell with errexit, log it, report ok or FAIL
    local name=$1 began status=0
    began=$(date +%s)
    # Not inside `if`: there bash would ignore errexit within the subshell too.
    set +e
    (set -euo pipefail; "$2") >"$scratch/$name.log" 2>&1
    status=$?
    set -e
    if ((status == 0)); then
        echo "ok    $name ($(($(date +%s) - began)) s)"
        passes=$((passes + 1))
    else
        echo "FAIL  $name ($(($(date +%s) - began)) s, status $status) — its output:"
        sed 's/^/      /' "$scratch/$name.log" | tail -n 40
        failures=$((failures + 1))
    fi
}
field() { python3 -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$greeting" "$1"; }

no_multimedia_trouble() {  # the FFmpeg plugin loaded (the video and its stills need it)
    if grep -E "No QtMultimedia backends|Failed to initialize QMediaPlayer" "$1"; then
        echo "QtMultimedia has no FFmpeg backend in this bundle"
        return 1
    fi
}

check_version() {
    local out
    out=$(timeout 60 "$exe" --version)
    echo "$out"
    [[ $out =~ ^iauth-desktop\ [0-9]+\.[0-9]+ ]]
}

greeting=""
pass_token=""
check_emulator() {
    # Started by the main shell (below), so that it can be stopped and waited for there.
    for _ in $(seq 200); do
        [[ -s $scratch/emulator.out ]] && break
        kill -0 "$emulator_pid" || { cat "$scratch/emulator.err"; return 1; }
        sleep 0.1
    done
    greeting=$(head -n 1 "$scratch/emulator.out")
    echo "url $(field url), tokens: $(field tokens | tr -d "{}'" | cut -c1-60)..."
}

demo_screenshot() {
    [[ -n $pass_token ]]
    timeout 180 "$exe" --demo --open "$pass_token" --screenshot "$scratch/console.png" \
        2>"$scratch/demo.err" | tee "$scratch/timings.json"
    cat "$scratch/demo.err"
    no_multimedia_trouble "$scratch/demo.err"
    python3 -c 'import json, sys; print(sorted(json.load(open(sys.argv[1]))))' "$scratch/timings.json"
    python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["fetch_process"] != 1)' \
        "$scratch/timings.json" || { echo "the case was not fetched in the fetch process"; return 1; }
    python3 "$checks/check_screenshot.py" "$scratch/console.png" --min-width 1366 --min-height 768
}

fetch_report() {
    IAUTH_ENDPOINT=$(field url) IAUTH_APPID=$(field appid) IAUTH_SECRET_KEY=$(field secret_key) \
        IAUTH_AES_KEY=$(field aes_key) timeout 120 "$exe" fetch "$pass_token" \
        --out "$scratch/case" --report "$scratch/case.pdf" 2>"$scratch/fetch.err"
    cat "$scratch/fetch.err"
    no_multimedia_trouble "$scratch/fetch.err"
    [[ -s $scratch/case/manifest.json && -s $scratch/case.pdf ]]
    local images text fonts
    images=$(pdfimages -list "$scratch/case.pdf" | tail -n +3 | wc -l)
    echo "pdfimages: $images images"
    ((images >= 1))
    text=$(pdftotext -enc UTF-8 "$scratch/case.pdf" -)
    grep -q "通过" <<<"$text"
    grep -q "欧阳" <<<"$text"
    echo "pdftotext: Chinese text found (通过, 欧阳)"
    fonts=$(pdffonts "$scratch/case.pdf" | tail -n +3)
    echo "$fonts"
    [[ -n $fonts ]]
    # Columns end: emb sub uni object-number generation.
    if awk '$(NF-4) != "yes" { bad = 1 } END { exit !bad }' <<<"$fonts"; then
        echo "a font is not embedded"
        return 1
    fi
}

keyring_profile() {
    if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
        echo "skipped: no dbus-run-session or gnome-keyring-daemon"
        return 0
    fi
    # shellcheck disable=SC2016 # $1 is expanded by the inner sh
    dbus-run-session -- sh -c '
        echo -n smoke | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        printf "smoke-secret-key\nSmokeTestAesKey-32chars-01234567\n" |
            "$1" profile add smoke --appid SMOKE0001 --secret-stdin >/dev/null
        "$1" profile show smoke' sh "$exe" >"$scratch/profile.txt"
    cat "$scratch/profile.txt"
    grep -q "^keyring: *SecretService" "$scratch/profile.txt"
    [[ $(grep -c "stored in the keyring" "$scratch/profile.txt") -eq 2 ]]
}

step version check_version
"$exe" emulator >"$scratch/emulator.out" 2>"$scratch/emulator.err" &
emulator_pid=$!
step emulator check_emulator
greeting=$(head -n 1 "$scratch/emulator.out" 2>/dev/null || true)
pass_token=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["tokens"]["pass"])' \
    "$greeting" 2>/dev/null || true)
step demo-screenshot demo_screenshot
step fetch-report fetch_report
step keyring-profile keyring_profile
if [[ -n $emulator_pid ]]; then
    kill -TERM "$emulator_pid" 2>/dev/null || true
    status=0
    wait "$emulator_pid" 2>/dev/null || status=$?
    emulator_pid=""
    if ((status == 0)); then
        echo "ok    emulator-stop (SIGTERM: exit 0)"
        passes=$((passes + 1))
    else
        echo "FAIL  emulator-stop (SIGTERM: exit $status)"
        failures=$((failures + 1))
    fi
fi
echo "smoke-test.sh: $bundle, $(($(date +%s) - started)) s"
echo "smoke-test: $passes passed, $failures failed"
((failures == 0))
