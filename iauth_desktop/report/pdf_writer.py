"""Render a ReportData to an A4 PDF with QPdfWriter + QPainter, and write it atomically.

What a test (or an auditor's tooling) can rely on:

- text is real text in the bundled font (embedded, CID TrueType), so ``pdftotext`` reads it;
  every value is laid out from a plain string, never interpreted as markup;
- every image is embedded at its own pixel size: ``QPdfWriter`` writes the QImage's pixels as
  they are and scales them with the page's transformation, whatever its resolution setting
  (``pdfimages -list`` shows ID cards 856x540 and frames 320x240 for the demo media; checked at
  72, 300 and 1200 dpi). Qt re-encodes them (JPEG/DCT or Flate), so the embedded bytes are not
  the evidence files' bytes: the manifest's hashes are of the files in the bundle. Images with
  transparency are flattened onto white first, so no soft-mask images appear; video stills wider
  than ``stills.MAX_STILL_WIDTH`` are scaled down to it;
- the order of images is: ID front, ID back, video frames 1-3, then the stills;
- each page's footer says "page N of M";
- a character the embedded font lacks (CJK Extension B and beyond) is drawn by Qt's fallback from
  a system font when one has it, and is always flagged: on every page's footer and in a closing
  section naming each such character and where it is ("character outside the embedded font").
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from iauth_desktop.core.evidence.report_data import ReportData
from iauth_desktop.core.files import write_atomically
from iauth_desktop.core.model.errors import OutputError, TargetExistsError, UsageError
from iauth_desktop.report import sections_case, sections_evidence
from iauth_desktop.report.fonts import outside_font
from iauth_desktop.report.layout import GREY, RULE, PageFlow
from iauth_desktop.report.stills import StillsResult, sample_stills
from iauth_desktop.report.style import RED, Fonts, Writer

RESOLUTION = 300  # layout units per inch; images keep their own pixels regardless
MARGINS_MM = QMarginsF(15, 14, 15, 12)
FOOTER_MM = 10.0


@dataclass(frozen=True)
class ReportWritten:
    path: Path
    sha256: str
    size: int
    pages: int


def render_pdf(data: ReportData, stills: StillsResult | None = None) -> tuple[bytes, int]:
    """The PDF's bytes and its page count. Samples the video's stills unless given (needs a
    QGuiApplication on this thread: see ``app.ensure_gui_application``)."""
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        raise UsageError("rendering the PDF report needs a QGuiApplication")
    if stills is None and data.video.data is not None:
        stills = sample_stills(data.video.data)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(f"iauth-desktop case report {data.token}")
    writer.setCreator(f"iauth-desktop {data.tool_version}")
    flow = PageFlow(writer, FOOTER_MM)
    fonts = Fonts()
    w = Writer(flow, fonts)
    lay_out(w, data, stills)
    outside = outside_font("".join(flow.texts))
    if outside:
        sections_evidence.outside_font_section(w, outside, flow.texts)
    painter = QPainter()
    if not painter.begin(writer):
        raise OutputError("the PDF report could not be started (QPdfWriter refused)")
    try:
        flow.paint(painter, _Footer(flow, fonts, data, bool(outside)))
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data()), len(flow.pages)


def lay_out(w: Writer, data: ReportData, stills: StillsResult | None) -> None:
    sections_case.title(w, data)
    sections_case.case_header(w, data)
    sections_case.decision(w, data)
    sections_case.verdict(w, data)
    sections_case.attempts(w, data)
    sections_case.checks(w, data)
    sections_case.identity(w, data)
    sections_evidence.id_card(w, data)
    sections_evidence.video_frames(w, data)
    sections_evidence.video_stills(w, data, stills)
    sections_evidence.manifest(w, data)
    sections_evidence.provenance(w, data)


def write_report(
    data: ReportData, out: Path, *, force: bool = False, stills: StillsResult | None = None
) -> ReportWritten:
    """Render and write the PDF to ``out``: a temporary file beside it, fsynced, then renamed
    into place; nothing is left behind on failure. An existing ``out`` is replaced only with
    ``force`` (TargetExistsError otherwise, also when it appears while rendering)."""
    out = Path(out)
    _check_target(out, force=force)
    pdf, pages = render_pdf(data, stills)
    _place(pdf, out, force=force)
    return ReportWritten(out, hashlib.sha256(pdf).hexdigest(), len(pdf), pages)


def _check_target(out: Path, *, force: bool) -> None:
    if out.is_dir():
        raise OutputError(f"{out} is a folder; give the report's file name (e.g. case.pdf)")
    if os.path.lexists(out) and not force:
        raise TargetExistsError(f"{out} already exists (choose another name, or use --force)")
    if not out.parent.is_dir():
        raise OutputError(f"cannot write the report: the folder {out.parent} does not exist")


def _place(pdf: bytes, out: Path, *, force: bool) -> None:
    """Private (0600): the report holds personal data, like the bundle's files."""
    try:
        write_atomically(out, pdf, replace=force)
    except FileExistsError:
        raise TargetExistsError(f"{out} appeared while the report was being written") from None
    except OSError as exc:
        raise OutputError(f"writing the report to {out} failed: {exc.strerror or exc}") from exc


class _Footer:
    """Rule, "iauth-desktop case report · TOKEN", "page N of M", and a line on what the report
    holds (masked, full identity numbers, or tampered evidence)."""

    def __init__(self, flow: PageFlow, fonts: Fonts, data: ReportData, outside: bool) -> None:
        self._flow = flow
        self._font = fonts.small
        self._data = data
        self._outside = outside

    def __call__(self, painter: QPainter, number: int, count: int) -> None:
        flow, data = self._flow, self._data
        top = flow.body_height + flow.mm(3)
        painter.setPen(QPen(RULE, flow.mm(0.2)))
        painter.drawLine(QPointF(0, top), QPointF(flow.width, top))
        line = QRectF(0, top + flow.mm(1), flow.width, flow.mm(3.5))
        painter.setFont(self._font)
        painter.setPen(GREY)
        title = QFontMetricsF(self._font, flow.device).elidedText(
            f"iauth-desktop case report · {data.token}",
            Qt.TextElideMode.ElideRight,
            flow.width * 0.75,
        )
        painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft), title)
        painter.drawText(line, int(Qt.AlignmentFlag.AlignRight), f"page {number} of {count}")
        notes = []
        if data.integrity_warnings:
            notes.append("TAMPERED EVIDENCE 证据已被改动 — see page 1")
        if data.full_ids:
            notes.append("Contains FULL identity numbers 含完整证件号码")
        if self._outside:
            notes.append("character outside the embedded font 含字体外字符 — see the last page")
        if notes:
            painter.setPen(RED)
        note = (
            " · ".join(notes)
            or "Identity values and card images masked 身份信息与证件图片已脱敏 · confidential 机密"
        )
        painter.drawText(line.translated(0, flow.mm(3.5)), int(Qt.AlignmentFlag.AlignLeft), note)
