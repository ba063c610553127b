"""The widgets of the export dialog and their layout; behaviour is in ``export_dialog``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.ui.review.decision_form import ERROR_STYLE
from iauth_desktop.ui.theme import ink


def _value_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ExportForm(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_label = _value_label(self)
        self.target_label = QLabel(self)
        self.target_edit = QLineEdit(self)
        self.target_edit.setObjectName("exportTarget")
        self.target_label.setBuddy(self.target_edit)
        self.folder_button, self.zip_button = QPushButton(self), QPushButton(self)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_edit, 1)
        target_row.addWidget(self.folder_button)
        target_row.addWidget(self.zip_button)
        self.encrypt_check = QCheckBox(self)
        self.encrypt_check.setObjectName("encrypt")
        self.password_label, self.confirm_label = QLabel(self), QLabel(self)
        self.password_edit, self.confirm_edit = QLineEdit(self), QLineEdit(self)
        for label, edit in (
            (self.password_label, self.password_edit),
            (self.confirm_label, self.confirm_edit),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setEnabled(False)
            label.setBuddy(edit)
            self.encrypt_check.toggled.connect(edit.setEnabled)
        self.contents_hint = QLabel(self)
        self.contents_hint.setWordWrap(True)
        self.evidence_check = QCheckBox(self)
        self.evidence_check.setObjectName("evidence")
        self.evidence_hint = QLabel(self)
        self.evidence_hint.setWordWrap(True)
        self.evidence_hint.setStyleSheet(ink("bad"))
        self.purpose_label, self.recipient_label = QLabel(self), QLabel(self)
        self.purpose_edit = QComboBox(self)
        self.purpose_edit.setEditable(True)
        self.purpose_edit.setObjectName("exportPurpose")
        self.recipient_edit = QLineEdit(self)
        self.recipient_edit.setObjectName("exportRecipient")
        self.purpose_label.setBuddy(self.purpose_edit)
        self.recipient_label.setBuddy(self.recipient_edit)
        self.evidence_check.toggled.connect(self._evidence_toggled)
        self._evidence_toggled(False)

        self._make_outcome()
        self._lay_out(target_row)
        self.resize(680, 380)

    def _make_outcome(self) -> None:
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.status_label = _value_label(self)
        self.result_title = QLabel(self)
        self.path_value, self.sha_value = _value_label(self), _value_label(self)
        self.sha_value.setObjectName("exportSha256")
        for widget in (self.result_title, self.path_value, self.sha_value):
            widget.hide()
        self.error_label = _value_label(self)
        self.error_label.setObjectName("exportError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.export_button, self.cancel_button = QPushButton(self), QPushButton(self)
        self.export_button.setDefault(True)

    def _lay_out(self, target_row: QHBoxLayout) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        form = QFormLayout()
        form.addRow(self.target_label, target_row)
        form.addRow(self.encrypt_check)
        form.addRow(self.password_label, self.password_edit)
        form.addRow(self.confirm_label, self.confirm_edit)
        form.addRow(self.contents_hint)
        form.addRow(self.evidence_check)
        form.addRow(self.evidence_hint)
        form.addRow(self.purpose_label, self.purpose_edit)
        form.addRow(self.recipient_label, self.recipient_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.case_label)
        layout.addLayout(form)
        for widget in (self.progress_bar, self.status_label, self.result_title):
            layout.addWidget(widget)
        layout.addWidget(self.path_value)
        layout.addWidget(self.sha_value)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _evidence_toggled(self, on: bool) -> None:
        """Evidence leaves encrypted unless the reviewer unticks it; purpose and recipient."""
        for widget in (
            self.evidence_hint,
            self.purpose_label,
            self.purpose_edit,
            self.recipient_label,
            self.recipient_edit,
        ):
            widget.setVisible(on)
        if on:
            self.encrypt_check.setChecked(True)

    def inputs(self) -> list[QWidget]:
        return [
            self.target_edit,
            self.folder_button,
            self.zip_button,
            self.encrypt_check,
            self.evidence_check,
            self.purpose_edit,
            self.recipient_edit,
            self.export_button,
        ]

    def set_running(self, running: bool) -> None:
        for widget in self.inputs():
            widget.setEnabled(not running)
        for edit in (self.password_edit, self.confirm_edit):
            edit.setEnabled(not running and self.encrypt_check.isChecked())
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel export") if running else self.tr("Close"))
        self.progress_bar.setVisible(running)
        if running:
            self.progress_bar.setRange(0, 0)
            for widget in (self.result_title, self.path_value, self.sha_value):
                widget.hide()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def show_result(self, path: str, sha256: str) -> None:
        self.path_value.setText(path)
        self.sha_value.setText(self.tr("SHA-256: {digest}").format(digest=sha256))
        for widget in (self.result_title, self.path_value, self.sha_value):
            widget.show()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export case"))
        self.target_label.setText(self.tr("&Export to"))
        self.target_edit.setPlaceholderText(self.tr("a new folder, or a file ending in .zip"))
        self.folder_button.setText(self.tr("&Folder…"))
        self.zip_button.setText(self.tr("&Zip file…"))
        self.encrypt_check.setText(self.tr("Protect the zip with a &password (AES-256)"))
        self.password_label.setText(self.tr("Pass&word"))
        self.confirm_label.setText(self.tr("C&onfirm password"))
        self.password_edit.setPlaceholderText(self.tr("never stored"))
        self.contents_hint.setText(
            self.tr(
                "By default the export is a summary: the masked report, the evidence manifest "
                "(file names, sizes, SHA-256) and the case's audit entries. It holds no full "
                "identity value and cannot reopen the case."
            )
        )
        self.evidence_check.setText(
            self.tr("Export the &evidence: the bundle and the report with full identity values")
        )
        self.evidence_hint.setText(
            self.tr(
                "The evidence leaves as a password-protected AES-256 zip unless you untick the "
                "password. The purpose, the recipient and the choice are recorded in the audit log."
            )
        )
        self.purpose_label.setText(self.tr("&Purpose"))
        self.recipient_label.setText(self.tr("&Recipient"))
        self.recipient_edit.setPlaceholderText(self.tr("who receives the evidence"))
        purposes = [
            self.tr("Audit request"),
            self.tr("Regulator request"),
            self.tr("Fraud investigation"),
            self.tr("Legal proceedings"),
        ]
        typed = self.purpose_edit.currentText()
        self.purpose_edit.clear()
        self.purpose_edit.addItems(purposes)
        self.purpose_edit.setCurrentIndex(-1)
        self.purpose_edit.setEditText(typed)
        self.purpose_edit.lineEdit().setPlaceholderText(self.tr("choose or type why"))
        self.result_title.setText(self.tr("Written to:"))
        self.export_button.setText(self.tr("E&xport"))
        running = not self.export_button.isEnabled()
        self.cancel_button.setText(self.tr("Cancel export") if running else self.tr("Close"))
