"""Interface language: Chinese (zh_CN) or English, following the system locale unless chosen."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from iauth_desktop.core.resources import resource_path

LANGUAGES = ("zh_CN", "en")
_log = logging.getLogger(__name__)
_state: dict[str, object] = {"language": "en", "translator": None}


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def current_language() -> str:
    return str(_state["language"])


def translation_file(language: str) -> str:
    return str(resource_path("translations", f"iauth_desktop_{language}.qm"))


def install_language(app: QCoreApplication, language: str) -> bool:
    """Switch the whole interface; widgets re-label themselves on QEvent.LanguageChange."""
    if language not in LANGUAGES:
        language = "en"
    old = _state["translator"]
    if isinstance(old, QTranslator):
        app.removeTranslator(old)
        _state["translator"] = None
    _state["language"] = language
    if language == "en":
        return True
    translator = QTranslator(app)
    if not translator.load(translation_file(language)):
        _log.warning("translation for %s not found; staying in English", language)
        _state["language"] = "en"
        return False
    app.installTranslator(translator)
    _state["translator"] = translator
    return True
