"""Draw the README's masking figure: a masked and an unmasked report page side by side.

A development tool (not collected by pytest): the demo case with the drawn specimen card of
``tests/report/card_specimens.py`` (legible number, no watermark) as its ID front, printed as the
masked and as the unmasked report; page 2 of each (identity fields and the ID card) is rendered
with poppler's ``pdftoppm`` and the two are put side by side. Run from the repository root:

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tests/tools/make_masking_figure.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "packaging" / "screenshots" / "report-masked-vs-unmasked.png"
DPI = 60
KEEP = 0.56  # the top of page 2: the last identity fields and the ID card


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    from iauth_desktop.core.audit.chain import AuditHead
    from iauth_desktop.core.evidence.report_data import (
        ReportContext,
        load_bundle_for_report,
        report_from_bundle,
    )
    from iauth_desktop.report.pdf_writer import write_report
    from tests.report.card_specimens import Variant, draw_specimen, jpeg_bytes
    from tests.report.demo_cases import demo_bundle

    front = jpeg_bytes(Variant("photo", rotation=1.5, margin=0.04).apply(draw_specimen()), 85)
    pages: list[QImage] = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        bundle = demo_bundle(folder, "pass", {"frontpic": front})
        loaded, manifest = load_bundle_for_report(bundle)
        for full_ids in (False, True):
            context = ReportContext("alice", "0.1.0", None, AuditHead(0, "0" * 64), full_ids)
            pdf = folder / f"report-{full_ids}.pdf"
            write_report(report_from_bundle(loaded, manifest, context), pdf)
            prefix = folder / f"page-{full_ids}"
            subprocess.run(
                ["pdftoppm", "-r", str(DPI), "-f", "2", "-l", "2", "-png", pdf, prefix],
                check=True,
            )
            [png] = folder.glob(f"page-{full_ids}*.png")
            page = QImage(str(png))
            pages.append(page.copy(QRect(0, 0, page.width(), round(page.height() * KEEP))))
    gap = 16
    width = sum(p.width() for p in pages) + gap
    figure = QImage(width, max(p.height() for p in pages), QImage.Format.Format_RGB32)
    figure.fill(QColor("#bbbbbb"))
    painter = QPainter(figure)
    painter.drawImage(0, 0, pages[0])
    painter.drawImage(pages[0].width() + gap, 0, pages[1])
    painter.end()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    assert figure.save(str(OUT), "PNG")
    del app
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
