"""The supervisor's dashboard: a date range and a profile, then one card per chart, each with
its numbers exportable as CSV. The figures are read in a worker (``DashboardService``); a
reviewer who is no supervisor is told so in words, and sees no figure."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.model.dashboard import DashboardFigures, DashboardFilter
from iauth_desktop.core.model.errors import IauthError
from iauth_desktop.core.review.dashboard import DashboardService, export_csv
from iauth_desktop.ui.error_text import error_text, failure_text
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.queue.queue_labels import duration_words
from iauth_desktop.ui.tasks import Progress, TaskOutcome, TaskRunner

if TYPE_CHECKING:
    from PySide6.QtCharts import QChart, QChartView

DEFAULT_DAYS = 7
# One card per chart, in this order. Qt Charts loads when the dashboard is first shown or given
# figures, not with the window: the console's first paint does without it.
CHARTS = ("depth", "at_risk", "per_reviewer", "verdicts", "codes", "confirmations")


def build_chart(name: str, figures: DashboardFigures) -> QChart:
    from iauth_desktop.ui.dashboard import charts  # noqa: PLC0415 - Qt Charts on first use

    builders = {
        "depth": charts.depth_chart,
        "at_risk": charts.at_risk_chart,
        "per_reviewer": charts.per_reviewer_chart,
        "verdicts": charts.verdict_chart,
        "codes": charts.codes_chart,
        "confirmations": charts.confirmations_chart,
    }
    return builders[name](figures)


class DashboardView(Retranslating, QWidget):
    """``loaded(figures)`` once a refresh has drawn its figures."""

    loaded = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self.service: DashboardService | None = None
        self.figures: DashboardFigures | None = None
        self.chart_views: dict[str, QChartView] = {}
        self._runner = TaskRunner("dashboard", self, max_threads=1)
        self._runner.finished.connect(self._on_done)
        today = QDate.currentDate()
        self.since_edit = QDateEdit(today.addDays(-DEFAULT_DAYS + 1))
        self.until_edit = QDateEdit(today)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.profile_combo = QComboBox()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("dashboardMessage")
        self.median_label = QLabel()
        self.median_label.setObjectName("medianLabel")
        self.median_export = QPushButton()
        self.median_export.clicked.connect(lambda: self.export_chart("median"))
        self.export_buttons: dict[str, QPushButton] = {"median": self.median_export}
        self.since_label, self.until_label, self.profile_label = QLabel(), QLabel(), QLabel()
        self.since_label.setBuddy(self.since_edit)
        self.until_label.setBuddy(self.until_edit)
        self.profile_label.setBuddy(self.profile_combo)
        self._lay_out()
        self.retranslate_ui()
        self._show_charts(None)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.since_label, self.since_edit, self.until_label, self.until_edit,
                       self.profile_label, self.profile_combo, self.refresh_button):  # fmt: skip
            filters.addWidget(widget)
        filters.addStretch(1)
        median_row = QHBoxLayout()
        median_row.addWidget(self.median_label, 1)
        median_row.addWidget(self.median_export)
        grid = QGridLayout()
        self._cards: dict[str, QVBoxLayout] = {}
        for index, name in enumerate(CHARTS):
            button = QPushButton()
            button.clicked.connect(lambda _=False, chart=name: self.export_chart(chart))
            self.export_buttons[name] = button
            card = QVBoxLayout()
            card.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)  # the chart goes above it
            self._cards[name] = card
            grid.addLayout(card, index // 2, index % 2)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(median_row)
        body_layout.addLayout(grid, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)

    def _ensure_chart_views(self) -> None:
        """The chart views, made once: when the dashboard is first shown or given figures."""
        if self.chart_views:
            return
        from PySide6.QtCharts import QChartView  # noqa: PLC0415 - Qt Charts on first use

        for name, card in self._cards.items():
            view = QChartView()
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(260)
            self.chart_views[name] = view
            card.insertWidget(0, view, 1)

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_chart_views()
        super().showEvent(event)

    # --- loading -------------------------------------------------------------------------------

    def set_service(self, service: DashboardService | None, problem: str = "") -> None:
        self.service = service
        if service is None:
            self.message.setText(problem)
            self._show_charts(None)

    def chosen_filter(self) -> DashboardFilter:
        since = self.since_edit.date().toPython()
        until = self.until_edit.date().toPython() + timedelta(days=1)
        zone = datetime.now().astimezone().tzinfo
        start = datetime.combine(since, time(), zone).astimezone(UTC)
        end = datetime.combine(until, time(), zone).astimezone(UTC)
        profile = self.profile_combo.currentData()
        return DashboardFilter(start, end, profile or None, zone)

    def refresh(self) -> None:
        service = self.service
        if service is None:
            return
        chosen = self.chosen_filter()

        def work(_progress: Progress, _cancel: threading.Event) -> object:
            return service.figures(chosen), service.profiles()

        self.message.setText(self.tr("Reading the figures…"))
        self._runner.start(work, "figures")

    def _on_done(self, _job: str, outcome: TaskOutcome) -> None:
        if outcome.cancelled:
            return
        if outcome.failure is not None:
            self.message.setText(failure_text(outcome.failure) or self.tr("Internal error."))
            self._show_charts(None)
            return
        figures, profiles = outcome.value
        self._set_profiles(profiles)
        self.message.setText("")
        self._show_charts(figures)
        self.loaded.emit(figures)

    def _set_profiles(self, profiles: list[str]) -> None:
        chosen = self.profile_combo.currentData()
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItem(self.tr("Every profile"), "")
        for name in profiles:
            self.profile_combo.addItem(name, name)
        index = self.profile_combo.findData(chosen)
        self.profile_combo.setCurrentIndex(max(index, 0))
        self.profile_combo.blockSignals(False)

    def _show_charts(self, figures: DashboardFigures | None) -> None:
        self.figures = figures
        if figures is not None:
            self._ensure_chart_views()
        if self.chart_views:
            from PySide6.QtCharts import QChart  # noqa: PLC0415 - loaded with the views
        for name, view in self.chart_views.items():
            old = view.chart()
            view.setChart(build_chart(name, figures) if figures is not None else QChart())
            if old is not None:
                old.deleteLater()
        for button in self.export_buttons.values():
            button.setEnabled(figures is not None)
        self._median_text()

    def _median_text(self) -> None:
        figures = self.figures
        if figures is None:
            self.median_label.setText("")
        elif figures.median_to_decided is None:
            self.median_label.setText(self.tr("No case was decided in this range."))
        else:
            self.median_label.setText(
                self.tr("Median time from queued to decided: {time} ({count} cases)").format(
                    time=duration_words(figures.median_to_decided), count=figures.decided
                )
            )

    # --- export --------------------------------------------------------------------------------

    def export_chart(self, chart: str, path: Path | None = None) -> Path | None:
        if self.figures is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the chart's numbers"), f"{chart}.csv", "CSV (*.csv)"
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            return export_csv(self.figures, chart, path)
        except IauthError as exc:
            self.message.setText(error_text(exc))
            return None

    def retranslate_ui(self) -> None:
        self.since_label.setText(self.tr("Fro&m"))
        self.until_label.setText(self.tr("T&o"))
        self.profile_label.setText(self.tr("Profi&le"))
        self.since_edit.setAccessibleName(self.tr("First day of the range"))
        self.until_edit.setAccessibleName(self.tr("Last day of the range"))
        self.profile_combo.setAccessibleName(self.tr("Profile shown"))
        if self.profile_combo.count() == 0:
            self.profile_combo.addItem("", "")
        self.profile_combo.setItemText(0, self.tr("Every profile"))
        self.refresh_button.setText(self.tr("&Show"))
        for name, button in self.export_buttons.items():
            button.setText(self.tr("Export CSV…"))
            button.setAccessibleName(self.tr("Export the numbers of {chart} as CSV").format(
                chart=name.replace("_", " ")))  # fmt: skip
        if self.figures is not None:
            self._show_charts(self.figures)
