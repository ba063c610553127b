"""Helpers of the translation tests: the committed catalogue, Qt's translation tools, and every
text a window shows (to look for English source texts left in a Chinese window)."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

REPO_DIR = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO_DIR / "resources" / "translations"
TS_FILE = TRANSLATIONS / "iauth_desktop_zh_CN.ts"
QM_FILE = TRANSLATIONS / "iauth_desktop_zh_CN.qm"
# The same arguments as packaging/i18n/update-translations.sh.
LUPDATE_ARGS = [
    *("-no-obsolete", "-locations", "none"),
    *("-source-language", "en", "-target-language", "zh_CN"),
]
_PLACEHOLDER = re.compile(r"\{\w*\}|%\d")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    kind: str | None  # the translation's type attribute: None when finished


def read_catalog(path: Path = TS_FILE) -> list[Message]:
    root = ET.parse(path).getroot()
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, (name, message.findtext("source"))
            messages.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    translation.text or "",
                    translation.get("type"),
                )
            )
    return messages


def source_files() -> list[str]:
    """What the update script feeds lupdate, relative to the repository."""
    files = sorted(
        str(p.relative_to(REPO_DIR)) for p in (REPO_DIR / "iauth_desktop/ui").rglob("*.py")
    )
    return [*files, "iauth_desktop/app.py"]


def qt_tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` of the Python environment running the tests."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} not found beside {sys.executable} nor on PATH"
    return found


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def mnemonics(text: str) -> int:
    """How many keyboard accelerators (``&F``) a text carries (``&&`` is a literal ``&``)."""
    return len(re.findall(r"(?<!&)&(?=[^&\s])", text.replace("&&", "")))


# --- English left in a translated window ---------------------------------------------------------


@dataclass(frozen=True)
class SourceMatcher:
    message: Message
    pattern: re.Pattern[str]


def english_matchers(messages: Iterable[Message]) -> list[SourceMatcher]:
    """A pattern per source text whose translation differs from it: the source's literal parts
    in order (anything in between for its placeholders), not inside a longer word or key
    ("liveness" is not found in the raw key "liveness_engine")."""
    matchers = []
    for message in messages:
        if message.translation == message.source:
            continue  # e.g. "apiName", "1×": the same in both languages
        parts = [part for part in _PLACEHOLDER.split(message.source) if part]
        if not any(re.search("[A-Za-z]", part) for part in parts):
            continue
        regex = ".*?".join(re.escape(part) for part in parts)
        if re.match(r"\w", message.source, re.ASCII):
            regex = r"(?<!\w)" + regex
        if re.search(r"\w$", message.source, re.ASCII):
            regex += r"(?!\w)"
        matchers.append(SourceMatcher(message, re.compile(regex, re.ASCII | re.DOTALL)))
    return matchers


def english_leftovers(texts: Iterable[tuple[str, str]], matchers: list[SourceMatcher]) -> list[str]:
    """``where: text  <- context/source`` for every text that still holds an English source."""
    found = []
    for where, text in texts:
        for matcher in matchers:
            if text and matcher.pattern.search(text):
                message = matcher.message
                found.append(f"{where}: {text!r}  <- {message.context}/{message.source!r}")
    return found


# --- every text a widget tree shows -------------------------------------------------------------

SkipCell = Callable[[QAbstractItemView, QModelIndex, Qt.ItemDataRole], bool]


def _model_texts(
    view: QAbstractItemView, where: str, skip_cell: SkipCell
) -> Iterable[tuple[str, str]]:
    model: QAbstractItemModel | None = view.model()
    if model is None:
        return
    for column in range(model.columnCount()):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        yield f"{where} header {column}", str(header or "")
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                if column == 0 and model.rowCount(index) > 0:
                    stack.append(index)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    if skip_cell(view, index, role):
                        continue
                    value = index.data(role)
                    if isinstance(value, str):
                        yield f"{where} cell {row},{column}", value


def _widget_texts(widget: QWidget, where: str) -> Iterable[tuple[str, str]]:
    if widget.isWindow() or isinstance(widget, QDockWidget):
        yield f"{where} title", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield where, widget.text()
    if isinstance(widget, QAbstractButton):
        yield where, widget.text()
    if isinstance(widget, QGroupBox):
        yield where, widget.title()
    if isinstance(widget, QMenu):
        yield where, widget.title()
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        yield f"{where} placeholder", widget.placeholderText()
    if isinstance(widget, QSpinBox):
        yield f"{where} suffix", widget.suffix()
        yield f"{where} special value", widget.specialValueText()
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield f"{where} tab {index}", widget.tabText(index)
            yield f"{where} tab {index} tooltip", widget.tabToolTip(index)
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield f"{where} item {index}", widget.itemText(index)


def texts_of(
    root: QWidget,
    *,
    skip: Iterable[QWidget] = (),
    skip_tooltip: Iterable[QWidget] = (),
    skip_cell: SkipCell = lambda _view, _index, _role: False,
) -> list[tuple[str, str]]:
    """(where, text) for every text of ``root`` and its children, hidden ones included (a hidden
    widget's text must be re-worded too, it may be shown any moment): labels, buttons, group
    boxes, menus, tabs, combo items, placeholders, spin box affixes, tooltips, actions, and the
    headers, display and tooltip texts of every item view's model. ``skip`` / ``skip_tooltip`` /
    ``skip_cell`` leave out service data (which is not ours to translate)."""
    skipped = {id(widget) for widget in skip}
    no_tooltip = {id(widget) for widget in skip_tooltip}
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if id(widget) in skipped:
            continue
        where = f"{type(widget).__name__}({widget.objectName()})"
        found.extend(_widget_texts(widget, where))
        if id(widget) not in no_tooltip:
            found.append((f"{where} tooltip", widget.toolTip()))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            found.extend(_model_texts(widget, where, skip_cell))
    for action in root.findChildren(QAction):
        found.append((f"QAction({action.objectName()})", action.text()))
        found.append((f"QAction({action.objectName()}) tooltip", action.toolTip()))
    return [(where, text) for where, text in found if text]
