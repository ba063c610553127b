"""The case workflow in the window: history, decisions, export and the audit log around a case.

``CaseWorkflow`` is made by the main window with the audit log and the case history it should
use (no globals). At start-up it verifies the audit log (a damaged log turns fetching off) and
purges history entries older than the retention setting (audited). Every case shown is recorded
in the history with the audit head; the decision panel docks beside the case; File → Case
history… and File → Export… open their dialogs.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import QDockWidget, QWidget

from iauth_desktop.core.config.paths import clear_scratch
from iauth_desktop.core.model.errors import IauthError, UsageError
from iauth_desktop.core.store.base import CaseStore, CaseSummary
from iauth_desktop.core.store.select import open_case_store
from iauth_desktop.ui.audit.audit_alarm import AuditAlarm
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.review.background_store import BackgroundStore
from iauth_desktop.ui.review.decision_panel import DecisionPanel
from iauth_desktop.ui.review.decision_recorder import DecisionRecorder
from iauth_desktop.ui.review.history_view import HistoryDialog
from iauth_desktop.ui.tasks import TaskRunner, wait_for

if TYPE_CHECKING:
    from iauth_desktop.ui.export.export_dialog import ExportDialog
    from iauth_desktop.ui.shell.main_window import MainWindow

_log = logging.getLogger(__name__)
DOCK_HEIGHT = 200  # below the case (when the reviewer moved it there)
# Beside the case: a share of the window's width, within these bounds (pixels). The panel in one
# column needs about 560 px of height, which a 1366×768 laptop has beside the case but not below.
DOCK_SHARE, DOCK_MIN_WIDTH, DOCK_MAX_WIDTH = 0.22, 290, 420
_WIDE_AREAS = (Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea)


class DecisionDock(Retranslating, QDockWidget):
    def __init__(self, panel: DecisionPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDock")
        self.setWidget(panel)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Decision"))


def dock_width(window_width: int) -> int:
    """The decision column's width beside the case for a window this wide."""
    return max(DOCK_MIN_WIDTH, min(DOCK_MAX_WIDTH, int(window_width * DOCK_SHARE)))


def open_history(
    path: Path | None = None,
    runner: TaskRunner | None = None,
    database_url: str | None = None,
) -> tuple[CaseStore | None, str]:
    """The case history, or None and why it cannot be opened (the console works without it).
    With ``runner`` it is opened in a worker (a team database is a connection away)."""
    if runner is None:
        try:
            return open_case_store(path, database_url=database_url), ""
        except IauthError as exc:  # unreadable, newer schema, not a database, unreachable
            _log.error("case history unavailable: %s", exc)
            return None, error_text(exc)
    outcome = wait_for(runner, lambda: open_case_store(path, database_url=database_url))
    if outcome.failure is None and not outcome.cancelled:
        return outcome.value, ""
    error = outcome.failure.error if outcome.failure is not None else None
    _log.error("case history unavailable: %s", error)
    return None, error_text(error) if error is not None else "the case history cannot be opened"


