"""The case's fields as a flat table: identity fields, the digits read aloud, then "other fields".

ID and phone numbers are masked by default (core.masking); a reviewer reveals one row at a time.
The model holds decrypted values, so ``clear()`` drops them all when a case is closed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics

from iauth_desktop.core.model.masking import is_masked_field, mask_field
from iauth_desktop.core.model.result import FieldRole as IdentityRole
from iauth_desktop.core.model.result import VerificationResult
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.labels import role_label

_audit = logging.getLogger("iauth_desktop.audit")

AnyIndex = QModelIndex | QPersistentModelIndex


class FieldColumn(IntEnum):
    LABEL = 0
    VALUE = 1
    KEY = 2


class FieldRole(IntEnum):
    KEY = Qt.ItemDataRole.UserRole + 1  # the raw field key (None on the section header)
    UNMASKED_VALUE = Qt.ItemDataRole.UserRole + 2  # full value, only while shown in full
    MASKED = Qt.ItemDataRole.UserRole + 3  # True while the value is shown masked
    MASKABLE = Qt.ItemDataRole.UserRole + 4  # True for fields masked by default
    SECTION = Qt.ItemDataRole.UserRole + 5  # "documented", "header" or "other"
    PRESENT = Qt.ItemDataRole.UserRole + 6  # False when the service did not send the field


@dataclass
class _Row:
    key: str | None  # None for the "other fields" header row
    value: str
    section: str
    present: bool = True
    revealed: bool = False
    role: IdentityRole | None = None  # None for the fields the provider does not name

    @property
    def masked(self) -> bool:
        return self.role is not None and is_masked_field(self.role) and not self.revealed


# What one cell shows of a value: a 5-million-character name laid out in a table cell stalls the
# GUI for seconds. The full value stays in the model (FieldRole.UNMASKED_VALUE, Copy value).
SHOWN_CHARS = 500


def shown_text(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def display_text(value: Any) -> str:
    """Strings as sent; anything else as JSON (``41.2``, ``true``, ``{"a": 1}``)."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.SizeHintRole,
    }
    | set(FieldRole)
)


def _no_digits(item: _Row) -> bool:
    """The digits field sent empty: an action-liveness case, which has no digits to read."""
    return item.role == IdentityRole.CHALLENGE and item.present and not item.value.strip()


class FieldsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        # The first layout asks for every cell's text many times: computed once, kept until the
        # case, the masking or the language changes (a case shows without stalling the GUI).
        self._texts: dict[tuple[int, int], str] = {}
        self.audit: AuditHooks | None = None  # reveal and copy entries go to its audit log

    # --- loading -----------------------------------------------------------------------------

    def load(self, result: VerificationResult) -> None:
        """Every identity field (absent ones marked), the digits read aloud, then the fields the
        provider does not name."""
        rows = [
            _Row(f.key, f.value, "documented", present=f.sent, role=f.role) for f in result.fields
        ]
        extras = result.extra_fields
        if extras:
            rows.append(_Row(None, "", "header"))
            rows.extend(_Row(key, display_text(value), "other") for key, value in extras.items())
        self.beginResetModel()
        self._rows = rows
        self._texts.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._texts.clear()
        self.endResetModel()

    # --- masking -----------------------------------------------------------------------------

    def reveal(self, row: int) -> bool:
        """Show a masked field in full; recorded in the audit log (the key, never the value).
        Refused when the audit log cannot record it."""
        item = self._row(row)
        if item is None or not item.masked:
            return False
        if self.audit is not None and not self.audit.revealed(str(item.key)):
            return False
        item.revealed = True
        _audit.info("reveal field=%s", item.key)
        self._value_changed(row)
        return True

    def hide(self, row: int) -> bool:
        item = self._row(row)
        if item is None or not item.revealed:
            return False
        item.revealed = False
        self._value_changed(row)
        return True

    def hide_all(self) -> None:
        for row, item in enumerate(self._rows):
            if item.revealed:
                self.hide(row)

    def header_rows(self) -> list[int]:
        """The rows that head a section (they span the table)."""
        return [row for row, item in enumerate(self._rows) if item.section == "header"]

    def find(self, text: str, *, after: int = -1) -> int:
        """The first row after ``after`` (wrapping round) whose label, key or value as shown
        holds ``text`` (case-insensitive); -1 when none does. A masked value is searched as
        masked: a search never reveals what is hidden."""
        needle = text.casefold()
        count = len(self._rows)
        for step in range(1, count + 1):
            row = (after + step) % count
            item = self._rows[row]
            if item.key is None:
                continue
            shown = (
                self._display(item, FieldColumn.LABEL),
                item.key,
                self._display(item, FieldColumn.VALUE),
            )
            if any(needle in part.casefold() for part in shown):
                return row
        return -1

    def row_of(self, key: str) -> int:
        """The row of field ``key``; -1 when the model has no such row."""
        return next((row for row, item in enumerate(self._rows) if item.key == key), -1)

    def _row(self, row: int) -> _Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _value_changed(self, row: int) -> None:
        self._texts.pop((row, FieldColumn.VALUE), None)
        index = self.index(row, FieldColumn.VALUE)
        roles = [
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            FieldRole.UNMASKED_VALUE,
            FieldRole.MASKED,
        ]
        self.dataChanged.emit(index, index, roles)

    def retranslate_ui(self) -> None:
        """Labels and headers in the new language (the view calls this on LanguageChange)."""
        self._texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(FieldColumn) - 1)
        if self._rows:
            first = self.index(0, FieldColumn.LABEL)
            last = self.index(len(self._rows) - 1, FieldColumn.VALUE)
            self.dataChanged.emit(
                first, last, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]
            )

    # --- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FieldColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].section == "header":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            FieldColumn.LABEL: self.tr("Field"),
            FieldColumn.VALUE: self.tr("Value"),
            FieldColumn.KEY: self.tr("Key"),
        }
        return headers.get(FieldColumn(section)) if 0 <= section < len(FieldColumn) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._texts.get((row, col))
            if text is None and 0 <= row < len(self._rows):
                text = self._texts[(row, col)] = self._cell_text(self._rows[row], col)
            return text
        if not 0 <= row < len(self._rows):
            return None
        return self._other_role(self._rows[row], FieldColumn(col), role)

    def _other_role(self, item: _Row, column: FieldColumn, role: int) -> Any:
        if item.section == "header":
            return self._header_data(column, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        not_a_value = not item.present or _no_digits(item)
        if role == Qt.ItemDataRole.FontRole and not_a_value and column == FieldColumn.VALUE:
            font = QFont()
            font.setItalic(True)
            return font
        return self._custom_data(item, role)

    def _cell_text(self, item: _Row, col: int) -> str:
        column = FieldColumn(col)
        if item.section == "header":
            return str(self._header_data(column, Qt.ItemDataRole.DisplayRole))
        return self._display(item, column)

    def _custom_data(self, item: _Row, role: int) -> Any:
        if role == FieldRole.UNMASKED_VALUE:
            return None if item.masked else item.value
        if role == FieldRole.MASKABLE:
            return item.role is not None and is_masked_field(item.role)
        plain = {
            FieldRole.KEY: item.key,
            FieldRole.MASKED: item.masked,
            FieldRole.SECTION: item.section,
            FieldRole.PRESENT: item.present,
        }
        return plain.get(role)  # type: ignore[call-overload]

    def _header_data(self, column: FieldColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Other fields (not in the integration document)") if column == 0 else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.SizeHintRole:
            # the title reads across the row (spanned): it must not widen the first column
            return QSize(
                1, QFontMetrics(self._header_data(column, Qt.ItemDataRole.FontRole)).height() + 6
            )
        if role == FieldRole.SECTION:
            return "header"
        if role in (FieldRole.MASKED, FieldRole.MASKABLE):
            return False
        return None

    def _display(self, item: _Row, column: FieldColumn) -> str:
        key = item.key or ""
        if column == FieldColumn.LABEL:
            return role_label(item.role) if item.role is not None else key
        if column == FieldColumn.KEY:
            return key
        if not item.present:
            return self.tr("(not sent)")
        if _no_digits(item):  # action liveness: said, as the panel beside the video says it
            return self.tr("none — action liveness")
        return shown_text(mask_field(item.role or "", item.value) if item.masked else item.value)

    def _tooltip(self, item: _Row, column: FieldColumn) -> str | None:
        if column != FieldColumn.VALUE:
            return None
        if not item.present:
            return self.tr("The service did not send this field.")
        if item.masked:
            return self.tr("Masked. Use Reveal to show the full value (the reveal is recorded).")
        if len(item.value) > SHOWN_CHARS:
            return self.tr(
                "Shortened: {count} characters in all. Copy value (Ctrl+C) copies all of it."
            ).format(count=len(item.value))
        return None
