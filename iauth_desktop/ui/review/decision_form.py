"""The widgets of the decision panel and their layout; behaviour is in ``decision_panel``.

The panel docks below the case (wide: the choice, the justification, the notes and the recorded
decisions side by side) or beside it (tall: one column); ``set_wide`` switches between the two.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.ui.review.decision_list import DecisionList
from iauth_desktop.ui.theme import SPACING, ink

ERROR_STYLE = "color: #8c1d18; background: #fce8e6; border: 1px solid #c5221f; padding: 4px;"
REQUIRED_EDIT_STYLE = "QPlainTextEdit, QLineEdit { border: 2px solid #b00020; }"
TEXT_HEIGHT = 60
LIST_HEIGHT = 110


def _plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _text_edit(parent: QWidget, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setFixedHeight(TEXT_HEIGHT)
    return edit


class DecisionForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_label = _plain_label(self)
        self.case_label.setObjectName("decisionCase")
        font = QFont(self.case_label.font())
        font.setBold(True)
        self.case_label.setFont(font)
        self._radios = [QRadioButton(self) for _ in range(3)]
        self.reason_label, self.reason_text_label = QLabel(self), QLabel(self)
        self.reason_combo = QComboBox(self)
        self.reason_combo.setObjectName("rejectReason")
        self.reason_combo.addItem("", None)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reasonText")
        self.reviewer_label = _plain_label(self)
        self.reviewer_label.setObjectName("reviewer")
        self.justification_label = QLabel(self)
        self.justification_edit = _text_edit(self, "justification")
        self.notes_label = QLabel(self)
        self.notes_edit = _text_edit(self, "notes")
        for label, buddy in (
            (self.reason_label, self.reason_combo),
            (self.reason_text_label, self.reason_edit),
            (self.justification_label, self.justification_edit),
            (self.notes_label, self.notes_edit),
        ):
            label.setBuddy(buddy)
        self.record_button = QPushButton(self)
        self.record_button.setObjectName("recordDecision")
        self.change_button = QPushButton(self)
        self.change_button.setObjectName("changeDecision")
        self.error_label = _plain_label(self)
        self.error_label.setObjectName("decisionError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.list_label = QLabel(self)
        self.decision_list = DecisionList(self)
        self.decision_list.setMinimumHeight(LIST_HEIGHT)
        self.list_label.setBuddy(self.decision_list)
        self._lay_out()

    def _lay_out(self) -> None:
        radios = QHBoxLayout()
        for radio in self._radios:
            radios.addWidget(radio)
        radios.addStretch(1)
        reasons = self._reasons = QFormLayout()
        reasons.setContentsMargins(0, 0, 0, 0)
        reasons.addRow(self.reason_label, self.reason_combo)
        reasons.addRow(self.reason_text_label, self.reason_edit)
        choice = QVBoxLayout()
        choice.addWidget(self.case_label)
        choice.addLayout(radios)
        choice.addLayout(reasons)
        choice.addWidget(self.reviewer_label)
        choice.addStretch(1)
        justification = QVBoxLayout()
        justification.addWidget(self.justification_label)
        justification.addWidget(self.justification_edit)
        justification.addStretch(1)
        notes = QVBoxLayout()
        notes.addWidget(self.notes_label)
        notes.addWidget(self.notes_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.record_button)
        notes.addLayout(buttons)
        notes.addStretch(1)
        recorded = QVBoxLayout()
        recorded.addWidget(self.error_label)
        recorded.addWidget(self.list_label)
        recorded.addWidget(self.decision_list, 1)
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._body.setContentsMargins(SPACING.normal, SPACING.snug, SPACING.normal, SPACING.snug)
        for part in (choice, justification, notes, recorded):
            self._body.addLayout(part)
        self.set_wide(False)

    def set_wide(self, wide: bool) -> None:
        """Side by side for a dock below the case, one column for a dock beside it."""
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        self._body.setDirection(direction)
        self._body.setSpacing(SPACING.wide if wide else SPACING.normal)
        for index, stretch in enumerate((3, 3, 3, 4) if wide else (0, 0, 0, 1)):
            self._body.setStretch(index, stretch)
        self._reasons.setRowWrapPolicy(  # labels above their fields in a narrow column
            QFormLayout.RowWrapPolicy.DontWrapRows
            if wide
            else QFormLayout.RowWrapPolicy.WrapAllRows
        )

    def radio_buttons(self) -> list[QRadioButton]:
        return list(self._radios)

    def form_widgets(self) -> list[QWidget]:
        """What the reviewer fills in (enabled only while a decision is being made)."""
        return [*self._radios, self.justification_edit, self.notes_edit]

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def error(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def set_justification_required(self, required: bool, rule: str) -> None:
        self.justification_label.setText(
            self.tr("J&ustification (required)") if required else self.tr("J&ustification")
        )
        self.justification_label.setStyleSheet(ink("bad", bold=True) if required else "")
        self.justification_label.setToolTip(rule if required else "")
        self.justification_edit.setStyleSheet(REQUIRED_EDIT_STYLE if required else "")
        self.justification_edit.setToolTip(rule if required else "")
        self.justification_edit.setAccessibleDescription(rule if required else "")

    def set_reason_text_required(self, required: bool) -> None:
        self.reason_text_label.setText(
            self.tr("&Details (required)") if required else self.tr("&Details")
        )
        self.reason_text_label.setStyleSheet(ink("bad", bold=True) if required else "")
        self.reason_edit.setStyleSheet(REQUIRED_EDIT_STYLE if required else "")

    def focus_first(self) -> None:
        """Keyboard: put the focus on the chosen decision (else Approve), ready for Space,
        the arrow keys between Approve / Reject / Escalate, Tab to the reason and the notes."""
        self.window().activateWindow()
        chosen = next((radio for radio in self._radios if radio.isChecked()), self._radios[0])
        chosen.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def retranslate_ui(self) -> None:
        self.list_label.setText(self.tr("Recorded decisions (never edited)"))
        # what a screen reader says of each control
        self.reason_combo.setAccessibleName(self.tr("Reject reason"))
        self.reason_edit.setAccessibleName(self.tr("Reason in words"))
        self.justification_edit.setAccessibleName(self.tr("Justification"))
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.reason_label.setText(self.tr("Reject r&eason"))
        self.reason_edit.setPlaceholderText(self.tr("A few words (no ID or phone numbers)"))
        self.notes_label.setText(self.tr("&Notes"))
        self.notes_edit.setPlaceholderText(self.tr("Optional; no full ID or phone numbers"))
        self.justification_edit.setPlaceholderText(
            self.tr("Why this case may be approved despite its verdict")
        )
        self.change_button.setText(self.tr("&Change decision"))
        self.change_button.setToolTip(
            self.tr("Record a new decision that replaces the latest one (it stays listed)")
        )
        self.record_button.setToolTip(self.tr("Record the decision (Ctrl+Enter)"))
