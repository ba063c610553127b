"""The ID card on screen (issue #10): masked until an audited Reveal that asks why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from iauth_desktop.core.audit.log import AuditLog
from iauth_desktop.report.card_redaction import COVER, mask_card_image
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.audit.reveal_purpose import PurposeDialog, details_problem, purpose_text
from iauth_desktop.ui.case.case_view import CaseView
from tests.ui.case.test_case_view import demo_case, show, view  # noqa: F401


def _hooks(answers: list[str | None]) -> tuple[AuditHooks, list[str]]:
    asked: list[str] = []
    hooks = AuditHooks(AuditLog.default(), lambda: "alice")
    hooks.token = "{T}"

    def ask() -> str | None:
        asked.append("asked")
        return answers.pop(0)

    hooks.ask_purpose = ask
    return hooks, asked


def _number_band_pixel(image: QImage) -> QColor:
    return image.pixelColor(image.width() // 2, round(image.height() * 0.83))


def test_the_card_front_shows_masked_until_revealed_with_a_purpose(
    qtbot: QtBot,
    view: CaseView,  # noqa: F811
    isolated_dirs: dict[str, Path],
) -> None:
    prepared = demo_case("pass")
    hooks, asked = _hooks([None, "compare with the card"])
    view.evidence.audit = hooks
    view.fields.fields_model().audit = hooks
    show(qtbot, view, prepared)
    tile = view.evidence.tiles["frontpic"]
    original = prepared.images["frontpic"]
    shown = tile.image()
    assert tile.masked() is True and tile.reveal_button.isVisible()
    assert shown is not None and shown.size() == original.size()
    assert _number_band_pixel(shown) == COVER  # covered solid
    assert _number_band_pixel(original) != COVER
    assert "masked" in tile.caption()  # said on the tile, what was covered in its tooltip
    assert "covered" in tile.toolTip() and "covered" in tile._caption.toolTip()
    assert view.evidence.tiles["backpic"].masked() is None  # nothing to mask on the back
    viewer = view.evidence.open_viewer("videopic1")
    assert viewer is not None  # the ID front to compare against is the masked one
    assert viewer.reference_canvas.has_image()

    assert not view.evidence.toggle_reveal("frontpic")  # the reviewer cancels the purpose
    assert tile.masked() is True and not AuditLog.default().entries()
    assert view.evidence.toggle_reveal("frontpic")
    assert tile.masked() is False and tile.image() is original
    [entry] = AuditLog.default().entries()
    assert entry.event == "reveal"
    assert entry.data == {"token": "{T}", "field": "frontpic", "purpose": "compare with the card"}

    model = view.fields.fields_model()  # the purpose is remembered for the open case
    assert model.reveal(model.row_of("ID"))
    assert asked == ["asked", "asked"]
    assert AuditLog.default().entries()[-1].data["purpose"] == "compare with the card"
    hooks.token = "{another case}"
    assert hooks.purpose is None  # asked again for the next case

    assert view.evidence.toggle_reveal("frontpic")  # Hide: covered again, nothing recorded
    assert tile.masked() is True and _number_band_pixel(tile.image()) == COVER  # type: ignore[arg-type]


def test_a_card_that_cannot_be_placed_is_withheld_not_shown(qtbot: QtBot) -> None:
    blank = QImage(856, 540, QImage.Format.Format_RGB32)
    blank.fill(QColor("#eeeeee"))
    from iauth_desktop.ui.case.evidence_panel import EvidencePanel

    panel = EvidencePanel()
    qtbot.addWidget(panel)
    panel.show_media({"frontpic": blank}, {}, masked={"frontpic": mask_card_image(blank)})
    tile = panel.tiles["frontpic"]
    assert tile.image() is None and tile.masked() is True
    assert "Withheld while masked" in tile.placeholder_text()
    assert panel.toggle_reveal("frontpic")  # no audit hooks here: shown whole
    assert tile.image() is blank


def test_purpose_text_and_what_the_details_may_not_hold(qtbot: QtBot) -> None:
    assert purpose_text("fraud investigation", "  ticket  A-17 ") == (
        "fraud investigation: ticket A-17"
    )
    assert purpose_text("supervisor request", "") == "supervisor request"
    assert details_problem("born 1990-05-17") == "number"
    assert details_problem("ID 990101199005171231") == "number"
    assert details_problem("ticket A-17") is None
    dialog = PurposeDialog()
    qtbot.addWidget(dialog)
    assert dialog.reason_combo.count() == 4
    dialog.reason_combo.setCurrentIndex(1)
    dialog.details_edit.setText("called 138 0013 8000")
    dialog.accept()
    assert dialog.error_label.isVisibleTo(dialog)  # refused: stays open
    dialog.details_edit.setText("called back")
    assert dialog.purpose() == "check with the customer: called back"
