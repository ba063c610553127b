"""The core's consistency checks beside the verdict: warnings that never change it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from iauth_desktop.core.model.consistency import Check, run_checks
from iauth_desktop.ui.i18n import Retranslating, current_language
from iauth_desktop.ui.theme import SPACING, text_colour

# status -> (glyph, colour); the glyph and the word carry the meaning, colour only helps
_STATUS_STYLE = {
    "ok": ("✓", "good"),
    "warning": ("⚠", "bad"),
    "unknown": ("?", "neutral"),
}


def _label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ConsistencyView(Retranslating, QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checks: list[Check] = []
        self._note = _label(self)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(SPACING.normal)
        self._grid.setVerticalSpacing(SPACING.tight)
        self._grid.setColumnStretch(2, 1)
        self._rows: list[tuple[QLabel, QLabel, QLabel]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.normal, SPACING.snug, SPACING.normal, SPACING.normal)
        layout.addWidget(self._note)
        layout.addLayout(self._grid)
        layout.addStretch(1)
        self.retranslate_ui()

    def show_identity(self, identity: Mapping[str, str], today: date | None = None) -> None:
        self._checks = run_checks(dict(identity), today or date.today())
        self._render()

    def clear(self) -> None:
        self._checks = []
        self._render()

    def checks(self) -> list[Check]:
        return list(self._checks)

    def warning_count(self) -> int:
        return sum(check.status == "warning" for check in self._checks)

    def row_texts(self) -> list[str]:
        """What each row says, as shown (for tests and accessibility)."""
        return [
            f"{status.text()} {name.text()}: {message.text()}"
            for status, name, message in self._rows[: len(self._checks)]
        ]

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Consistency checks (advisory: never change the verdict)"))
        self._note.setText(self.tr("No case open."))
        self._note.setVisible(not self._checks)
        self._render()

    def _render(self) -> None:
        self._note.setVisible(not self._checks)
        while len(self._rows) < len(self._checks):
            row = (_label(self), _label(self), _label(self))
            row[0].setWordWrap(False)
            row[1].setWordWrap(False)
            for column, label in enumerate(row):
                self._grid.addWidget(label, len(self._rows), column, Qt.AlignmentFlag.AlignTop)
            self._rows.append(row)
        language = current_language()
        names = self._check_names()
        words = {"ok": self.tr("OK"), "warning": self.tr("Warning"), "unknown": self.tr("Unknown")}
        for number, (status, name, message) in enumerate(self._rows):
            if number >= len(self._checks):
                for label in (status, name, message):
                    label.clear()
                    label.setVisible(False)
                continue
            check = self._checks[number]
            glyph, colour = _STATUS_STYLE[check.status]
            status.setText(f"{glyph} {words[check.status]}")
            status.setStyleSheet(f"color: {text_colour(colour).name()}; font-weight: bold;")
            name.setText(names.get(check.key, check.key))
            message.setText(check.text(language))
            for label in (status, name, message):
                label.setVisible(True)

    def _check_names(self) -> dict[str, str]:
        return {
            "check_digit": self.tr("Check digit"),
            "birth_date": self.tr("Birth date"),
            "sex": self.tr("Sex"),
            "validity": self.tr("Card validity"),
            "age": self.tr("Age"),
        }
