"""The status bar: profile, which endpoint (production unmistakably), keyring backend in use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from iauth_desktop.core.config.secrets import KeyringStatus
from iauth_desktop.core.providers.registry import classify_endpoint
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.settings.connections import Connection, display_label

# Endpoint kind -> (background, text colour). Production stands out; the word says it too.
_KIND_COLOURS = {
    "production": ("#b00020", "#ffffff"),
    "test": ("#1b5e20", "#ffffff"),
    "sandbox": ("#1b5e20", "#ffffff"),
    "loopback": ("#37474f", "#ffffff"),
    "custom": ("#a33a0c", "#ffffff"),
}


class ConnectionStatusBar(Retranslating, QStatusBar):
    """``keyring`` None: not known yet (``set_keyring`` says it once the window shows)."""

    def __init__(self, keyring: KeyringStatus | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keyring = keyring
        self._connection: Connection | None = None
        self.profile_label = QLabel()
        self.endpoint_label = QLabel()
        self.endpoint_label.setObjectName("endpointKind")
        self.keyring_label = QLabel()
        for label in (self.profile_label, self.endpoint_label, self.keyring_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.addPermanentWidget(label)
        self.retranslate_ui()

    @property
    def endpoint_kind(self) -> str | None:
        return None if self._connection is None else classify_endpoint(self._connection.endpoint)

    def set_connection(self, connection: Connection | None) -> None:
        self._connection = connection
        self.retranslate_ui()

    def set_keyring(self, keyring: KeyringStatus) -> None:
        self._keyring = keyring
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        connection = self._connection
        if connection is None:
            self.profile_label.setText(self.tr("No profile"))
            self.endpoint_label.clear()
        else:
            self.profile_label.setText(
                self.tr("Profile: {name} · appid {appid}").format(
                    name=display_label(connection), appid=connection.appid or "—"
                )
            )
            kind = classify_endpoint(connection.endpoint)
            background, colour = _KIND_COLOURS.get(kind, _KIND_COLOURS["custom"])
            self.endpoint_label.setText(f" {self._kind_word(kind)} ")
            self.endpoint_label.setToolTip(connection.endpoint)
            weight = "bold" if kind == "production" else "normal"
            self.endpoint_label.setStyleSheet(
                f"QLabel#endpointKind {{ background: {background}; color: {colour}; "
                f"font-weight: {weight}; border-radius: 3px; padding: 1px 6px; }}"
            )
        keyring = self._keyring
        if keyring is None:
            self.keyring_label.clear()
            return
        state = self.tr("secure") if keyring.secure else self.tr("NOT secure")
        self.keyring_label.setText(
            self.tr("Keyring: {backend} ({state})").format(backend=keyring.backend, state=state)
        )
        self.keyring_label.setToolTip(keyring.explanation)

    def _kind_word(self, kind: str) -> str:
        words = {
            "production": self.tr("PRODUCTION endpoint"),
            "test": self.tr("Test endpoint"),
            "sandbox": self.tr("Sandbox endpoint"),
            "loopback": self.tr("Local emulator (loopback)"),
            "custom": self.tr("Custom endpoint"),
        }
        return words.get(kind, kind)
