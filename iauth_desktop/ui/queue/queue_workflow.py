"""The queue and the dashboard in the window: their tabs and menu, the claimed case on screen
with its claim bar, and the decision panel recording through the queue while a case is held.

Made by the main window after ``CaseWorkflow`` (whose case store it uses); without a store it
says why in both views and the rest of the console works on.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.core.model.queue import (
    DEFAULT_LEASE,
    AddOutcome,
    ConfirmOutcome,
    QueueEntry,
    QueueOrigin,
    QueueState,
)
from iauth_desktop.core.review.dashboard import DashboardService
from iauth_desktop.core.review.fetching import FetchService
from iauth_desktop.core.review.queueing import QueueService
from iauth_desktop.core.review.triage import Triage, TriageReport, TriageSettings
from iauth_desktop.core.store.dashboard import open_dashboard
from iauth_desktop.core.store.select import open_queue
from iauth_desktop.ui.dashboard.dashboard_view import DashboardView
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.queue.add_tokens_dialog import AddTokensDialog
from iauth_desktop.ui.queue.claim_bar import ClaimBar
from iauth_desktop.ui.queue.queue_menu import QueueMenu
from iauth_desktop.ui.queue.queue_origin import QueueConnector, origin_of
from iauth_desktop.ui.queue.queue_recorder import QueueRecorder
from iauth_desktop.ui.queue.queue_session import HeldCase, QueueSession
from iauth_desktop.ui.queue.queue_view import QueueView
from iauth_desktop.ui.settings.connections import display_label
from iauth_desktop.ui.shell.fetch_controller import options_from_settings

if TYPE_CHECKING:
    from iauth_desktop.ui.shell.main_window import MainWindow

_log = logging.getLogger(__name__)
VIEWS = ("case", "queue", "dashboard")


class QueueWorkflow(QObject):
    def __init__(
        self,
        window: MainWindow,
        *,
        lease: timedelta = DEFAULT_LEASE,
        renew_every: timedelta | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.view = QueueView()
        self.dashboard = DashboardView()
        self.claim_bar = ClaimBar()
        window.views.addTab(self.view, "")
        window.views.addTab(self.dashboard, "")
        window.body_layout.insertWidget(window.body_layout.indexOf(window.views), self.claim_bar)
        self.menu = QueueMenu(window)
        self.session: QueueSession | None = None
        self.recorder: QueueRecorder | None = None
        self._opening = False
        self._normal_recorder = window.workflow.panel.recorder
        self._connect()
        window.views.currentChanged.connect(self._on_view_changed)
        self.start(lease, renew_every)
        self.retranslate_ui()

    def _connect(self) -> None:
        view, menu, bar = self.view, self.menu, self.claim_bar
        view.add_requested.connect(self.add_tokens)
        view.next_requested.connect(self.next_case)
        view.confirm_requested.connect(self.next_confirmation)
        menu.add_tokens.triggered.connect(self.add_tokens)
        menu.next_case.triggered.connect(self.next_case)
        menu.next_confirmation.triggered.connect(self.next_confirmation)
        menu.release.triggered.connect(self.release)
        for name, action in menu.views.items():
            action.triggered.connect(lambda _=False, chosen=name: self.show_view(chosen))
        bar.release_requested.connect(self.release)
        bar.agree_requested.connect(self.agree)
        self._window.case_closed.connect(self._on_case_closed)
        self._window.workflow.panel.decision_recorded.connect(self._on_decided)

    def start(self, lease: timedelta, renew_every: timedelta | None) -> None:
        window = self._window
        history = window.workflow.history
        if history is None:
            why = self.tr("The queue needs the case record, which is not available.")
            self.view.show_message(why)
            self.dashboard.set_service(None, why)
            return
        store = history.store
        audit = window.audit
        reviewer = history.identity or window.settings.reviewer_name()
        service = QueueService(open_queue(store), audit.log, reviewer)
        connector = QueueConnector(
            window.token_bar.connections,
            lambda: options_from_settings(window.settings),
            lambda: FetchService(audit.log, audit.reviewer()),
        )

        def triage() -> Triage:
            fetcher = FetchService(audit.log, audit.reviewer())
            settings = TriageSettings(wait_for_retries=False)
            return Triage(service, fetcher, connector.provider, settings)

        session = QueueSession(
            service, store, connector.fetch_full, triage, self, lease=lease, renew_every=renew_every
        )
        self.session = session
        self.recorder = QueueRecorder(history, audit, session)
        self.dashboard.set_service(DashboardService(open_dashboard(store, audit.log)))
        view = self.view
        session.snapshot.connect(view.show_snapshot)
        session.added.connect(self._on_added)
        session.triage_progress.connect(view.set_triage_progress)
        session.triage_finished.connect(self._on_triage_finished)
        session.claimed.connect(self._on_claimed)
        session.nothing_to_claim.connect(self._on_nothing)
        session.lease_changed.connect(self.claim_bar.show_held)
        session.lease_lost.connect(self.claim_bar.set_lost)
        session.problem.connect(self._say)
        view.triage_requested.connect(session.start_triage)
        view.stop_triage_requested.connect(session.cancel_triage)
        session.refresh()
        session.refresh_timer.start()

    # --- views ---------------------------------------------------------------------------------

    def show_view(self, name: str) -> None:
        pages: dict[str, QWidget] = {
            "case": self._window.case_view,
            "queue": self.view,
            "dashboard": self.dashboard,
        }
        self._window.views.setCurrentWidget(pages[name])
        if name == "dashboard":
            self.dashboard.refresh()
        elif name == "queue" and self.session is not None:
            self.session.refresh()

    @Slot(int)
    def _on_view_changed(self, _index: int) -> None:
        """The decision panel belongs to the case: the lists get the whole window."""
        window = self._window
        window.workflow.dock.setVisible(window.views.currentWidget() is window.case_view)

    def retranslate_ui(self) -> None:
        views = self._window.views
        views.setTabText(views.indexOf(self.view), self.tr("Queue"))
        views.setTabText(views.indexOf(self.dashboard), self.tr("Dashboard"))
        self.menu.retranslate_ui()

    # --- adding and claiming -------------------------------------------------------------------

    @Slot()
    def add_tokens(self, text: str | None = None) -> AddTokensDialog | None:
        connection = self._window.token_bar.current_connection()
        if self.session is None or connection is None:
            return None
        dialog = AddTokensDialog(self._window, display_label(connection))
        if text is not None:
            dialog.set_text(text)
        origin = origin_of(connection)
        dialog.accepted.connect(lambda: self.queue_entries(dialog.entries, origin))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def queue_entries(self, entries: list[QueueEntry], origin: QueueOrigin) -> None:
        if self.session is not None and entries:
            self.session.add(entries, origin)
            self.view.show_message(self.tr("Queueing {count} tokens…").format(count=len(entries)))

    @Slot(object)
    def _on_added(self, outcome: AddOutcome) -> None:
        self.view.show_message(
            self.tr("Added {added}, already queued {already}; triage runs in the background.")
            .format(added=len(outcome.added), already=len(outcome.already))
        )  # fmt: skip

    @Slot(object)
    def _on_triage_finished(self, report: TriageReport | None) -> None:
        self.view.triage_stopped()
        if report is None:
            self.view.show_message(self.tr("Triage stopped; the cases not fetched stay pending."))
            return
        self.view.show_message(
            self.tr("Triage done: {triaged} triaged, {expired} expired, {failed} failed, "
                    "{retrying} to retry.").format(
                triaged=report.triaged, expired=report.expired, failed=report.failed,
                retrying=report.retrying)
        )  # fmt: skip

    @Slot()
    def next_case(self) -> None:
        if self.session is not None:
            self.view.show_message(self.tr("Claiming the next case…"))
            self.session.next_case()

    @Slot()
    def next_confirmation(self) -> None:
        if self.session is not None:
            self.view.show_message(self.tr("Claiming the next decision to confirm…"))
            self.session.next_case(confirm=True)

    @Slot()
    def release(self) -> None:
        if self.session is not None and self.session.current is not None:
            self.session.release()
            self.claim_bar.clear()
            self._window.workflow.panel.set_recorder(self._normal_recorder)

    @Slot(object)
    def _on_claimed(self, held: HeldCase) -> None:
        window = self._window
        self._opening = True
        try:
            window.show_opened_case(held.prepared)
        finally:
            self._opening = False
        window.workflow.panel.set_recorder(self.recorder)
        self.claim_bar.show_held(held)
        self.view.show_message("")
        window.views.setCurrentWidget(window.case_view)

    @Slot(bool)
    def _on_nothing(self, confirm: bool) -> None:
        self.view.show_message(
            self.tr("Nothing awaits your confirmation.")
            if confirm
            else self.tr("Nothing to claim: every triaged case is taken or decided.")
        )

    @Slot(str)
    def agree(self, note: str) -> None:
        if self.session is None:
            return
        try:
            self.session.confirm(ConfirmOutcome.AGREE, None, note)
        except IauthError as exc:
            self._say(self.tr("Not confirmed: {reason}").format(reason=error_text(exc)))
            return
        self.claim_bar.set_decided(QueueState.DECIDED)
        self._window.workflow.panel.set_recorder(self.recorder)  # shows the case as decided

    @Slot(object)
    def _on_decided(self, _decision: object) -> None:
        if self.recorder is not None and self.recorder.last_state is not None:
            self.claim_bar.set_decided(self.recorder.last_state)
            self.recorder.last_state = None

    @Slot()
    def _on_case_closed(self) -> None:
        if self._opening or self.session is None:
            return
        self.session.drop_cases()
        self.claim_bar.clear()
        self._window.workflow.panel.set_recorder(self._normal_recorder)

    def _say(self, text: str) -> None:
        self.view.show_message(text)
        self._window.message_strip.show_message(text)

    def shutdown(self) -> None:
        if self.session is not None:
            self.session.shutdown()
