"""File → Export…: a masked summary of the case, or its evidence, to a folder or a .zip.

The summary (masked report, evidence manifest, audit entries) is the default. "Export the
evidence" (the bundle and the unmasked report) is an explicit choice with a purpose and a
recipient, recorded in the export's audit entry; it is an encrypted zip unless the reviewer
unticks the password. An encrypted zip takes a password typed twice; it is handed to the export
and never stored.
The export runs in the background with progress and Cancel (which leaves nothing behind); the
result shows the path and SHA-256, a failure its reason in plain words.
"""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from iauth_desktop.core.export.case import ExportResult
from iauth_desktop.core.export.place import is_zip_target
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import IauthError, UsageError
from iauth_desktop.core.store.base import CaseStore
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.error_text import error_text, failure_text
from iauth_desktop.ui.export.export_form import ExportForm
from iauth_desktop.ui.export.export_task import ExportRequest, prepare_export, run_export
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.tasks import Progress, TaskFailure, TaskRunner


class ExportDialog(Retranslating, ExportForm):
    """``exported(result)`` once an export is in place and audited."""

    exported = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        case: ReviewCase,
        audit: AuditHooks,
        history: CaseStore | None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self._case = case
        self._audit = audit
        self._history = history
        self.export_result: ExportResult | None = None
        self.runner = TaskRunner("export", self)
        self.runner.progress.connect(self._on_progress)
        self.runner.succeeded.connect(self._on_succeeded)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.folder_button.clicked.connect(self._browse_folder)
        self.zip_button.clicked.connect(self._browse_zip)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.retranslate_ui()
        self.target_edit.setText(str(Path.home() / self.suggested_name()))

    def suggested_name(self) -> str:
        token = "".join(c for c in self._case.token if c.isalnum() or c == "-")
        return f"case-{token or 'export'}.zip"

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.case_label.setText(self.tr("Case {token}").format(token=self._case.token))

    # --- starting ------------------------------------------------------------------------------

    def start(self, *, force: bool = False) -> bool:
        """Check the form and start the export; False (the reason shown) when it cannot."""
        try:
            request = self._request(force)
        except UsageError as exc:
            self.show_error(error_text(exc))
            return False
        if request is None:
            return False
        self.show_error("")
        self.set_running(True)
        self.status_label.setText(self.tr("Preparing the report…"))
        try:
            stills = prepare_export(self._case)
        except IauthError as exc:
            self.set_running(False)
            self.show_error(self.tr("Export failed: {reason}").format(reason=error_text(exc)))
            return False
        request = replace(request, stills=stills)
        self.password_edit.clear()  # the request holds it until the export is written
        self.confirm_edit.clear()
        log, history = self._audit.log, self._history

        def work(progress: Progress, cancel: threading.Event) -> ExportResult:
            return run_export(request, log, history, progress, cancel)

        self.status_label.setText(self.tr("Exporting…"))
        self.runner.start(work)
        return True

    def _request(self, force: bool) -> ExportRequest | None:
        text = self.target_edit.text().strip()
        if not text:
            raise UsageError(self.tr("Choose where to export the case."))
        target = Path(text).expanduser().absolute()
        password: str | None = None
        evidence = self.evidence_check.isChecked()
        purpose = self.purpose_edit.currentText().strip()
        recipient = self.recipient_edit.text().strip()
        if evidence and not purpose:
            raise UsageError(self.tr("Say why the evidence is exported (purpose)."))
        if evidence and not recipient:
            raise UsageError(self.tr("Say who receives the evidence (recipient)."))
        if self.encrypt_check.isChecked():
            if not is_zip_target(target):
                raise UsageError(self.tr("Only a .zip can be encrypted: end the name with .zip."))
            password = self.password_edit.text()
            if not password:
                raise UsageError(self.tr("Type the password twice."))
            if password != self.confirm_edit.text():
                raise UsageError(self.tr("The two passwords differ: type them again."))
        if not self._audit.usable:
            raise UsageError(
                self.tr(
                    "The audit log cannot be written, so nothing can be exported: {reason}"
                ).format(reason=self._audit.damage)
            )
        if not force and _occupied(target) and not self._confirm_replace(target):
            return None
        decision = None
        if self._history is not None:
            decision = self._history.latest_decision(self._case.token)
        return ExportRequest(
            case=self._case,
            target=target,
            reviewer=self._audit.reviewer(),
            password=password,
            evidence=evidence,
            force=force or _occupied(target),
            decision=decision,
            audit_head=self._audit.head(),
            stills=None,
            purpose=purpose if evidence else None,
            recipient=recipient if evidence else None,
            no_encrypt=evidence and password is None,
        )

    def _confirm_replace(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace export"),
            self.tr("{path} already exists. Replace it?").format(path=target),
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- running -------------------------------------------------------------------------------

    @Slot("qlonglong", "qlonglong")
    def _on_progress(self, step: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(step)

    @Slot(object)
    def _on_succeeded(self, result: ExportResult) -> None:
        self.export_result = result
        self.set_running(False)
        self.show_result(str(result.path), result.sha256)
        self.status_label.setText(self.tr("Exported and recorded in the audit log."))
        self.exported.emit(result)

    @Slot(object)
    def _on_failed(self, failure: TaskFailure) -> None:
        self.set_running(False)
        reason = failure_text(failure) or self.tr("internal error (details are in the log)")
        self.show_error(
            self.tr("Export failed, nothing was written: {reason}").format(reason=reason)
        )
        self.status_label.clear()

    @Slot()
    def _on_cancelled(self) -> None:
        self.set_running(False)
        self.status_label.setText(self.tr("Export cancelled: nothing was written."))

    def _cancel_or_close(self) -> None:
        task = self.runner.handle()
        if task is not None:
            # The export stops at its next step and cleans up after itself; how it ended
            # (cancelled, or done before it saw the request) is still shown.
            task.cancel()
            self.status_label.setText(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
        else:
            self.reject()

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export into a new folder in"))
        if folder:
            self.target_edit.setText(str(Path(folder) / self.suggested_name().removesuffix(".zip")))

    def _browse_zip(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to a zip file"), self.target_edit.text(), self.tr("Zip (*.zip)")
        )
        if path:
            self.target_edit.setText(path if is_zip_target(Path(path)) else path + ".zip")

    def closeEvent(self, event: QCloseEvent) -> None:
        task = self.runner.handle()
        if task is not None:
            task.cancel_and_wait()  # an export that was already done is still announced
        super().closeEvent(event)

    def reject(self) -> None:
        if self.runner.is_running():
            self._cancel_or_close()
            return
        super().reject()


def _occupied(target: Path) -> bool:
    """Something is at ``target`` that the export would replace (an empty folder is not)."""
    if not os.path.lexists(target):
        return False
    return not (target.is_dir() and not target.is_symlink() and not any(target.iterdir()))
