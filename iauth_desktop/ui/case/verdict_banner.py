"""The verdict: passed / failed / incomplete by glyph and word as well as colour, every code with
its Chinese and English meaning, the service's own messages verbatim, verification type and any
similarity score the answer carries.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from iauth_desktop.core.model.result import Stage, VerificationResult, as_number, as_text
from iauth_desktop.ui.case.fields_model import shown_text
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.labels import (
    stage_code_label,
    stage_label,
    verdict_label,
    verification_type_label,
)
from iauth_desktop.ui.theme import SPACING, TYPE

SIMILARITY_KEYS = ("sim", "similarity", "score")
# status -> (glyph, text colour, background, border); the glyph and word carry the meaning
_STYLE = {
    "passed": ("✓", "#0b5d1e", "#e6f4ea", "#1e8e3e"),
    "failed": ("✗", "#8c1d18", "#fce8e6", "#c5221f"),
    "incomplete": ("?", "#6b4400", "#fef3d6", "#b06000"),
}
BANNER_INK = "#202124"  # every word on the tint but the verdict's own, in either scheme
_STAGES = tuple(Stage)  # one row each: final, liveness, compare


def _banner_sheet() -> str:
    """The banner's tint and ink for each status. The tint stays light in a dark scheme too:
    its words take dark ink, not the scheme's."""
    rules = [f"#VerdictBanner QLabel {{ color: {BANNER_INK}; }}"]
    for status, (_glyph, colour, background, border) in _STYLE.items():
        rules.append(
            f'#VerdictBanner[status="{status}"] {{ background: {background}; '
            f"border: 2px solid {border}; border-radius: 4px; }}"
        )
        rules.append(
            f'#VerdictBanner[status="{status}"] QLabel#verdictStatus {{ color: {colour}; }}'
        )
    return " ".join(rules)


def similarity_scores(result: VerificationResult) -> list[tuple[str, float | None, str]]:
    """(key, number or None when unreadable, text as sent) for each similarity-like field."""
    found: list[tuple[str, float | None, str]] = []
    lowered = {key.lower(): key for key in result.raw}
    for name in SIMILARITY_KEYS:
        key = lowered.get(name)
        if key is None:
            continue
        value = result.raw[key]
        found.append((key, as_number(value), as_text(value)))
    return found


