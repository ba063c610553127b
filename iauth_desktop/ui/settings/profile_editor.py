"""Add or edit one profile: name, endpoint, appid, and its two secrets (OS keyring only).

The secret fields are never filled with what the keyring holds: they show whether a value is
stored, and a blank field on edit keeps the stored one. Nothing is written unless everything
is valid, and secrets are refused outright when the keyring backend is not a secure OS store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.config.profiles import Profile, ProfileStore
from iauth_desktop.core.config.secrets import SecretKind, SecretStore
from iauth_desktop.core.model.errors import KeyLengthError, UsageError
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.grow_to_fit import grow_to_fit
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.providers.detectinfo.connection_probe import (
    ConnectionTester,
    ProbeOutcome,
    explain_outcome,
)
from iauth_desktop.ui.settings.endpoint_field import EndpointField
from iauth_desktop.ui.theme import ink

audit = logging.getLogger("iauth_desktop.audit")


def _plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ProfileEditor(Retranslating, QDialog):
    """``saved(name)`` after the profile (and any new secret) was written."""

    saved = Signal(str)

    def __init__(
        self,
        parent: QWidget | None,
        profiles: ProfileStore,
        secrets: SecretStore,
        profile: Profile | None = None,
        options_provider: Callable[[], ClientOptions] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profileEditor")
        self._profiles = profiles
        self._secrets = secrets
        self._original = profile
        self._options_provider = options_provider or ClientOptions
        self.tester = ConnectionTester(self)
        self.tester.finished.connect(self._show_outcome)
        self._build()
        self.endpoint.set_endpoint(profile.endpoint if profile else get_spec().default_endpoint)
        self.endpoint.changed.connect(lambda: grow_to_fit(self))  # the production warning
        if profile is not None:
            self.name_edit.setText(profile.name)
            self.name_edit.setReadOnly(True)
            self.appid_edit.setText(profile.appid)
        self._stored = {kind: self._is_stored(kind) for kind in ("secret_key", "aes_key")}
        self._keyring = secrets.status()
        self.retranslate_ui()

    def _build(self) -> None:
        self.name_edit = QLineEdit(self)
        self.endpoint = EndpointField(self)
        self.appid_edit = QLineEdit(self)
        self.secret_edit, self.secret_state = self._secret_row("secretKey")
        self.aes_edit, self.aes_state = self._secret_row("aesKey")
        self.keyring_label = _plain_label(self, "keyringStatus")
        self.error_label = _plain_label(self, "errorMessage")
        self.error_label.setStyleSheet(ink("bad"))
        self.error_label.hide()
        self.test_button = QPushButton(self)
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = _plain_label(self, "testResult")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        fields = (
            self.name_edit,
            self.endpoint,
            self.appid_edit,
            self._row(self.secret_edit, self.secret_state),
            self._row(self.aes_edit, self.aes_state),
        )
        self.form_labels = [QLabel(self) for _ in fields]
        for label, field in zip(self.form_labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.keyring_label)
        layout.addLayout(test_row)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def _secret_row(self, name: str) -> tuple[QLineEdit, QLabel]:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit, _plain_label(self, f"{name}State")

    def _row(self, edit: QLineEdit, state: QLabel) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 3)
        state.setWordWrap(False)
        row.addWidget(state, 0)
        return holder

    def retranslate_ui(self) -> None:
        editing = self._original is not None
        self.setWindowTitle(self.tr("Edit profile") if editing else self.tr("Add profile"))
        labels = (
            self.tr("&Name"),
            self.tr("&Endpoint"),
            self.tr("&App ID"),
            self.tr("&Secret key"),
            self.tr("AES &result key"),
        )
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.name_edit.setPlaceholderText(self.tr("letters, digits, - _ ."))
        keep = self.tr("leave blank to keep the stored key")
        self.secret_edit.setPlaceholderText(keep if self._stored["secret_key"] else "")
        self.aes_edit.setPlaceholderText(
            keep if self._stored["aes_key"] else self.tr("exactly 32 characters")
        )
        stored, absent = self.tr("stored in keyring"), self.tr("not stored")
        width = max(self.fontMetrics().horizontalAdvance(text) for text in (stored, absent))
        for kind, state in (("secret_key", self.secret_state), ("aes_key", self.aes_state)):
            state.setText(stored if self._stored[kind] else absent)
            state.setMinimumWidth(width + 4)  # both fields line up whatever each one says
        status = self._keyring
        if status.secure:
            text = self.tr("Keyring: {backend}").format(backend=status.backend)
            self.keyring_label.setStyleSheet("")
        else:
            text = self.tr("Keyring: {backend} — secrets cannot be saved: {why}").format(
                backend=status.backend, why=status.explanation
            )
            self.keyring_label.setStyleSheet(ink("bad"))
        self.keyring_label.setText(text)
        self.test_button.setText(self.tr("Test connection"))

    # --- state ------------------------------------------------------------------------------

    def _is_stored(self, kind: SecretKind) -> bool:
        if self._original is None:
            return False
        return self._secrets.get(self._original.name, kind) is not None

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        grow_to_fit(self)

    # --- save -------------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate everything, then store the secrets, then the profile; False with a message."""
        self._show_error("")
        try:
            original = self._original
            profile = Profile.create(
                self.name_edit.text().strip(),
                self.endpoint.endpoint(),
                self.appid_edit.text(),
                # kept as the command line set them: the editor does not show them yet
                crypt_type=original.crypt_type if original else None,
                rsa_public_key=original.rsa_public_key if original else None,
            )
        except UsageError as exc:
            self._show_error(self.tr("Not saved: {reason}").format(reason=error_text(exc)))
            return False
        if self._original is None and profile.name in self._profiles:
            self._show_error(
                self.tr("A profile named “{name}” already exists.").format(name=profile.name)
            )
            return False
        new_secrets = self._entered_secrets()
        if new_secrets is None:
            return False
        status = self._secrets.status()
        if new_secrets and not status.secure:
            self._show_error(
                self.tr(
                    "Nothing was saved: secrets are never stored outside a secure keyring. {why}"
                ).format(why=status.explanation)
            )
            return False
        try:
            for kind, value in new_secrets.items():
                self._secrets.set(profile.name, kind, value)
            self._profiles.add(profile, replace=self._original is not None)
        except UsageError as exc:  # InsecureKeyringError included: the backend refused
            self._show_error(self.tr("Not saved: {reason}").format(reason=error_text(exc)))
            return False
        event = "profile edited" if self._original is not None else "profile added"
        audit.info("%s: %s", event, profile.name)
        for kind in new_secrets:
            audit.info("profile secret stored: %s (%s)", profile.name, kind)
        self.secret_edit.clear()
        self.aes_edit.clear()
        self.saved.emit(profile.name)
        self.accept()
        return True

    def _entered_secrets(self) -> dict[SecretKind, str] | None:
        """The non-blank secret fields; None (with a message) when the AES key is malformed."""
        entered: dict[SecretKind, str] = {}
        secret, aes = self.secret_edit.text().strip(), self.aes_edit.text().strip()
        if aes:
            try:
                get_spec().check_secret("aes_key", aes)
            except KeyLengthError:
                self._show_error(
                    self.tr(
                        "The AES result key must be exactly 32 characters; the one entered has "
                        "{count}. Nothing was saved."
                    ).format(count=len(aes))
                )
                return None
            entered["aes_key"] = aes
        if secret:
            entered["secret_key"] = secret
        return entered

    # --- test connection --------------------------------------------------------------------

    def test_connection(self) -> None:
        """Probe the endpoint with the entered (or stored) credentials, off the GUI thread."""
        appid = self.appid_edit.text().strip()
        secret = self.secret_edit.text().strip()
        if not secret and self._original is not None:
            secret = self._secrets.get(self._original.name, "secret_key") or ""
        if not appid or not secret:
            self._show_result(self.tr("Enter the appid and the secret key to test."), good=False)
            return
        try:
            options = self._options_provider()
        except UsageError as exc:
            self._show_result(error_text(exc), good=False)
            return
        self.test_button.setEnabled(False)
        self._show_result(self.tr("Testing…"), good=None)
        self.tester.start(self.endpoint.endpoint(), appid, secret, options)

    def _show_outcome(self, outcome: ProbeOutcome) -> None:
        self.test_button.setEnabled(True)
        self._show_result(explain_outcome(outcome), good=outcome.kind == "accepted")

    def _show_result(self, text: str, *, good: bool | None) -> None:
        self.test_result.setText(text)
        style = "" if good is None else ink("good") if good else ink("bad")
        self.test_result.setStyleSheet(style)
        grow_to_fit(self)

    def done(self, result: int) -> None:
        self.tester.cancel()
        super().done(result)
