"""The decisions recorded on a case, oldest first: read-only, since a decision is never edited.

A change is a later row that names the one it replaces; the replaced rows are shown greyed.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from iauth_desktop.core.model.decision import Decision
from iauth_desktop.core.model.timefmt import to_db_text
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.review.decision_labels import decision_time, describe_decision

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the decision's id


class DecisionColumn(IntEnum):
    NUMBER = 0
    DECISION = 1
    TIME = 2
    REVIEWER = 3


class DecisionList(Retranslating, QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordedDecisions")
        self.setColumnCount(len(DecisionColumn))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the reviewer's column takes what is left, however little (not Qt's 100 px floor)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(DecisionColumn.REVIEWER, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("MM"))
        self._decisions: list[Decision] = []
        self.retranslate_ui()

    def decisions(self) -> list[Decision]:
        return list(self._decisions)

    def set_decisions(self, decisions: list[Decision]) -> None:
        self._decisions = list(decisions)
        self._fill()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Recorded decisions"))
        self.setHeaderLabels(
            [self.tr("#"), self.tr("Decision"), self.tr("Time (local)"), self.tr("Reviewer")]
        )
        self._fill()

    def _fill(self) -> None:
        self.clear()
        replaced = {d.supersedes for d in self._decisions if d.supersedes is not None}
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for decision in self._decisions:
            item = QTreeWidgetItem(
                [
                    str(decision.id),
                    describe_decision(decision),
                    decision_time(decision),
                    decision.reviewer,
                ]
            )
            item.setData(DecisionColumn.NUMBER, ID_ROLE, decision.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            tip = self._tooltip(decision, decision.id in replaced)
            for column in DecisionColumn:
                item.setToolTip(column, tip)
                if decision.id in replaced:
                    item.setForeground(column, grey)
            self.addTopLevelItem(item)

    def _tooltip(self, decision: Decision, replaced: bool) -> str:
        lines = [
            self.tr("Decided at {local} (UTC {utc})").format(
                local=decision_time(decision), utc=to_db_text(decision.decided_at)
            )
        ]
        if decision.supersedes is not None:
            lines.append(self.tr("Replaces decision #{id}").format(id=decision.supersedes))
        if replaced:
            lines.append(self.tr("Replaced by a later decision"))
        if decision.justification:
            lines.append(self.tr("Justification: {text}").format(text=decision.justification))
        if decision.notes:
            lines.append(self.tr("Notes: {text}").format(text=decision.notes))
        return "\n".join(lines)
