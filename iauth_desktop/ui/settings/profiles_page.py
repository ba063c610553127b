"""The Profiles page of Settings: list, add, edit, remove, set default. Changes save at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.config.profiles import Profile, ProfileStore
from iauth_desktop.core.config.secrets import SecretStore
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.net.options import ClientOptions
from iauth_desktop.core.providers.registry import classify_endpoint
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.settings.profile_editor import ProfileEditor
from iauth_desktop.ui.theme import ink, text_colour

audit = logging.getLogger("iauth_desktop.audit")
_NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class ProfilesPage(Retranslating, QWidget):
    """``profiles_changed`` after any add, edit, removal or change of the default."""

    profiles_changed = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        profiles: ProfileStore,
        secrets: SecretStore,
        options_provider: Callable[[], ClientOptions] | None = None,
        audit: AuditHooks | None = None,
    ) -> None:
        super().__init__(parent)
        self._audit = audit  # profile_change entries: the name and what was done, no secret
        self._profiles = profiles
        self._secrets = secrets
        self._options_provider = options_provider
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("profileList")
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self._edit_selected())
        self.add_button, self.edit_button = QPushButton(self), QPushButton(self)
        self.remove_button, self.default_button = QPushButton(self), QPushButton(self)
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.remove_button.clicked.connect(self._remove_selected)
        self.default_button.clicked.connect(self._default_selected)
        self.keyring_label = QLabel(self)
        self.keyring_label.setObjectName("keyringStatus")
        self.keyring_label.setTextFormat(Qt.TextFormat.PlainText)
        self.keyring_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ink("bad"))
        self.error_label.hide()
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.default_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.keyring_label)
        layout.addWidget(self.error_label)
        self._keyring = secrets.status()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.tree.setHeaderLabels(
            [self.tr("Name"), self.tr("App ID"), self.tr("Endpoint"), self.tr("Default")]
        )
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.remove_button.setText(self.tr("Remove"))
        self.default_button.setText(self.tr("Set as default"))
        status = self._keyring
        if status.secure:
            self.keyring_label.setText(
                self.tr("Secrets are kept in the OS keyring: {backend}.").format(
                    backend=status.backend
                )
            )
            self.keyring_label.setStyleSheet("")
        else:
            self.keyring_label.setText(
                self.tr(
                    "Keyring backend {backend} is not secure; secrets cannot be saved: {why}"
                ).format(backend=status.backend, why=status.explanation)
            )
            self.keyring_label.setStyleSheet(ink("bad"))
        self.refresh()

    def _endpoint_text(self, url: str) -> str:
        kind = classify_endpoint(url)
        host = urlsplit(url).netloc
        return {
            "test": self.tr("test"),
            "sandbox": self.tr("sandbox"),
            "production": self.tr("⚠ PRODUCTION"),
            "loopback": self.tr("local: {host}").format(host=host),
        }.get(kind, self.tr("custom: {host}").format(host=host))

    def refresh(self) -> None:
        """Re-read the store (another window or the CLI may have changed it)."""
        selected = self.selected_name()
        self.tree.clear()
        try:
            listed, default = self._profiles.list(), self._profiles.default()
        except UsageError as exc:
            self._show_error(error_text(exc))
            listed, default = [], None
        for profile in listed:
            item = self._item(profile, default)
            self.tree.addTopLevelItem(item)
            if profile.name == selected:
                self.tree.setCurrentItem(item)
        self._update_buttons()

    def _item(self, profile: Profile, default: Profile | None) -> QTreeWidgetItem:
        is_default = default is not None and default.name == profile.name
        item = QTreeWidgetItem(
            [
                profile.name,
                profile.appid,
                self._endpoint_text(profile.endpoint),
                self.tr("✔ default") if is_default else "",
            ]
        )
        item.setData(0, _NAME_ROLE, profile.name)
        item.setToolTip(2, profile.endpoint)
        if classify_endpoint(profile.endpoint) == "production":
            item.setForeground(2, QBrush(text_colour("bad")))
        return item

    def selected_name(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else str(item.data(0, _NAME_ROLE))

    def select(self, name: str) -> None:
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            if item is not None and item.data(0, _NAME_ROLE) == name:
                self.tree.setCurrentItem(item)

    def _update_buttons(self) -> None:
        has = self.selected_name() is not None
        for button in (self.edit_button, self.remove_button, self.default_button):
            button.setEnabled(has)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # --- actions ----------------------------------------------------------------------------

    def open_editor(self, name: str | None) -> ProfileEditor | None:
        """Open the (window-modal) editor for ``name``, or for a new profile when None."""
        self._show_error("")
        try:
            profile = None if name is None else self._profiles.get(name)
        except UsageError as exc:
            self._show_error(error_text(exc))
            return None
        editor = ProfileEditor(self, self._profiles, self._secrets, profile, self._options_provider)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.saved.connect(lambda saved: self._saved(saved, "add" if name is None else "edit"))
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def _saved(self, name: str, action: str = "edit") -> None:
        if self._audit is not None:
            self._audit.profile_changed(name, action)
        self.refresh()
        self.select(name)
        self.profiles_changed.emit()

    def _edit_selected(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.open_editor(name)

    def _remove_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove profile"),
            self.tr("Remove profile “{name}” and its secrets from the keyring?").format(name=name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_profile(name)

    def remove_profile(self, name: str) -> bool:
        """Remove the profile, then its keyring secrets; False (with a message) on failure."""
        self._show_error("")
        try:
            removed = self._profiles.remove(name)
            self._secrets.delete(removed.name)
        except UsageError as exc:  # InsecureKeyringError included
            self._show_error(error_text(exc))
            self.refresh()
            return False
        audit.info("profile removed: %s", removed.name)
        if self._audit is not None:
            self._audit.profile_changed(removed.name, "remove")
        self.refresh()
        self.profiles_changed.emit()
        return True

    def _default_selected(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.set_default(name)

    def set_default(self, name: str) -> bool:
        self._show_error("")
        try:
            self._profiles.set_default(name)
        except UsageError as exc:
            self._show_error(error_text(exc))
            return False
        audit.info("default profile set: %s", name)
        if self._audit is not None:
            self._audit.profile_changed(name, "set_default")
        self.refresh()
        self.select(name)
        self.profiles_changed.emit()
        return True
