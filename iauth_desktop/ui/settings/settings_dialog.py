"""Settings: profiles (saved at once), network (proxy, CA bundle) and general (idle close,
language) — the last two saved on OK into ``AppSettings``. Nothing secret is ever stored there."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.audit import events
from iauth_desktop.core.config.profiles import ProfileStore
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.i18n import Retranslating, install_language, system_language
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.settings.profiles_page import ProfilesPage
from iauth_desktop.ui.settings.workflow_settings import WorkflowSettingsRows
from iauth_desktop.ui.shell.menus import LANGUAGE_NAMES
from iauth_desktop.ui.theme import ink

audit = logging.getLogger("iauth_desktop.audit")
_LANGUAGES: tuple[str | None, ...] = (None, "zh_CN", "en")
MAX_IDLE_MINUTES = 24 * 60


def check_proxy(text: str) -> str | None:
    """The proxy URL to use (None when blank), or UsageError saying what is wrong with it.

    A proxy password is refused: it would sit in a plain settings file.
    """
    value = text.strip()
    if not value:
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError as exc:
        raise UsageError(
            QCoreApplication.translate(
                "SettingsDialog", "the proxy URL is not usable: {reason}"
            ).format(reason=exc)
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            QCoreApplication.translate(
                "SettingsDialog",
                "the proxy must be an http:// or https:// URL with a host, e.g. http://proxy:3128",
            )
        )
    if parts.username is not None or parts.password is not None:
        raise UsageError(
            QCoreApplication.translate(
                "SettingsDialog",
                "a proxy user name or password would be stored in plain text: set HTTPS_PROXY "
                "in the environment instead, or use a proxy that authenticates the machine",
            )
        )
    return value


def check_ca_bundle(text: str) -> str | None:
    value = text.strip()
    if not value:
        return None
    if not Path(value).is_file():
        raise UsageError(
            QCoreApplication.translate(
                "SettingsDialog", "the CA bundle {path} does not exist or is not a file"
            ).format(path=value)
        )
    return value


class SettingsDialog(Retranslating, QDialog):
    """``settings_changed`` after OK saved the settings; ``profiles_changed`` after any profile
    change (those are saved at once, even if the dialog is then cancelled)."""

    settings_changed = Signal()
    profiles_changed = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        profiles: ProfileStore,
        secrets: SecretStore,
        settings: AppSettings,
        *,
        audit: AuditHooks | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.settings = settings
        self._audit = audit
        self.tabs = QTabWidget(self)
        self.profiles_page = ProfilesPage(self, profiles, secrets, self.client_options, audit)
        self.profiles_page.profiles_changed.connect(self.profiles_changed)
        self.tabs.addTab(self.profiles_page, "")
        self.tabs.addTab(self._network_page(), "")
        self.tabs.addTab(self._general_page(), "")
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ink("bad"))
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._load(settings)
        self.retranslate_ui()
        self.resize(720, 480)

    def _network_page(self) -> QWidget:
        page = QWidget(self)
        self.proxy_edit = QLineEdit(page)
        self.proxy_edit.setObjectName("proxy")
        self.ca_edit = QLineEdit(page)
        self.ca_edit.setObjectName("caBundle")
        self.ca_browse = QPushButton(page)
        self.ca_browse.clicked.connect(self._browse_ca_bundle)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_browse)
        self.network_hint = QLabel(page)
        self.network_hint.setWordWrap(True)
        self.proxy_label, self.ca_label = QLabel(page), QLabel(page)
        self.proxy_label.setBuddy(self.proxy_edit)
        self.ca_label.setBuddy(self.ca_edit)
        form = QFormLayout(page)
        form.addRow(self.proxy_label, self.proxy_edit)
        form.addRow(self.ca_label, ca_row)
        form.addRow(self.network_hint)
        return page

    def _general_page(self) -> QWidget:
        page = QWidget(self)
        self.idle_spin = QSpinBox(page)
        self.idle_spin.setObjectName("idleCloseMinutes")
        self.idle_spin.setRange(0, MAX_IDLE_MINUTES)
        self.language_combo = QComboBox(page)
        self.language_combo.setObjectName("language")
        for language in _LANGUAGES:
            self.language_combo.addItem("", language)
        self.idle_label, self.language_label = QLabel(page), QLabel(page)
        self.idle_label.setBuddy(self.idle_spin)
        self.language_label.setBuddy(self.language_combo)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.idle_label, self.idle_spin)
        form.addRow(self.language_label, self.language_combo)
        self.workflow_rows = WorkflowSettingsRows(page, form)
        return page

    def _load(self, settings: AppSettings) -> None:
        self.proxy_edit.setText(settings.proxy or "")
        self.ca_edit.setText(settings.ca_bundle or "")
        self.idle_spin.setValue(min(settings.idle_close_minutes, MAX_IDLE_MINUTES))
        index = self.language_combo.findData(settings.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.workflow_rows.load(settings)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for index, text in enumerate((self.tr("Profiles"), self.tr("Network"), self.tr("General"))):
            self.tabs.setTabText(index, text)
        self.proxy_label.setText(self.tr("&Proxy"))
        self.ca_label.setText(self.tr("&CA bundle"))
        self.proxy_edit.setPlaceholderText(
            self.tr("none (use HTTPS_PROXY if set), e.g. http://proxy.corp:3128")
        )
        self.ca_edit.setPlaceholderText(self.tr("none (system certificates), or a PEM file"))
        self.ca_browse.setText(self.tr("Browse…"))
        self.network_hint.setText(
            self.tr(
                "For corporate networks that inspect HTTPS: name the proxy and the PEM file of "
                "the company's root certificate. Certificates are always verified. A proxy "
                "password is not accepted here: it would be stored in plain text."
            )
        )
        self.idle_label.setText(self.tr("Close an &idle case after"))
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setSpecialValueText(self.tr("never"))
        self.language_label.setText(self.tr("&Language"))
        names = (self.tr("System default"), LANGUAGE_NAMES["zh_CN"], LANGUAGE_NAMES["en"])
        for index, name in enumerate(names):
            self.language_combo.setItemText(index, name)
        self.workflow_rows.retranslate_ui()

    def _browse_ca_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the CA bundle"),
            self.ca_edit.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_edit.setText(path)

    def client_options(self) -> ClientOptions:
        """Options for a connection test with what is entered now (UsageError when invalid)."""
        return ClientOptions(
            proxy=check_proxy(self.proxy_edit.text()),
            ca_bundle=check_ca_bundle(self.ca_edit.text()),
        )

    def apply(self) -> bool:
        """Validate and save the network and general settings; False with a message."""
        try:
            proxy = check_proxy(self.proxy_edit.text())
            ca_bundle = check_ca_bundle(self.ca_edit.text())
        except UsageError as exc:
            self._show_error(self.tr("Not saved: {reason}").format(reason=error_text(exc)))
            self.tabs.setCurrentIndex(1)
            return False
        try:
            workflow = self.workflow_rows.values()
        except UsageError as exc:
            self._show_error(self.tr("Not saved: {reason}").format(reason=error_text(exc)))
            self.tabs.setCurrentIndex(2)
            return False
        language = self.language_combo.currentData()
        old_language = self.settings.language
        updated = replace(
            self.settings,
            proxy=proxy,
            ca_bundle=ca_bundle,
            idle_close_minutes=self.idle_spin.value(),
            language=language,
            **workflow,
        )
        never = updated.idle_close_minutes == 0 and self.settings.idle_close_minutes != 0
        if never and not self._audit_never():
            return False
        try:
            updated.save()
        except UsageError as exc:
            self._show_error(self.tr("Not saved: {reason}").format(reason=error_text(exc)))
            return False
        for name in ("proxy", "ca_bundle", "idle_close_minutes", "language", *workflow):
            setattr(self.settings, name, getattr(updated, name))  # the caller's object, updated
        audit.info("console settings saved")
        if language != old_language:
            app = QCoreApplication.instance()
            if app is not None:
                install_language(app, language or system_language())
        self.settings_changed.emit()
        return True

    def _audit_never(self) -> bool:
        """Never closing an idle case leaves decrypted data on screen: recorded, or refused."""
        if self._audit is None:
            return True
        if self._audit.record(events.idle_close_changed(None)):
            return True
        self._show_error(
            self.tr("Not saved: the audit log cannot record it: {reason}").format(
                reason=self._audit.last_refusal
            )
        )
        return False

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def accept(self) -> None:
        if self.apply():
            super().accept()
