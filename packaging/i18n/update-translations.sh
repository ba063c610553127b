#!/usr/bin/env bash
# Refresh the Chinese translation: extract every translatable text of the interface into
# resources/translations/iauth_desktop_zh_CN.ts (pyside6-lupdate, texts no longer in the code
# dropped), then compile it into iauth_desktop_zh_CN.qm (pyside6-lrelease). English is the source
# language and needs no file. New texts arrive as type="unfinished": translate them (Qt Linguist:
# pyside6-linguist, or by hand), run this again and commit both files; tests/ui/test_translations.py
# fails while any text is untranslated or the .qm does not match the .ts.
#
# Idempotent: a second run leaves both files byte for byte as they are. The tools come from the
# Python environment: $PYSIDE_BIN, else the folder of `python` (e.g. an activated .venv).
set -euo pipefail
cd "$(dirname "$0")/../.."

bin="${PYSIDE_BIN:-}"
if [[ -z "$bin" ]]; then
  python="$(command -v python || command -v python3 || true)"
  [[ -n "$python" ]] || { echo "update-translations: no python on PATH; set PYSIDE_BIN" >&2; exit 2; }
  bin="$(dirname "$python")"
fi
for tool in pyside6-lupdate pyside6-lrelease; do
  [[ -x "$bin/$tool" ]] || { echo "update-translations: $bin/$tool not found; set PYSIDE_BIN" >&2; exit 2; }
done

ts=resources/translations/iauth_desktop_zh_CN.ts
qm=resources/translations/iauth_desktop_zh_CN.qm
mkdir -p "$(dirname "$ts")"
# No source locations in the .ts: line numbers would change it with every unrelated edit.
mapfile -t sources < <(find iauth_desktop/ui -name "*.py" | LC_ALL=C sort)
"$bin/pyside6-lupdate" "${sources[@]}" iauth_desktop/app.py \
  -ts "$ts" -no-obsolete -locations none -source-language en -target-language zh_CN
"$bin/pyside6-lrelease" "$ts" -qm "$qm"
