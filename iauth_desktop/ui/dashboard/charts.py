"""The dashboard's charts (QtCharts), each built from ``DashboardFigures`` alone, titled and
labelled in the interface language, themed for the window's light or dark palette."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from iauth_desktop.core.model.dashboard import DashboardFigures
from iauth_desktop.core.model.queue import QueueState
from iauth_desktop.core.model.timefmt import as_utc
from iauth_desktop.ui.i18n import current_language
from iauth_desktop.ui.labels import verdict_label
from iauth_desktop.ui.queue.queue_labels import state_label

DEPTH_STATES = (
    QueueState.PENDING,
    QueueState.TRIAGED,
    QueueState.CLAIMED,
    QueueState.AWAITING_CONFIRMATION,
    QueueState.FETCH_FAILED,
)
RISK_BUCKETS = (timedelta(0), timedelta(hours=6), timedelta(hours=12), timedelta(hours=24))


def dark_palette() -> bool:
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else QPalette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def new_chart(title: str) -> QChart:
    chart = QChart()
    dark = dark_palette()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def depth_chart(figures: DashboardFigures) -> QChart:
    chart = new_chart(QCoreApplication.translate("DashboardCharts", "Queue depth by state"))
    x_axis, y_axis = QDateTimeAxis(), QValueAxis()
    x_axis.setFormat("MM-dd HH:mm")
    y_axis.setLabelFormat("%d")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    top = 1
    for state in DEPTH_STATES:
        series = QLineSeries()
        series.setName(state_label(state))
        for point in figures.depth:
            ms = int(as_utc(point.at).timestamp() * 1000)
            series.append(float(ms), float(point.counts.get(state, 0)))
            top = max(top, point.counts.get(state, 0))
        chart.addSeries(series)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    if figures.depth:
        x_axis.setRange(_qt_time(figures.depth[0].at), _qt_time(figures.depth[-1].at))
    count_axis(y_axis, top)
    return chart


def risk_counts(figures: DashboardFigures) -> list[int]:
    """At-risk cases by estimated time left: likely expired, under 6 h, 6–12 h, 12–24 h."""
    counts = [0, 0, 0, 0]
    for case in figures.at_risk:
        left = case.expires_at - figures.now
        index = sum(left >= edge for edge in RISK_BUCKETS)
        counts[min(index, 3)] += 1
    return counts


def at_risk_chart(figures: DashboardFigures) -> QChart:
    chart = new_chart(
        QCoreApplication.translate("DashboardCharts", "Cases at risk of expiring (estimate)")
    )
    labels = [
        QCoreApplication.translate("DashboardCharts", "likely expired"),
        QCoreApplication.translate("DashboardCharts", "under 6 h"),
        QCoreApplication.translate("DashboardCharts", "6–12 h"),
        QCoreApplication.translate("DashboardCharts", "12–24 h"),
    ]
    bars = QBarSet(QCoreApplication.translate("DashboardCharts", "open cases"))
    for count in risk_counts(figures):
        bars.append(float(count))
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    _categories(chart, series, labels)
    chart.legend().setVisible(False)
    return chart


def per_reviewer_chart(figures: DashboardFigures) -> QChart:
    chart = new_chart(
        QCoreApplication.translate("DashboardCharts", "Decisions per reviewer per day")
    )
    days = sorted({d.day for d in figures.per_reviewer})
    reviewers = sorted({d.reviewer for d in figures.per_reviewer})
    counts = {(d.day, d.reviewer): d.decisions for d in figures.per_reviewer}
    series = QStackedBarSeries()
    for reviewer in reviewers:
        bars = QBarSet(reviewer)
        for day in days:
            bars.append(float(counts.get((day, reviewer), 0)))
        series.append(bars)
    _categories(chart, series, [day.strftime("%m-%d") for day in days])
    return chart


def verdict_chart(figures: DashboardFigures) -> QChart:
    chart = new_chart(QCoreApplication.translate("DashboardCharts", "Triage verdicts"))
    series = QPieSeries()
    for verdict in ("passed", "failed", "incomplete"):
        count = figures.verdicts.get(verdict, 0)
        if count:
            piece = series.append(f"{verdict_label(verdict)}: {count}", float(count))
            piece.setLabelVisible(True)
    chart.addSeries(series)
    return chart


def codes_chart(figures: DashboardFigures) -> QChart:
    chart = new_chart(QCoreApplication.translate("DashboardCharts", "Failure codes that fail most"))
    bars = QBarSet(QCoreApplication.translate("DashboardCharts", "failed cases"))
    labels = []
    for code in reversed(figures.codes):  # the most frequent on top
        bars.append(float(code.count))
        meaning = code.meaning_zh if current_language() == "zh_CN" else code.meaning_en
        labels.append(f"{code.code} {meaning}"[:48] if meaning else str(code.code))
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    categories, values = QBarCategoryAxis(), QValueAxis()
    categories.append(labels)
    count_axis(values, max((c.count for c in figures.codes), default=1))
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().setVisible(False)
    return chart


def confirmations_chart(figures: DashboardFigures) -> QChart:
    found = figures.confirmations
    if found is None:
        return new_chart(
            QCoreApplication.translate(
                "DashboardCharts", "Confirmations: none (the four-eyes rule is off)"
            )
        )
    rate = found.overturn_rate
    title = (
        QCoreApplication.translate("DashboardCharts", "Confirmations: none yet")
        if rate is None
        else QCoreApplication.translate(
            "DashboardCharts", "Overturn rate {rate} ({overturned} of {total})"
        ).format(rate=f"{rate:.0%}", overturned=found.overturned, total=found.total)
    )
    chart = new_chart(title)
    series = QPieSeries()
    for label, count in (
        (QCoreApplication.translate("DashboardCharts", "agreed"), found.agreed),
        (QCoreApplication.translate("DashboardCharts", "overturned"), found.overturned),
    ):
        if count:
            series.append(f"{label}: {count}", float(count)).setLabelVisible(True)
    chart.addSeries(series)
    return chart


def count_axis(axis: QValueAxis, top: float) -> None:
    """Whole numbers only, at most six ticks: 0 … top, the top rounded up to a whole step."""
    top = max(1, math.ceil(top))
    intervals = min(top, 5)
    step = math.ceil(top / intervals)
    axis.setLabelFormat("%d")
    axis.setRange(0, step * intervals)
    axis.setTickCount(intervals + 1)


def _categories(chart: QChart, series: QBarSeries | QStackedBarSeries, labels: list[str]) -> None:
    chart.addSeries(series)
    categories, values = QBarCategoryAxis(), QValueAxis()
    categories.append(labels)
    count_axis(values, max((s.at(i) for s in series.barSets() for i in range(s.count())),
                           default=1))  # fmt: skip
    if isinstance(series, QStackedBarSeries):
        totals = [sum(s.at(i) for s in series.barSets()) for i in range(len(labels))]
        count_axis(values, max(totals, default=1))
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values)


def _qt_time(moment: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(as_utc(moment).timestamp() * 1000))