class CaseWorkflow(QObject):
    def __init__(
        self,
        window: MainWindow,
        audit: AuditHooks,
        history: CaseStore | None = None,
    ) -> None:
        """``history`` None: the one in the data folder (the console works on without it)."""
        super().__init__(window)
        self._window = window
        history_problem = ""
        if history is None:
            history, history_problem = open_history(
                runner=TaskRunner("open store", self),
                database_url=window.settings.database_url,
            )
        # every call of the console to the store runs in a worker (see BackgroundStore)
        self.history: CaseStore | None = None if history is None else BackgroundStore(history, self)
        self.audit = audit
        self.alarm = AuditAlarm(window)
        recorder = None if self.history is None else DecisionRecorder(self.history, self.audit)
        self.panel = DecisionPanel(recorder, self._reviewer)
        self.dock = DecisionDock(self.panel, window)
        self.dock.dockLocationChanged.connect(self._on_dock_moved)
        # beside the case, full height: always reachable without scrolling, on a laptop too
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self._fitted: tuple[int, int] | None = None  # (window width, dock width) last given
        self._dock_placed = False  # by the reviewer: never fitted again
        self.dock.installEventFilter(self)
        self.fit_dock()
        self.history_dialog: HistoryDialog | None = None
        self._history_problem = history_problem
        self._reopening: str | None = None  # the token a history reopen is fetching

        window.case_view.fields.fields_model().audit = self.audit
        window.case_view.evidence.audit = self.audit
        self.audit.problem.connect(self._on_audit_problem)
        window.case_shown.connect(self._on_case_shown)
        window.fetch_failed.connect(self._on_fetch_failed)
        window.menus.case_history.triggered.connect(self.show_history)
        window.menus.reconnect_store.triggered.connect(self.reconnect)
        window.menus.reconnect_store.setEnabled(self.history is None)
        window.menus.export_case.triggered.connect(self.export_case)

    def _reviewer(self) -> str:
        """The team store's login when there is one (the setting does not apply), else the
        reviewer's name from the settings."""
        identity = self.history.identity if self.history is not None else None
        return identity or self._window.settings.reviewer_name()

    # --- start-up and shutdown -----------------------------------------------------------------

    def start_up(self, now: datetime | None = None) -> None:
        """Remove an earlier run's leftover scratch files, verify the audit log, then apply the
        retention period to the case history."""
        clear_scratch()
        if self.audit.check(TaskRunner("audit check", self)):
            self.purge_history(now)
        if self.history is None and self._history_problem:
            self.panel.show_error(self._history_problem)

    def purge_history(self, now: datetime | None = None) -> list[str]:
        """Forget cases older than the retention setting; audited. Never touches the audit log."""
        if self.history is None or not self.audit.usable:
            return []  # an unaudited purge must not happen
        days = self._window.settings.retention_days
        try:
            tokens = self.history.purge(timedelta(days=days), now)
        except UsageError as exc:
            _log.error("case history purge failed: %s", exc)
            return []
        if tokens and not self.history.audits_itself:  # a team store records it itself
            self.audit.purged(tokens, days)
        return tokens

    @Slot()
    def reconnect(self) -> bool:
        """Try the case record again (a team database that was unreachable at start-up)."""
        if self.history is not None:
            return True
        store, problem = open_history(
            runner=TaskRunner("open store", self), database_url=self._window.settings.database_url
        )
        if store is None:
            self.panel.show_error(problem)
            return False
        self.history = BackgroundStore(store, self)
        self._history_problem = ""
        self.panel.set_recorder(DecisionRecorder(self.history, self.audit))
        self._window.menus.reconnect_store.setEnabled(False)
        return True

    @Slot(Qt.DockWidgetArea)
    def _on_dock_moved(self, area: Qt.DockWidgetArea) -> None:
        self.panel.set_wide(area in _WIDE_AREAS)
        if area in _WIDE_AREAS:  # no taller than it needs to be
            self._window.resizeDocks([self.dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
            self._dock_placed = True  # never fitted again: the reviewer placed it

    def fit_dock(self) -> None:
        """Give the decision column its share of the window's width (the window was resized) —
        unless the reviewer set it: a restored layout, or a dragged separator."""
        if self._dock_placed:
            return
        self._fitted = (self._window.width(), dock_width(self._window.width()))
        self._window.resizeDocks([self.dock], [self._fitted[1]], Qt.Orientation.Horizontal)

    def keep_dock(self) -> None:
        """The window's layout was restored from the last run: the dock keeps its width."""
        self._dock_placed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The dock resized while the window did not: the reviewer dragged its separator."""
        if watched is self.dock and event.type() == QEvent.Type.Resize and self._fitted:
            window_width, given = self._fitted
            shown = self._window.isVisible() and self._window.width() == window_width
            if shown and abs(self.dock.width() - given) > 2 and self.dock.isVisible():
                # (squeezed to its minimum by a narrow window is not the reviewer's doing)
                self._dock_placed = self.dock.width() > self.dock.minimumSizeHint().width()
        return False

    def case_closed(self) -> None:
        self.audit.token = None
        self.panel.clear()

    def shutdown(self) -> None:
        if self.history is not None:
            self.history.close()
            self.history = None

    def settings_changed(self) -> None:
        self.panel.refresh_reviewer()

    # --- the case on screen --------------------------------------------------------------------

    @Slot(object)
    def _on_case_shown(self, prepared: PreparedCase) -> None:
        case = prepared.case
        self._reopening = None
        self.audit.token = case.token or None
        problem = ""
        if self.history is not None and case.token:
            try:
                self.history.record_case(case, self.audit.reviewer(), self.audit.head())
            except UsageError as exc:
                problem = error_text(exc)
        self.panel.show_case(case)
        if problem:
            self.panel.show_error(problem)
        if self.history_dialog is not None and self.history_dialog.isVisible():
            self.history_dialog.refresh()

    @Slot(str)
    def _on_audit_problem(self, problem: str) -> None:
        self.alarm.show_problem(problem)
        self._window.token_bar.setEnabled(False)  # fail closed: no fetch without its record

    @Slot(str, int)
    def _on_fetch_failed(self, message: str, _code: int) -> None:
        if self._reopening is not None and self.history_dialog is not None:
            self.history_dialog.show_message(message)
        self._reopening = None

    # --- history -------------------------------------------------------------------------------

    @Slot()
    def show_history(self) -> HistoryDialog | None:
        if self.history is None:
            self._window.message_strip.show_message(
                self.tr("The case history is not available: {reason}").format(
                    reason=self._history_problem
                )
            )
            return None
        if self.history_dialog is None:
            self.history_dialog = HistoryDialog(self._window, self.history)
            self.history_dialog.reopen_requested.connect(self.reopen)
        self.history_dialog.refresh()
        if self.history_dialog.isVisible():  # already open behind the window: bring it up
            self.history_dialog.raise_()
            self.history_dialog.activateWindow()
        self.history_dialog.show()
        return self.history_dialog

    @Slot(object)
    def reopen(self, summary: CaseSummary) -> None:
        """From the last export when there is one, else by fetching the token again."""
        dialog = self.history_dialog
        if summary.export_path is not None:
            # zip decryption (pyzipper) loads when an export is first reopened
            from iauth_desktop.ui.export.export_reopen import (  # noqa: PLC0415
                export_available,
                open_export,
            )

            if export_available(summary.export_path):
                prepared = open_export(self._window, summary.export_path)
                if prepared is not None:  # else explained, or the reviewer cancelled
                    self._window.show_opened_case(prepared)
                return
            if dialog is not None:
                dialog.show_message(
                    self.tr(
                        "The last export {path} is no longer there: fetching the token again."
                    ).format(path=summary.export_path)
                )
        self._reopening = summary.token
        self._window.fetch_token(summary.token)

    # --- export --------------------------------------------------------------------------------

    @Slot()
    def export_case(self) -> ExportDialog | None:
        prepared = self._window.controller.current
        if prepared is None:
            self._window.message_strip.show_message(
                self.tr("Open or fetch a case first: there is nothing to export."), "info"
            )
            return None
        # the export (zip encryption, the PDF report, video stills) loads when first used
        from iauth_desktop.ui.export.export_dialog import ExportDialog  # noqa: PLC0415

        dialog = ExportDialog(self._window, prepared.case, self.audit, self.history)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(self._on_exported)
        dialog.open()
        return dialog

    @Slot(object)
    def _on_exported(self, _result: object) -> None:
        if self.history_dialog is not None and self.history_dialog.isVisible():
            self.history_dialog.refresh()
