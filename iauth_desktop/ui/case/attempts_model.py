"""The liveness attempts as a table model: a column per datum (time, mode, the three codes with
their meanings, similarity, billed). ``AttemptsView`` shows it through ``CompactAttemptsModel``."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from iauth_desktop.core.model.attempts import (
    LivenessAttempt,
    code_text,
    similarity_text,
    time_text,
)

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
# the three codes, in the order of ``LivenessAttempt.codes``
CODE_COLUMNS = (AttemptColumn.FINAL, AttemptColumn.LIVENESS, AttemptColumn.COMPARE)


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
        if column in CODE_COLUMNS:
            code = attempt.codes[CODE_COLUMNS.index(column)]
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
