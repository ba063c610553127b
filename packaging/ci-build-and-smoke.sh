#!/usr/bin/env bash
# CI step: build the Linux bundle and smoke-test it (about 25 s + 5 s on a 2-core machine, plus
# PyInstaller's download the first time). Uses the same venv as the tests (VENV, default .venv).
#
#   bash packaging/ci-build-and-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
began=$(date +%s)
bash packaging/build.sh
built=$(date +%s)
bash packaging/smoke-test.sh dist/iauth-desktop
echo "ci-build-and-smoke.sh: build $((built - began)) s, smoke test $(($(date +%s) - built)) s"