def format_score(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _fill(template: str, *values: str) -> str:
    """Qt-style %1, %2 in one pass, so a value that contains "%2" is never substituted."""
    return re.sub(r"%(\d)", lambda m: values[int(m[1]) - 1], template)


def _plain_label(parent: QWidget, *, wrap: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(wrap)
    return label


class VerdictBanner(Retranslating, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VerdictBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._result: VerificationResult | None = None
        self.status_label = _plain_label(self)
        self.status_label.setObjectName("verdictStatus")
        font = QFont(self.status_label.font())
        font.setPointSizeF(font.pointSizeF() * TYPE.verdict)
        font.setBold(True)
        self.status_label.setFont(font)
        self.details_label = _plain_label(self, wrap=True)
        self.stage_label = _plain_label(self)  # a few words: kept on the verdict's line
        self.evidence_label = _plain_label(self, wrap=True)
        self.evidence_label.setObjectName("evidenceProblems")
        self._evidence: list[tuple[str, str]] | None = None  # None: not applicable (text only)
        # one compact line: glyph and word, the failed stage, type and similarity
        top = QHBoxLayout()
        top.setSpacing(SPACING.wide)
        top.addWidget(self.status_label)
        top.addWidget(self.stage_label, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.details_label, 1, Qt.AlignmentFlag.AlignVCenter)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(SPACING.wide)
        self._grid.setVerticalSpacing(SPACING.tight)
        self._headers = [_plain_label(self) for _ in range(5)]
        for column, header in enumerate(self._headers):
            bold = QFont(header.font())
            bold.setBold(True)
            header.setFont(bold)
            self._grid.addWidget(header, 0, column)
        self._cells: list[list[QLabel]] = []
        for row in range(len(_STAGES)):
            cells = [_plain_label(self, wrap=column != 1) for column in range(5)]
            for column, cell in enumerate(cells):
                self._grid.addWidget(cell, row + 1, column, Qt.AlignmentFlag.AlignTop)
            self._cells.append(cells)
        for column, stretch in enumerate((0, 0, 2, 3, 2)):
            self._grid.setColumnStretch(column, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.wide, SPACING.normal, SPACING.wide, SPACING.normal)
        layout.setSpacing(SPACING.normal)
        layout.addLayout(top)
        layout.addWidget(self.evidence_label)
        layout.addLayout(self._grid)
        layout.addStretch(1)
        self.setProperty("status", "")
        self.setStyleSheet(_banner_sheet())
        self.retranslate_ui()

    # --- public API --------------------------------------------------------------------------

    def show_result(
        self, result: VerificationResult, evidence: list[tuple[str, str]] | None = None
    ) -> None:
        """``evidence``: the problems with the case's media ((raw key, reason); empty when
        complete), or None when completeness does not apply (a text-only fetch)."""
        self._result = result
        self._evidence = evidence
        self._render()

    def clear(self) -> None:
        self._result = None
        self._evidence = None
        self._render()

    def evidence_complete(self) -> bool | None:
        return None if self._evidence is None else not self._evidence

    def status(self) -> str | None:
        return None if self._result is None else self._result.verdict.status

    def retranslate_ui(self) -> None:
        headers = (
            self.tr("Code field"),
            self.tr("Code"),
            self.tr("Meaning (Chinese)"),
            self.tr("Meaning (English)"),
            self.tr("Service's message"),
        )
        self._header_texts = headers
        self._render()

    # --- rendering ---------------------------------------------------------------------------

    def _set_status(self, status: str) -> None:
        """Tint the banner for ``status`` ("" for none): one style sheet, set once, chooses by
        property; only the frame and the verdict's word are polished again (setting a new
        sheet re-polished every label, the biggest part of showing a case's verdict)."""
        if self.property("status") == status:
            return
        self.setProperty("status", status)
        for widget in (self, self.status_label):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.update()

    def _render(self) -> None:
        result = self._result
        has_case = result is not None
        # The table's labels stay shown, empty without a case: a label shown for the first time
        # is polished and laid out then, which made showing the first case's verdict 3 ms longer.
        for label, text in zip(self._headers, self._header_texts, strict=True):
            label.setText(text if has_case else "")
        self.evidence_label.setVisible(has_case and bool(self._evidence))
        if result is None:
            self.status_label.setText(self.tr("No case open"))
            self.details_label.setText(self.tr("Fetch a token or open a saved case."))
            self.stage_label.clear()
            self._set_status("")
            for cells in self._cells:
                for cell in cells:
                    cell.clear()
            return
        verdict = result.verdict
        incomplete_evidence = bool(self._evidence)
        style = "incomplete" if incomplete_evidence and verdict.status == "passed" else None
        glyph = _STYLE[verdict.status][0]
        self._set_status(style or verdict.status)
        self.status_label.setText(f"{glyph} {verdict_label(verdict.status)}")
        self.details_label.setText(self._details(result))
        self.stage_label.setText(self._stage_text(result))
        self.stage_label.setVisible(bool(self.stage_label.text()))
        self.evidence_label.setText(self._evidence_text())
        for cells, stage in zip(self._cells, _STAGES, strict=True):
            for cell, text in zip(cells, self._code_row(result, stage), strict=True):
                cell.setText(shown_text(text))  # a 3-million-character message once stalled 18 s

    def _details(self, result: VerificationResult) -> str:
        parts = [verification_type_label(result.verification_type)]
        for key, number, raw in similarity_scores(result):
            if number is None:
                parts.append(_fill(self.tr("similarity (%1): %2 — not a number"), key, raw))
            else:
                parts.append(_fill(self.tr("similarity (%1): %2"), key, format_score(number)))
        return "  ·  ".join(parts)

    def _evidence_text(self) -> str:
        if not self._evidence:
            return ""
        separator = self.tr("; ", "between evidence problems")
        problems = separator.join(f"{key}: {reason}" for key, reason in self._evidence)
        return self.tr(
            "⚠ Evidence incomplete — approving needs a written justification: %1"
        ).replace("%1", problems)

    def _stage_text(self, result: VerificationResult) -> str:
        verdict = result.verdict
        if verdict.status == "failed":
            separator = self.tr(", ", "between the names of failed stages")
            stages = separator.join(stage_label(stage) for stage in verdict.failed_stages)
            return self.tr("Failed at: %1").replace("%1", stages)
        if verdict.status == "incomplete":
            final = result.stage(Stage.FINAL)
            if final is None or not final.sent:
                key = final.field if final is not None else "—"
                return self.tr("The answer has no final result code (%1): not passed.").replace(
                    "%1", key
                )
            return self.tr("A result code is not a number: the case cannot count as passed.")
        return ""

    def _code_row(self, result: VerificationResult, which: Stage) -> tuple[str, str, str, str, str]:
        stage = result.stage(which)
        if stage is None:
            return (stage_code_label(which), "—", "", self.tr("not sent"), "")
        label = f"{stage_code_label(stage.stage)} ({stage.field})"
        if not stage.sent:
            return (label, "—", "", self.tr("not sent"), stage.message)
        if stage.code is None or stage.info is None:
            raw = as_text(result.raw.get(stage.field))
            return (label, raw, "", self.tr("not a number"), stage.message)
        info = stage.info
        if info.from_engine:  # not the service's table: say whose words these are
            source = self.tr("per the engine's documentation")
            return (label, str(stage.code), info.zh, f"{info.en} ({source})", stage.message)
        return (label, str(stage.code), info.zh, info.en, stage.message)
