"""The dashboard's charts follow the window's light or dark scheme, and their titles and axis
labels read on their backgrounds at WCAG AA (measured, issue #15: readable in both schemes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from iauth_desktop.ui.dashboard.charts import new_chart
from iauth_desktop.ui.theme import AA, contrast


@pytest.fixture
def scheme(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    before = qapp.palette()
    palette = QPalette(before)
    window = QColor("#202124") if request.param == "dark" else QColor("#f5f5f5")
    palette.setColor(QPalette.ColorRole.Window, window)
    qapp.setPalette(palette)
    yield request.param
    qapp.setPalette(before)


@pytest.mark.parametrize("scheme", ["light", "dark"], indirect=True)
def test_chart_text_reads_on_its_background(scheme: str) -> None:
    chart = new_chart("Queue depth by state")
    brush = chart.backgroundBrush()
    gradient = brush.gradient()
    # a theme may paint a gradient: every colour of it must carry the text
    backgrounds = [c for _at, c in gradient.stops()] if gradient is not None else [brush.color()]
    for background in backgrounds:
        assert (background.lightness() < 128) == (scheme == "dark")
        assert contrast(chart.titleBrush().color(), background) >= AA
        assert contrast(chart.legend().labelColor(), background) >= AA
