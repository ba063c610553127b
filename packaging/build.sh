#!/usr/bin/env bash
# Builds the Linux desktop bundle with PyInstaller:
#   dist/iauth-desktop/                                   onedir bundle (executable: iauth-desktop)
#   dist/iauth-desktop-<version>-linux-<arch>.tar.gz      the same, to hand to IT
#
#   bash packaging/build.sh            (from anywhere; takes about half a minute)
#
# Environment: VENV (default .venv, relative to the repository root) or PYTHON (an interpreter
# to use instead of $VENV/bin/python). That environment must have the project installed
# (pip install -e . or the wheel); PyInstaller is installed into it when missing.
# PyInstaller's work files go to build/pyinstaller/ (ignored by git, like dist/).
set -euo pipefail

repo=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
venv=${VENV:-.venv}
case $venv in /*) ;; *) venv=$repo/$venv ;; esac
python=${PYTHON:-$venv/bin/python}
if ! command -v -- "$python" >/dev/null 2>&1; then
    echo "build.sh: no Python at $python (create the venv, or set VENV or PYTHON)" >&2
    exit 2
fi
cd -- "$repo"
started=$(date +%s)

if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
    echo "build.sh: installing PyInstaller into $("$python" -c 'import sys; print(sys.prefix)')"
    "$python" -m pip install -q 'pyinstaller>=6.6,<7'
fi

# An editable install keeps the version it had when it was installed: the bundle's --version
# comes from that metadata, so it must agree with pyproject.toml.
wanted=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
installed=$("$python" -c 'from importlib.metadata import version; print(version("iauth-desktop"))')
if [[ $installed != "$wanted" ]]; then
    echo "build.sh: iauth-desktop $installed is installed but pyproject.toml says $wanted:" \
        "reinstall it (pip install -e .)" >&2
    exit 2
fi

rm -rf -- dist/iauth-desktop
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath build/pyinstaller --distpath dist packaging/pyinstaller/iauth-desktop.spec

bundle=dist/iauth-desktop
# Desktop integration files, laid out as under /usr/local/share (see packaging/README.md).
share=$bundle/share
install -Dm644 packaging/linux/iauth-desktop.desktop "$share/applications/iauth-desktop.desktop"
install -Dm644 packaging/linux/io.github.iauth_desktop.metainfo.xml \
    "$share/metainfo/io.github.iauth_desktop.metainfo.xml"
install -Dm644 resources/icons/iauth-desktop.svg "$share/icons/hicolor/scalable/apps/iauth-desktop.svg"
for png in resources/icons/iauth-desktop-*.png; do
    size=${png##*-}
    size=${size%.png}
    install -Dm644 "$png" "$share/icons/hicolor/${size}x${size}/apps/iauth-desktop.png"
done

(cd packaging/pyinstaller && "$python" check_bundle.py "$repo/$bundle" --max-mb 250)

frozen=$(env QT_QPA_PLATFORM=offscreen "$bundle/iauth-desktop" --version)
if [[ $frozen != "iauth-desktop $wanted" ]]; then
    echo "build.sh: the bundle says '$frozen', expected 'iauth-desktop $wanted'" >&2
    exit 1
fi

archive=dist/iauth-desktop-$wanted-linux-$(uname -m).tar.gz
tar --sort=name --owner=0 --group=0 --numeric-owner -C dist -czf "$archive" iauth-desktop
echo "build.sh: $frozen — $(du -sh "$bundle" | cut -f1) unpacked, $archive $(du -h "$archive" | cut -f1)"
echo "build.sh: took $(($(date +%s) - started)) s"
