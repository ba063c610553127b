"""Find a field among thousands: the next row whose label, key or value as shown (masked
values stay masked) holds the text; Ctrl+F focuses it, Enter finds the next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

from iauth_desktop.ui.case.fields_view import FieldsTable
from iauth_desktop.ui.i18n import Retranslating


class FieldFinder(Retranslating, QLineEdit):
    def __init__(self, table: FieldsTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.setClearButtonEnabled(True)
        self.textEdited.connect(lambda _text: self.find_next(from_start=True))
        self.returnPressed.connect(self.find_next)
        self._shortcut = QShortcut(QKeySequence.StandardKey.Find, table.window() or table)
        self._shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self._shortcut.activated.connect(self._focus)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(self.tr("Find a field (Ctrl+F)"))
        self.setAccessibleName(self.tr("Find a field"))
        self._shortcut.setWhatsThis(self.tr("Find a field"))

    def find_next(self, *, from_start: bool = False) -> bool:
        """Select the next matching row (wrapping); False, and the box marked, when none."""
        text = self.text().strip()
        if not text:
            self.setStyleSheet("")
            return False
        model = self._table.fields_model()
        start = -1 if from_start else self._table.current_row()
        row = model.find(text, after=start)
        found = row >= 0
        self.setStyleSheet("" if found else "QLineEdit { background: #fce8e6; }")
        if found:
            self._table.select_row(row)
        return found

    def _focus(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
