#!/usr/bin/env bash
# Sets up a development checkout: system packages, then .venv with the project and its test extra.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash packaging/linux/install-system-deps.sh
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,dev,packaging]'
