#!/usr/bin/env bash
# Debian 12 / Ubuntu packages the app and its tests need on a fresh machine.
# Qt runtime libraries, libpulse0 (QtMultimedia will not import without it), a CJK font,
# poppler (PDF checks), tesseract-ocr and DejaVu Sans Mono (the masked card images are checked
# with OCR on drawn specimens),
# gnome-keyring + dbus + libsecret-tools (real Secret Service in tests),
# xvfb, openssl (test vectors), p7zip (encrypted exports open in 7-Zip), postgresql (the team
# store's tests start a private server from its binaries), the desktop-file and
# AppStream validators, shellcheck, and python3-venv.
set -euo pipefail
packages=(
  python3 python3-venv python3-pip
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0
  libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1
  libpulse0 libasound2
  fonts-wqy-microhei
  poppler-utils tesseract-ocr fonts-dejavu-core
  gnome-keyring dbus dbus-x11 libsecret-tools
  xvfb openssl
  p7zip-full
  postgresql
  desktop-file-utils appstream shellcheck
)
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
