"""Every liveness attempt of the flow in its own row: time, mode, codes with their meanings,
similarity, billed or not; above it the identity document used and the service's warnings about
the ID card photos. Shown for providers that report attempts (FaceID); hidden otherwise."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from iauth_desktop.core.model.attempts import (
    LivenessAttempt,
    code_text,
    similarity_text,
    time_text,
)
from iauth_desktop.core.model.result import VerificationResult
from iauth_desktop.ui.i18n import Retranslating

AnyIndex = QModelIndex | QPersistentModelIndex


class AttemptColumn(IntEnum):
    NUMBER = 0
    TIME = 1
    MODE = 2
    FINAL = 3
    LIVENESS = 4
    COMPARE = 5
    SIMILARITY = 6
    BILLED = 7


ATTEMPT_ROLE = Qt.ItemDataRole.UserRole + 1  # the LivenessAttempt itself


class AttemptsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._attempts: tuple[LivenessAttempt, ...] = ()

    def load(self, attempts: tuple[LivenessAttempt, ...]) -> None:
        self.beginResetModel()
        self._attempts = attempts
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._attempts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AttemptColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            self.tr("#"),
            self.tr("Time"),
            self.tr("Mode"),
            self.tr("Result"),
            self.tr("Liveness"),
            self.tr("Compare"),
            self.tr("Similarity"),
            self.tr("Billed"),
        )
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._attempts):
            return None
        attempt = self._attempts[index.row()]
        if role == ATTEMPT_ROLE:
            return attempt
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = AttemptColumn(index.column())
        if column in (AttemptColumn.FINAL, AttemptColumn.LIVENESS, AttemptColumn.COMPARE):
            code = attempt.codes[column - AttemptColumn.FINAL]
            if role == Qt.ItemDataRole.DisplayRole:
                return code_text(code)
            text = code_text(code, full=True)
            said = self.tr("service says:")
            return f"{text}\n{said} {code.message}" if code.message else text
        return self._plain(attempt, column)

    def _plain(self, attempt: LivenessAttempt, column: AttemptColumn) -> str:
        if column is AttemptColumn.NUMBER:
            return str(attempt.index)
        if column is AttemptColumn.TIME:
            return time_text(attempt)
        if column is AttemptColumn.MODE:
            return attempt.mode or "—"
        if column is AttemptColumn.SIMILARITY:
            return similarity_text(attempt)
        if attempt.billed is None:
            return self.tr("not said")
        return self.tr("billed") if attempt.billed else self.tr("not billed")


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
        self.model = AttemptsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
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
        self._notes()
