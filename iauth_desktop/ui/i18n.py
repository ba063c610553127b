"""Interface language: Chinese (zh_CN) or English, following the system locale unless chosen.

English is the source language (no translator). Chinese installs two translators: ours
(``resources/translations/iauth_desktop_zh_CN.qm``) and Qt's own ``qtbase_zh_CN.qm`` from the
PySide6 installation, so the standard buttons and dialogs (OK, Cancel, file dialogs) are Chinese
too. Installing or removing a translator makes Qt post ``QEvent.LanguageChange`` to every window;
each widget re-labels itself in its ``retranslate_ui``, which the ``Retranslating`` mixin calls.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from iauth_desktop.core.config.resources import resource_path

LANGUAGES = ("zh_CN", "en")
_log = logging.getLogger(__name__)
_state: dict[str, object] = {"language": "en", "translators": []}

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget
else:
    _Widget = object


class Retranslating(_Widget):
    """Mixin (before the Qt base) re-labelling a widget when the language changes.

    The texts stay in the widget's own ``retranslate_ui``: ``self.tr`` takes its context from the
    class, so moving the calls here would change the catalogue's contexts.
    """

    if TYPE_CHECKING:

        def retranslate_ui(self) -> None: ...

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def system_language() -> str:
    """The first of the system's UI languages (LANGUAGE, LC_MESSAGES, LANG …) we have."""
    for name in QLocale.system().uiLanguages():
        if name.lower().startswith("zh"):
            return "zh_CN"
        if name.lower().startswith("en"):
            return "en"
    return "en"


def current_language() -> str:
    return str(_state["language"])


def translation_file(language: str) -> str:
    return str(resource_path("translations", f"iauth_desktop_{language}.qm"))


def qt_translation_file(language: str) -> str:
    """Qt's own translation of its standard texts (dialog buttons, file dialogs)."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return str(Path(folder) / f"qtbase_{language}.qm")


def installed_translators() -> list[QTranslator]:
    """The translators this module installed (for tests)."""
    translators = _state["translators"]
    return list(translators) if isinstance(translators, list) else []


def install_language(app: QCoreApplication, language: str | None) -> bool:
    """Switch the whole interface (None: the system's language); False when the translation
    is missing and the interface stays in English."""
    if language is None:
        language = system_language()
    if language not in LANGUAGES:
        language = "en"
    for old in installed_translators():
        app.removeTranslator(old)
        old.deleteLater()
    _state["translators"] = []
    _state["language"] = language
    if language == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(translation_file(language)):
        _log.warning("translation for %s not found; staying in English", language)
        ours.deleteLater()
        _state["language"] = "en"
        return False
    translators = [ours]
    qt_own = QTranslator(app)
    if qt_own.load(qt_translation_file(language)):
        translators.append(qt_own)
    else:
        _log.info("Qt's own %s translation not found; standard buttons stay in English", language)
        qt_own.deleteLater()
    for translator in translators:
        app.installTranslator(translator)
    _state["translators"] = translators
    return True
