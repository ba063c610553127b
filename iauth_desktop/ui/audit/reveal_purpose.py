"""Why a masked value is revealed or copied: asked once per open case, written into the audit.

A short list (compare with the card, check with the customer, fraud investigation, supervisor
request) plus free text. The free text goes into the audit log, which refuses ID and phone
numbers; numbers of six digits or more (a date, part of a number) are refused here already,
with words a reviewer understands.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.theme import ink

# The purposes as recorded in the audit log (English, like every other entry); shown translated.
PURPOSES = (
    "compare with the card",
    "check with the customer",
    "fraud investigation",
    "supervisor request",
)
MAX_DETAILS = 200
_NUMBER_LIKE = re.compile(r"\d[\d\s./-]{4,}\d")


def purpose_text(choice: str, details: str) -> str:
    """The audit entry's ``purpose``: the chosen reason, and the details when given."""
    details = " ".join(details.split())
    return f"{choice}: {details}" if details else choice


def details_problem(details: str) -> str | None:
    """Why the free text cannot go into the audit log (English; the dialog words it)."""
    if len(details) > MAX_DETAILS:
        return "too long"
    if _NUMBER_LIKE.search(details):
        return "number"
    return None


class PurposeDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revealPurpose")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.reason_label, self.details_label = QLabel(self), QLabel(self)
        self.reason_combo = QComboBox(self)
        self.details_edit = QLineEdit(self)
        self.details_edit.setMaxLength(MAX_DETAILS)
        self.reason_label.setBuddy(self.reason_combo)
        self.details_label.setBuddy(self.details_edit)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(ink("bad"))
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason_combo)
        form.addRow(self.details_label, self.details_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Why reveal?"))
        self.intro.setText(
            self.tr(
                "Showing or copying a masked value is recorded in the audit log with its "
                "purpose. The purpose is asked once for this case."
            )
        )
        self.reason_label.setText(self.tr("&Purpose"))
        self.details_label.setText(self.tr("&Details"))
        self.details_edit.setPlaceholderText(self.tr("optional; no numbers from the case"))
        labels = (
            self.tr("Compare with the card"),
            self.tr("Check with the customer"),
            self.tr("Fraud investigation"),
            self.tr("Supervisor request"),
        )
        current = max(self.reason_combo.currentIndex(), 0)
        self.reason_combo.clear()
        for label, value in zip(labels, PURPOSES, strict=True):
            self.reason_combo.addItem(label, value)
        self.reason_combo.setCurrentIndex(current)

    def purpose(self) -> str:
        return purpose_text(str(self.reason_combo.currentData()), self.details_edit.text())

    def accept(self) -> None:
        problem = details_problem(self.details_edit.text())
        if problem is not None:
            self.error_label.setText(
                self.tr("Leave numbers from the case out of the details: they go into the log.")
                if problem == "number"
                else self.tr("The details are too long.")
            )
            self.error_label.show()
            return
        super().accept()


def ask_purpose(parent: QWidget | None) -> str | None:
    """The purpose the reviewer gives, or None when they cancel (nothing is then revealed)."""
    dialog = PurposeDialog(parent)
    try:
        return dialog.purpose() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
