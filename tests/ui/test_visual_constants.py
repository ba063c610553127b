"""One visual language (issue #17): the console's spacing and type sizes come from the named
constants in ``ui/theme.py`` — no pixel gaps or point sizes written into a widget's code (zero,
"no gap", is the one number allowed), and the constants themselves stay few and ordered."""

from __future__ import annotations

import re
from pathlib import Path

from iauth_desktop.ui.theme import SPACING, TYPE

UI = Path(__file__).resolve().parents[2] / "iauth_desktop" / "ui"
_CALL = re.compile(
    r"\.(setSpacing|setContentsMargins|addSpacing|setHorizontalSpacing|setVerticalSpacing"
    r"|setPointSizeF?|setPixelSize)\(([^()]*)\)"
)
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])")


def literal_sizes() -> list[str]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "theme.py":
            continue
        text = path.read_text(encoding="utf-8")
        for call in _CALL.finditer(text):
            numbers = [n for n in _NUMBER.findall(call[2]) if float(n) != 0]
            if numbers:
                line = text.count("\n", 0, call.start()) + 1
                found.append(f"{path.relative_to(UI)}:{line}: {call[0]}")
        for size in re.finditer(r"font-size:\s*\d+", text):
            found.append(f"{path.relative_to(UI)}: {size[0]}")
    return found


def test_spacing_and_type_come_from_the_named_constants() -> None:
    assert literal_sizes() == []


def test_the_finder_finds_a_literal() -> None:
    assert _CALL.search("layout.setContentsMargins(8, 4, 8, 4)")
    assert _NUMBER.findall("8, SPACING.tight, 0") == ["8", "0"]


def test_the_constants_are_few_and_ordered() -> None:
    assert list(SPACING) == sorted(SPACING) and len(SPACING) <= 5
    assert all(size > 1 for size in TYPE) and len(TYPE) <= 4
