"""Every liveness attempt of the flow in its own row: time, mode, codes with their meanings,
similarity, billed or not; above it the identity document used and the service's warnings about
the ID card photos. Shown for providers that report attempts (FaceID); hidden otherwise."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from iauth_desktop.core.model.result import VerificationResult
from iauth_desktop.ui.case.attempts_compact import CompactAttemptsModel, CompactColumn
from iauth_desktop.ui.case.attempts_model import ATTEMPT_ROLE, AttemptColumn, AttemptsModel
from iauth_desktop.ui.i18n import Retranslating

__all__ = ["ATTEMPT_ROLE", "AttemptColumn", "AttemptsModel", "AttemptsView"]


class AttemptsView(Retranslating, QWidget):
    """The attempts table with the document type and card warnings above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: VerificationResult | None = None
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.model = AttemptsModel(self)  # a column per datum
        self.compact = CompactAttemptsModel(self.model, self)  # what the table shows
        self.table = QTableView(self)
        self.table.setModel(self.compact)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        fit = QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(CompactColumn.NUMBER, fit)
        header.setSectionResizeMode(CompactColumn.ATTEMPT, fit)
        header.setSectionResizeMode(CompactColumn.CODES, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.notes)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()
        self.hide()

    def show_result(self, result: VerificationResult) -> None:
        self._result = result
        self.model.load(result.attempts)
        self.retranslate_ui()
        self.setVisible(bool(result.attempts or result.warnings or result.document_type))

    def clear(self) -> None:
        self._result = None
        self.model.load(())
        self.notes.clear()
        self.hide()

    def _notes(self) -> None:
        result = self._result
        if result is None:
            return
        lines = []
        if result.document_type:
            lines.append(self.tr("Identity document: %1").replace("%1", result.document_type))
        for warning in result.warnings:
            lines.append(
                self.tr("⚠ %1: %2 %3 — %4")
                .replace("%1", warning.stage)
                .replace("%2", str(warning.code))
                .replace("%3", warning.zh)
                .replace("%4", warning.en)
            )
        self.notes.setText("\n".join(lines))
        self.notes.setVisible(bool(lines))

    def retranslate_ui(self) -> None:
        count = len(self._result.attempts) if self._result is not None else 0
        self.title.setText(self.tr("Liveness attempts (%1)").replace("%1", str(count)))
        self.table.setAccessibleName(self.tr("Liveness attempts"))
        self.compact.retranslate()
        self._notes()
