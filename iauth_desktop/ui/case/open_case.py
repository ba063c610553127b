"""File → Open case folder…: read a saved evidence bundle, check it against its manifest, show it.

A bundle whose files no longer match the manifest still opens — the reviewer may need to see
what is left — but the case carries the changed, missing and unexpected files (the banner shows
TAMPERED) and a dialog lists them before anything else. A folder that is not a bundle, or cannot
be read, gives a clear message and changes nothing.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.evidence.bundle import BundleCheck, read_bundle
from iauth_desktop.core.evidence.format import MANIFEST_FILE
from iauth_desktop.core.export.record import BUNDLE_FOLDER, EXPORT_FILE
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import UsageError
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.ui.case.prepared_case import PreparedCase, prepare_case
from iauth_desktop.ui.error_text import failure_text
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.tasks import Progress, TaskFailure, TaskRunner, Work
from iauth_desktop.ui.theme import TYPE, ink


def load_case_folder(path: Path) -> tuple[ReviewCase, BundleCheck]:
    """The saved case (its tamper lists filled in) and the manifest check.

    Raises IntegrityError when the folder is not a bundle or its case.json is gone, UsageError
    when the folder cannot be read.
    """
    path = Path(path)
    if (path / EXPORT_FILE).is_file():
        if not (path / BUNDLE_FOLDER).is_dir():
            raise UsageError(
                QCoreApplication.translate(
                    "OpenCase",
                    "{folder} is a summary export: it holds no evidence, so it cannot reopen a "
                    "case. Open an evidence export (Export → Export the evidence) instead.",
                ).format(folder=path)
            )
        path = path / BUNDLE_FOLDER  # an evidence export: its bundle
    try:
        loaded = read_bundle(path)
        modified = (path / MANIFEST_FILE).stat().st_mtime
    except OSError as exc:
        raise UsageError(
            QCoreApplication.translate(
                "OpenCase", "cannot read the folder {folder}: {reason}"
            ).format(folder=path, reason=exc.strerror or exc)
        ) from None
    check = loaded.check
    case = ReviewCase(
        result=loaded.result(),
        token=loaded.token,
        endpoint=loaded.endpoint,
        mode=loaded.mode or FetchMode.FULL,
        # A manifest without a readable time: the time it was last written is the best we know.
        fetched_at=loaded.fetched_at or datetime.fromtimestamp(modified, UTC),
        origin="bundle",
        bundle_path=path,
        changed_files=check.changed,
        missing_files=check.missing,
        unexpected_files=check.unexpected,
        request=loaded.request,
        fetch_id=loaded.manifest.get("fetch_id")
        if isinstance(loaded.manifest.get("fetch_id"), str)
        else None,
    )
    return case, check


def open_case_folder(parent: QWidget | None, start_dir: str = "") -> PreparedCase | None:
    """Ask for a folder, then ``open_case_path``; None when cancelled or it cannot be opened."""
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("OpenCase", "Open case folder"), start_dir
    )
    return open_case_path(parent, Path(folder)) if folder else None


def open_case_path(parent: QWidget | None, path: Path) -> PreparedCase | None:
    """Load and prepare the bundle at ``path`` off the GUI thread (a busy dialog meanwhile);
    explain any failure, list any tampering, and return the case ready for ``CaseView``."""
    outcome = _load_in_background(parent, path)
    if isinstance(outcome, str):
        _explain_failure(parent, path, outcome)
        return None
    if outcome is not None and outcome.case.tampered:
        BundleProblemsDialog(parent, outcome.case).exec()
    return outcome


def _load_in_background(parent: QWidget | None, path: Path) -> PreparedCase | str | None:
    """The prepared case, the failure's message, or None when the reviewer cancelled."""

    def work(_progress: Progress, cancel: threading.Event) -> PreparedCase:
        case, _check = load_case_folder(path)
        return prepare_case(case, cancel)

    label = QCoreApplication.translate("OpenCase", "Reading and checking {folder}…").format(
        folder=path.name
    )
    title = QCoreApplication.translate("OpenCase", "Open case folder")
    found: Any = run_busy(parent, title, label, work)
    return found  # type: ignore[no-any-return]


def run_busy(parent: QWidget | None, title: str, label: str, work: Work) -> Any:
    """Run ``work`` off the GUI thread behind a modal busy dialog; its value, the failure's
    message (str), or None when the reviewer cancelled."""
    runner = TaskRunner("busy")
    busy = QProgressDialog(parent)
    busy.setWindowTitle(title)
    busy.setLabelText(label)
    busy.setRange(0, 0)
    busy.setMinimumDuration(0)
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    found: list[Any] = [None]
    loop = QEventLoop()

    def succeeded(value: object) -> None:
        found[0] = value
        loop.quit()

    def failed(failure: TaskFailure) -> None:
        found[0] = failure_text(failure) or QCoreApplication.translate("OpenCase", "internal error")
        loop.quit()

    runner.succeeded.connect(succeeded)
    runner.failed.connect(failed)
    runner.cancelled.connect(loop.quit)
    busy.canceled.connect(runner.cancel)
    busy.show()  # modal at once: no second action can start while this one runs
    runner.start(work)
    loop.exec()
    busy.reset()
    busy.deleteLater()
    runner.shutdown()
    runner.deleteLater()
    return found[0]


def _explain_failure(parent: QWidget | None, path: Path, reason: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("OpenCase", "Open case folder"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QCoreApplication.translate(
            "OpenCase", "The folder {folder} could not be opened as a case."
        ).format(folder=path)
    )
    box.setInformativeText(reason)
    box.exec()


class BundleProblemsDialog(Retranslating, QDialog):
    """Lists every file that changed, went missing or appeared since the bundle was written."""

    def __init__(self, parent: QWidget | None, case: ReviewCase) -> None:
        super().__init__(parent)
        self.setObjectName("bundleProblems")
        self._case = case
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        self.heading = QLabel(self)
        self.heading.setObjectName("tamperHeading")
        self.heading.setStyleSheet(ink("bad", bold=True))
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * TYPE.heading)
        self.heading.setFont(heading_font)
        self.explanation = QLabel(self)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)  # the path may hold anything
        self.explanation.setWordWrap(True)
        self.listing = QPlainTextEdit(self)
        self.listing.setObjectName("tamperList")
        self.listing.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (icon, self.heading, self.explanation, self.listing, buttons):
            layout.addWidget(widget)
        self.resize(600, 420)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Evidence bundle altered"))
        self.heading.setText(self.tr("TAMPERED: this case no longer matches its manifest"))
        self.explanation.setText(
            self.tr(
                "The files below changed, went missing or appeared after the bundle was "
                "written. The case is shown as it is now; do not rely on it before you know "
                "why. Folder: {folder}"
            ).format(folder=self._case.bundle_path)
        )
        sections = (
            (self.tr("Changed since export:"), self._case.changed_files),
            (self.tr("Missing:"), self._case.missing_files),
            (self.tr("Not in the manifest (added later):"), self._case.unexpected_files),
        )
        lines: list[str] = []
        for title, names in sections:
            if names:
                lines.append(title)
                lines.extend(f"    {name}" for name in names)
                lines.append("")
        self.listing.setPlainText("\n".join(lines).rstrip())

    def text(self) -> str:
        return self.listing.toPlainText()
