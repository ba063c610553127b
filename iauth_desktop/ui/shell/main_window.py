"""The console's main window: token bar, message strip, the case view, menus and status bar."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop import __version__
from iauth_desktop.core.audit.trail import AuditTrail
from iauth_desktop.core.config.profiles import ProfileStore
from iauth_desktop.core.config.secrets import KeyringStatus, SecretStore
from iauth_desktop.core.model.errors import IauthError, UsageError
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.store.base import CaseStore
from iauth_desktop.core.store.select import open_audit_trail
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.audit.reveal_purpose import ask_purpose
from iauth_desktop.ui.case.case_view import CaseView
from iauth_desktop.ui.case.open_case import open_case_folder
from iauth_desktop.ui.case.prepared_case import PreparedCase
from iauth_desktop.ui.error_text import error_text
from iauth_desktop.ui.i18n import Retranslating, current_language, install_language
from iauth_desktop.ui.providers.detectinfo.signature_inspector import SignatureInspector
from iauth_desktop.ui.queue.queue_workflow import QueueWorkflow
from iauth_desktop.ui.review.case_workflow import CaseWorkflow
from iauth_desktop.ui.settings.app_settings import AppSettings
from iauth_desktop.ui.settings.connections import Connection, build_connections
from iauth_desktop.ui.shell.demo_tokens import DemoTokenList
from iauth_desktop.ui.shell.fetch_controller import FetchController
from iauth_desktop.ui.shell.idle_watch import IdleWatch
from iauth_desktop.ui.shell.menus import MainMenus
from iauth_desktop.ui.shell.message_strip import MessageStrip
from iauth_desktop.ui.shell.shortcuts_sheet import ShortcutsSheet
from iauth_desktop.ui.shell.status_bar import ConnectionStatusBar
from iauth_desktop.ui.shell.token_bar import TokenBar
from iauth_desktop.ui.shell.window_state import restore_window_state, save_window_state

# a fresh window (and a screenshot without --window-size): a 1366×768 laptop's screen
DEFAULT_WIDTH, DEFAULT_HEIGHT = 1366, 768
_log = logging.getLogger(__name__)
audit = logging.getLogger("iauth_desktop.audit")


class MainWindow(Retranslating, QMainWindow):
    """``case_shown(prepared)`` after a case went into the case view; ``fetch_failed(message,
    exit_code)`` after an error was shown in the message strip; ``case_closed()`` after the case
    on screen was dropped (closed, or about to be replaced)."""

    case_shown = Signal(object)
    fetch_failed = Signal(str, int)
    case_closed = Signal()

    def __init__(
        self,
        connections: list[Connection],
        keyring: KeyringStatus | None,
        *,
        settings: AppSettings | None = None,
        demo_tokens: dict[str, str] | None = None,
        demo_token_connections: dict[str, str] | None = None,
        problem: str = "",
        profile_store: ProfileStore | None = None,
        endpoint_override: str | None = None,
        audit_log: AuditTrail | None = None,
        history: CaseStore | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else AppSettings()
        self._keyring = keyring
        self._profile_store = profile_store
        self._endpoint_override = endpoint_override
        self._demo_token_connections = dict(demo_token_connections or {})
        self.resize(DEFAULT_WIDTH, DEFAULT_HEIGHT)
        # size, position and splitters are kept between runs (not by screenshot mode or tests)
        self.remember_geometry = False

        self.audit = AuditHooks(
            audit_log or open_audit_trail(self.settings.database_url),
            self.settings.reviewer_name,
            self,
        )
        self.audit.ask_purpose = lambda: ask_purpose(self)
        self.controller = FetchController(self.audit, self, settings=lambda: self.settings)
        self.token_bar = TokenBar()
        self.message_strip = MessageStrip()
        self.case_view = CaseView()
        self.views = QTabWidget()  # the case, the queue, the dashboard
        self.body_layout = layout = self._lay_out()
        self.status = ConnectionStatusBar(keyring)
        self.setStatusBar(self.status)
        self.menus = MainMenus(self)
        self.menus.check_language(current_language())
        self.workflow = CaseWorkflow(self, self.audit, history)
        layout.insertWidget(0, self.workflow.alarm)
        self.queue = QueueWorkflow(self)
        self.menus.add_help_menu()  # last in the bar, after Queue

        self.demo_list: DemoTokenList | None = None
        self.demo_dock: QDockWidget | None = None
        if demo_tokens:
            self.demo_list = DemoTokenList(demo_tokens)
            self.demo_list.token_chosen.connect(self._fetch_demo_token)
            self.demo_dock = QDockWidget()
            self.demo_dock.setObjectName("demoTokens")
            self.demo_dock.setWidget(self.demo_list)
            self.demo_dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable  # room for the case
            )
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.demo_dock)
            self.menus.view_menu.addAction(self.demo_dock.toggleViewAction())

        self.idle_watch = IdleWatch(self)
        self.idle_watch.idle.connect(self._close_idle_case)
        self.idle_watch.set_minutes(self.settings.idle_close_minutes)
        self._cancel_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._cancel_shortcut.setEnabled(False)
        self._connect_signals()
        self.token_bar.set_connections(connections)
        self.retranslate_ui()
        if problem:
            self.message_strip.show_message(problem)
        self.workflow.start_up()  # audit log verified, old history entries purged

    def _lay_out(self) -> QVBoxLayout:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # across the whole window, above the case and the decision column beside it
        self.token_toolbar = QToolBar()
        self.token_toolbar.setObjectName("tokenBar")
        self.token_toolbar.setMovable(False)
        self.token_toolbar.setFloatable(False)
        self.token_toolbar.toggleViewAction().setVisible(False)  # never hidden by a right-click
        self.token_toolbar.addWidget(self.token_bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.token_toolbar)
        layout.addWidget(self.message_strip)
        self.views.setObjectName("views")
        self.views.setDocumentMode(True)
        self.views.addTab(self.case_view, "")
        layout.addWidget(self.views, 1)
        self.setCentralWidget(body)
        return layout

    def _connect_signals(self) -> None:
        bar, controller, menus = self.token_bar, self.controller, self.menus
        bar.fetch_requested.connect(self._start_fetch)
        bar.cancel_requested.connect(controller.cancel)
        bar.connection_changed.connect(self._on_connection_changed)
        self._cancel_shortcut.activated.connect(controller.cancel)
        controller.progress.connect(bar.set_progress)
        controller.finished.connect(self._on_finished)
        controller.failed.connect(self._on_failed)
        controller.cancelled.connect(self._on_cancelled)
        menus.open_case.triggered.connect(self.open_case_folder)
        menus.close_case.triggered.connect(self.close_case)
        menus.quit.triggered.connect(self.close)
        menus.focus_token.triggered.connect(bar.focus_token)
        menus.keyboard_shortcuts.triggered.connect(self.show_shortcuts)
        menus.view_menu.addAction(self.case_view.fields.show_keys_action)
        menus.focus_decision.triggered.connect(self.workflow.panel.focus_first)
        menus.focus_card.triggered.connect(self.case_view.evidence.focus_first)
        menus.play_video.triggered.connect(self.case_view.play_video)
        menus.settings.triggered.connect(self.open_settings)
        menus.signature_inspector.triggered.connect(self.open_signature_inspector)
        menus.language_group.triggered.connect(self._on_language_chosen)

    def set_keyring(self, keyring: KeyringStatus) -> None:
        """The keyring's status, found after the window showed (it was None then)."""
        self._keyring = keyring
        self.status.set_keyring(keyring)

    def retranslate_ui(self) -> None:
        self._cancel_shortcut.setWhatsThis(self.tr("Cancel the fetch"))
        self.setWindowTitle(
            self.tr("iauth-desktop {version} — verification review").format(version=__version__)
        )
        if self.demo_dock is not None:
            self.demo_dock.setWindowTitle(self.tr("Demo cases"))
        self.views.setTabText(self.views.indexOf(self.case_view), self.tr("Case"))
        self.menus.retranslate_ui()
        self.queue.retranslate_ui()

    # --- fetching -------------------------------------------------------------------------

    @Slot(str)
    def _fetch_demo_token(self, token: str) -> None:
        """A demo case: through its provider's demo connection when it has one of its own."""
        label = self._demo_token_connections.get(token, "demo")
        self.token_bar.select_connection(label)
        self.fetch_token(token)

    @Slot(str)
    def fetch_token(self, token: str) -> None:
        """Fill the token field and fetch it (demo list, ``--open``); a demo token of another
        provider goes through that provider's demo connection."""
        if token.strip() in self._demo_token_connections:
            self.token_bar.select_connection(self._demo_token_connections[token.strip()])
        self.token_bar.set_token(token)
        self._start_fetch(self.token_bar.token(), self.token_bar.mode())

    @Slot(str, object)
    def _start_fetch(self, token: str, mode: FetchMode) -> None:
        connection = self.token_bar.current_connection()
        if connection is None or not token:
            return
        # The open case stays until the new one arrives: a cancelled or failed fetch leaves it
        # on screen (the message strip says what happened to the new token).
        self.message_strip.clear()
        self.token_bar.set_busy(True)
        self._cancel_shortcut.setEnabled(True)
        self.controller.fetch(token, mode, connection)

    def _fetch_ended(self) -> None:
        self.token_bar.set_busy(False)
        self._cancel_shortcut.setEnabled(False)

    @Slot(object)
    def _on_finished(self, prepared: PreparedCase) -> None:
        self._fetch_ended()
        self._drop_case()  # the previous case, now replaced: its decrypted data goes
        self.show_case(prepared)

    def show_case(self, prepared: PreparedCase) -> None:
        """Put a case on screen (fetched, or opened from a bundle)."""
        self.controller.adopt(prepared)
        self.case_view.show_case(prepared)
        self.case_shown.emit(prepared)

    @Slot(str, int)
    def _on_failed(self, message: str, exit_code: int) -> None:
        self._fetch_ended()
        self.message_strip.show_message(message)
        self.fetch_failed.emit(message, exit_code)

    @Slot()
    def _on_cancelled(self) -> None:
        self._fetch_ended()
        self.message_strip.show_message(self.tr("Fetch cancelled."), "info")

    @Slot(int)
    def _on_connection_changed(self, _index: int) -> None:
        self.status.set_connection(self.token_bar.current_connection())

    # --- closing the case -----------------------------------------------------------------

    @Slot()
    def close_case(self) -> None:
        """Drop every reference to decrypted data (Ctrl+W); a running fetch is cancelled."""
        self.controller.cancel()
        self._drop_case()
        self.message_strip.clear()
        self.statusBar().showMessage(self.tr("Case closed."), 5000)

    def _drop_case(self) -> None:
        had_case = self.controller.current is not None
        if had_case:
            audit.info("case closed")
        if self.case_view.has_case():  # clearing an empty view still costs the GUI ~8 ms
            self.case_view.clear()
        self.controller.drop_case()
        self.workflow.case_closed()
        if had_case:
            self.case_closed.emit()

    @Slot()
    def _close_idle_case(self) -> None:
        if self.controller.current is not None:
            self._drop_case()
            self.message_strip.show_message(
                self.tr("The case was closed after {minutes} idle minutes.").format(
                    minutes=self.settings.idle_close_minutes
                ),
                "info",
            )

    @Slot()
    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts: every shortcut the window has, as it has them now."""
        sheet = ShortcutsSheet(self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.show()

    def restore_state(self, path: Path | None = None) -> bool:
        """Size, position and splitters as the reviewer left them (False: the defaults)."""
        restored = restore_window_state(self, path)
        if restored:
            self.case_view.keep_sizes()
            self.workflow.keep_dock()
        return restored

    def fit_screen(self) -> None:
        """The default size, no larger than the screen's free area (a laptop's taskbar and
        title bar leave less than 768 pixels of height)."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        self.resize(min(DEFAULT_WIDTH, free.width()), min(DEFAULT_HEIGHT, free.height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.workflow.fit_dock()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_geometry:
            save_window_state(self)
        self.controller.shutdown()
        self._drop_case()
        self.queue.shutdown()
        self.workflow.shutdown()
        super().closeEvent(event)

    # --- menus ----------------------------------------------------------------------------

    @Slot()
    def open_case_folder(self) -> None:
        prepared = open_case_folder(self)
        if prepared is not None:
            self.show_opened_case(prepared)

    def show_opened_case(self, prepared: PreparedCase) -> None:
        """A case read from a bundle replaces whatever was on screen (or being fetched)."""
        self.controller.cancel()
        self._drop_case()
        self.message_strip.clear()
        self.show_case(prepared)

    @Slot()
    def open_settings(self) -> None:
        # the settings' pages (and the team database's URL checks) load when first opened
        from iauth_desktop.ui.settings.settings_dialog import SettingsDialog  # noqa: PLC0415

        store = self._profile_store or ProfileStore.default_location()
        dialog = SettingsDialog(
            self, store, SecretStore(), self.settings, audit=self.workflow.audit
        )
        dialog.settings_changed.connect(self._apply_settings)
        dialog.profiles_changed.connect(self.reload_connections)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def open_signature_inspector(self) -> None:
        inspector = SignatureInspector(self, self._signing_secret)
        inspector.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        inspector.show()

    def _signing_secret(self) -> tuple[str | None, str | None]:
        """(appid, secret key) of the chosen profile for the signature inspector."""
        connection = self.token_bar.current_connection()
        if connection is None:
            return None, None
        try:
            creds = connection.resolve()
        except IauthError:
            return connection.appid, None
        return creds.appid, creds.secret_key

    @Slot()
    def _apply_settings(self) -> None:
        self.idle_watch.set_minutes(self.settings.idle_close_minutes)
        self.menus.check_language(current_language())
        self.workflow.settings_changed()

    @Slot()
    def reload_connections(self) -> None:
        """Profiles were added, changed or removed: rebuild the profile list."""
        if self._profile_store is None:
            return
        current = self.token_bar.current_connection()
        connections = build_connections(
            self.token_bar.connections()[0],
            endpoint_override=self._endpoint_override,
            store=self._profile_store,
        )
        labels = [c.label for c in connections]
        index = labels.index(current.label) if current and current.label in labels else 0
        self.token_bar.set_connections(connections, index)

    @Slot(QAction)
    def _on_language_chosen(self, action: QAction) -> None:
        language = str(action.data())
        app = QCoreApplication.instance()
        if app is not None:
            install_language(app, language)
        self.settings.language = language
        try:
            self.settings.save()
        except UsageError as exc:
            self.message_strip.show_message(error_text(exc))
