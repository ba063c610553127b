"""Help → Keyboard shortcuts: every shortcut of the window — menu actions and the keys that act
in one area (the video, the decision panel) — read from the window itself when the sheet opens,
so the sheet cannot drift from what the keys do."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

_MNEMONIC = re.compile(r"\(&\w\)")  # a translation's own mnemonic: 下一个案件(&N)


def window_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every shortcut of ``window``, in the order of their keys."""
    found: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            text = _MNEMONIC.sub("", action.text()).replace("&", "").rstrip("…").strip()
            keys = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            if keys and text:
                found.setdefault(keys, text)
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        if keys and shortcut.whatsThis():
            found.setdefault(keys, shortcut.whatsThis())
    return sorted(found.items(), key=lambda pair: (len(pair[0]), pair[0]))


class ShortcutsSheet(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        intro = QLabel(self.tr("Every step of the review loop has a key:"), self)
        intro.setWordWrap(True)
        rows = window_shortcuts(window)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, (keys, does) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(does))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 520)
        self.setWindowModality(Qt.WindowModality.NonModal)

    def rows(self) -> list[tuple[str, str]]:
        return [
            (self.table.item(row, 0).text(), self.table.item(row, 1).text())
            for row in range(self.table.rowCount())
        ]
