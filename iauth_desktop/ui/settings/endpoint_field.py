"""Choose a profile's endpoint: test, sandbox, production (unmistakably marked) or a custom URL."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from iauth_desktop.core.providers.registry import classify_endpoint, endpoint_kinds
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.theme import ink, text_colour

_NAMED = endpoint_kinds()
_KINDS = ("test", "sandbox", "production", "custom")


class EndpointField(Retranslating, QWidget):
    """A combo of the named environments plus "custom", and the URL it stands for."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("endpointKind")
        self.url = QLineEdit(self)
        self.url.setObjectName("endpointUrl")
        self.warning = QLabel(self)
        self.warning.setObjectName("productionWarning")
        self.warning.setStyleSheet(ink("bad", bold=True))
        self.warning.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.combo, self.url, self.warning):
            layout.addWidget(widget)
        for _ in _KINDS:
            self.combo.addItem("")
        self._custom_url = ""
        self.retranslate_ui()
        self.combo.currentIndexChanged.connect(self._kind_changed)
        self.url.textEdited.connect(self._url_edited)
        self._kind_changed()

    def retranslate_ui(self) -> None:
        labels = {
            "test": self.tr("Test environment"),
            "sandbox": self.tr("Sandbox environment"),
            "production": self.tr("⚠ PRODUCTION — real people's data"),
            "custom": self.tr("Custom URL (emulator, gateway…)"),
        }
        for index, kind in enumerate(_KINDS):
            self.combo.setItemText(index, labels[kind])
        production = _KINDS.index("production")
        self.combo.setItemData(production, text_colour("bad"), Qt.ItemDataRole.ForegroundRole)
        self.url.setPlaceholderText(self.tr("https://…/new/cgi-bin/getdetectinfo.php"))
        self.warning.setText(
            self.tr(
                "⚠ Production: fetched cases are real people's identity data. "
                "Handle them under your organisation's rules."
            )
        )

    def kind(self) -> str:
        return _KINDS[self.combo.currentIndex()]

    def endpoint(self) -> str:
        """The URL as entered (checked by ``Profile.create`` when saved)."""
        return self.url.text().strip()

    def set_endpoint(self, url: str) -> None:
        kind = classify_endpoint(url)
        named = kind if kind in _NAMED and _NAMED[kind] == url else "custom"
        if named == "custom":
            self._custom_url = url
        self.combo.setCurrentIndex(_KINDS.index(named))
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind()
        custom = kind == "custom"
        self.url.setReadOnly(not custom)
        self.url.setText(self._custom_url if custom else _NAMED[kind])
        self.url.setFocusPolicy(Qt.FocusPolicy.StrongFocus if custom else Qt.FocusPolicy.NoFocus)
        self.warning.setVisible(classify_endpoint(self.url.text()) == "production")
        self.changed.emit()

    def _url_edited(self, text: str) -> None:
        self._custom_url = text
        self.warning.setVisible(classify_endpoint(text) == "production")
        self.changed.emit()
