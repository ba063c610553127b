"""The whole case on one screen: verdict and consistency checks on top; fields, evidence images,
and the video with the digits read aloud below.

``show_case`` shows the verdict at once and each other part on a turn of the event loop of its
own. ``clear()`` drops every reference to decrypted data (Close case), parts not yet shown
included. ``media_ready`` fires
once per case, when every image tile is painted and the video's poster frame is shown
(screenshot mode waits for it).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QByteArray, Qt, Signal, Slot
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.model.result import FieldRole, MediaSlot
from iauth_desktop.ui.case.attempts_view import AttemptsView
from iauth_desktop.ui.case.consistency_view import ConsistencyView
from iauth_desktop.ui.case.evidence_panel import EvidencePanel
from iauth_desktop.ui.case.field_finder import FieldFinder
from iauth_desktop.ui.case.fields_view import FieldsTable
from iauth_desktop.ui.case.fit_area import FitArea
from iauth_desktop.ui.case.prepared_case import PreparedCase, evidence_problems
from iauth_desktop.ui.case.verdict_banner import VerdictBanner
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.media.video_player import VideoPlayer
from iauth_desktop.ui.theme import SPACING, TYPE
from iauth_desktop.ui.turns import Turns

FIELDS_WIDTH = 340  # px: a field's name, an 18-digit ID number and its key side by side


def shown_slots(prepared: PreparedCase) -> tuple[MediaSlot, ...]:
    """The evidence strip's places: every one of a flat answer; of a nested answer (FaceID's
    up to ten extra frames and videos) the first of each kind and those that hold a medium."""
    media = prepared.result.media
    return tuple(
        s for s in prepared.result.media_slots if not s.path or s.key in media or s.index <= 1
    )


def _scrolled(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a frame, not a stop for Tab
    return area


def _title(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def _height_for(widget: QWidget, width: int) -> int:
    if widget.hasHeightForWidth():
        return widget.heightForWidth(width)
    return widget.sizeHint().height()


class CaseView(Retranslating, QWidget):
    media_ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._waiting: set[str] = set()
        self._turns = Turns(self)  # the parts of a case still to be shown, one per turn
        self._has_case = False
        self._digits: tuple[str, bool] = ("", True)  # the digits read aloud, and whether sent
        self._files: tuple[tuple[str, ...], ...] = ((), (), ())  # changed, missing, unexpected
        self._video_error: str | None = None  # why the video field did not decode (re-worded)
        self.today: date | None = None  # None: the real date (tests pin it)

        self.tamper_label = QLabel(self)
        self.tamper_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tamper_label.setWordWrap(True)
        self.tamper_label.setStyleSheet(
            "background: #fce8e6; color: #8c1d18; border: 2px solid #c5221f; padding: 4px;"
        )
        self.tamper_label.hide()
        self.banner = VerdictBanner(self)
        self.consistency = ConsistencyView(self)
        self.fields = FieldsTable(self)
        self.attempts = AttemptsView(self)
        self.evidence = EvidencePanel(self)
        self.evidence.images_shown.connect(lambda: self._done("images"))
        self.video = VideoPlayer(self)
        self.video.poster_ready.connect(lambda: self._done("poster"))
        self.video.failed.connect(lambda _reason: self._done("poster"))  # no poster will come

        top = _named_splitter(Qt.Orientation.Horizontal, self, "caseTopSplitter")
        top.addWidget(_scrolled(self.banner, top))
        top.addWidget(_scrolled(self.consistency, top))
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setChildrenCollapsible(False)

        bottom = _named_splitter(Qt.Orientation.Horizontal, self, "caseBottomSplitter")
        bottom.addWidget(self._fields_pane(bottom))
        bottom.addWidget(self._evidence_pane(bottom))
        bottom.addWidget(self._video_pane(bottom))
        for index, stretch in enumerate((4, 5, 4)):
            bottom.setStretchFactor(index, stretch)
        bottom.setChildrenCollapsible(False)

        self.splitter = _named_splitter(Qt.Orientation.Vertical, self, "caseSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self._top, self._bottom = top, bottom
        self._user_sized = False
        for splitter in (top, bottom, self.splitter):
            splitter.splitterMoved.connect(self._remember_user_sizes)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.normal, SPACING.normal, SPACING.normal, SPACING.normal)
        layout.addWidget(self.tamper_label)
        layout.addWidget(self.splitter, 1)
        self.retranslate_ui()

    # --- panes -------------------------------------------------------------------------------

    def _fields_pane(self, parent: QWidget) -> QWidget:
        pane = QWidget(parent)
        self._fields_title = _title(pane)
        reveal = QToolButton(pane)
        reveal.setDefaultAction(self.fields.reveal_action)
        copy = QToolButton(pane)
        copy.setDefaultAction(self.fields.copy_action)
        self.field_finder = FieldFinder(self.fields, pane)
        head = QHBoxLayout()
        head.addWidget(self._fields_title)
        head.addWidget(self.field_finder, 1)
        head.addWidget(reveal)
        head.addWidget(copy)
        table = QWidget(pane)
        table_layout = QVBoxLayout(table)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(head)
        table_layout.addWidget(self.fields, 1)
        split = _named_splitter(Qt.Orientation.Vertical, pane, "fieldsSplitter")
        split.addWidget(table)
        split.addWidget(self.attempts)  # hidden unless the provider reports attempts
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        # Tab reads as the pane does: find, Reveal, Copy value, the table
        for first, second in ((self.field_finder, reveal), (reveal, copy), (copy, self.fields)):
            QWidget.setTabOrder(first, second)
        return pane

    def _evidence_pane(self, parent: QWidget) -> QWidget:
        return FitArea(self.evidence, parent)

    def _video_pane(self, parent: QWidget) -> QWidget:
        pane = QWidget(parent)
        self._video_title = _title(pane)
        # several videos (one per liveness attempt): which one plays
        self.video_choice = QComboBox(pane)
        self.video_choice.setVisible(False)
        self.video_choice.currentIndexChanged.connect(self._choose_video)
        self._videos: list[tuple[str, QByteArray]] = []
        self._video_stack = QStackedWidget(pane)
        self._video_stack.addWidget(self.video)
        self._no_video = QLabel(pane)
        self._no_video.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._no_video.setWordWrap(True)
        self._video_stack.addWidget(self._no_video)
        self._digits_title = QLabel(pane)
        self.digits_label = QLabel(pane)
        self.digits_label.setTextFormat(Qt.TextFormat.PlainText)
        self.digits_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.digits_label.setWordWrap(True)
        self._plain_digits_font = QFont(self.digits_label.font())
        font = QFont(self.digits_label.font())
        font.setPointSizeF(font.pointSizeF() * TYPE.digits)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 6)
        self._big_digits_font = font  # only for digits: a sentence reads like any field
        self.digits_label.setFont(font)
        digits = QFrame(pane)
        digits.setFrameShape(QFrame.Shape.StyledPanel)
        digits_layout = QHBoxLayout(digits)
        digits_layout.addWidget(self._digits_title)
        digits_layout.addWidget(self.digits_label, 1)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self._video_title, 1)
        title_row.addWidget(self.video_choice)
        layout.addLayout(title_row)
        layout.addWidget(self._video_stack, 1)
        layout.addWidget(digits)
        return pane

    # --- showing a case ----------------------------------------------------------------------

    def show_case(self, prepared: PreparedCase) -> None:
        """The verdict now; the consistency checks, the fields and the media each on a turn of
        the event loop of their own, so the window paints and answers between them."""
        if self._has_case:
            self.clear()
        else:
            self._turns.cancel()  # an empty view: nothing else to drop, no time spent on it
        case = prepared.case
        result = case.result
        text_only = case.text_only and not result.media
        self._has_case = True
        self._waiting = {"images"}
        self._files = (case.changed_files, case.missing_files, case.unexpected_files)
        self._show_tampering()
        self.banner.show_result(result, evidence_problems(prepared))
        self._turns.run(
            (
                lambda: self._show_consistency(prepared),
                lambda: self._show_fields(prepared, text_only),
                lambda: self._show_media(prepared, text_only),
            )
        )

    def _show_consistency(self, prepared: PreparedCase) -> None:
        # the verdict has laid itself out: give the top row the height it needs (unless the
        # reviewer set the sizes)
        self._apply_default_sizes()
        self.consistency.show_identity(prepared.result.identity, self.today)

    def _show_fields(self, prepared: PreparedCase, text_only: bool) -> None:
        result = prepared.result
        self.fields.fields_model().load(result)
        self.attempts.show_result(result)
        challenge = result.field(FieldRole.CHALLENGE)
        self._digits = (result.challenge, challenge is not None and challenge.sent)
        self._set_digits()
        self._video_stack.setCurrentIndex(1 if text_only else 0)

    def _show_media(self, prepared: PreparedCase, text_only: bool) -> None:
        if not text_only:
            self._load_video(prepared)
        self.evidence.show_media(
            prepared.images,
            prepared.result.media,
            text_only=text_only,
            slots=shown_slots(prepared),
            masked=prepared.masked,
        )
        self._apply_default_sizes()

    def clear(self) -> None:
        """Close case: no decrypted value, image or video stays referenced by this view."""
        self._turns.cancel()  # what was still to be shown of the case
        self._has_case = False
        self._waiting = set()
        self.banner.clear()
        self.consistency.clear()
        self.fields.clear()
        self.attempts.clear()
        self.evidence.clear()
        self.video.clear()
        self._videos = []
        self.video_choice.blockSignals(True)
        self.video_choice.clear()
        self.video_choice.blockSignals(False)
        self.video_choice.setVisible(False)
        self._digits, self._files, self._video_error = ("", True), ((), (), ()), None
        self.digits_label.clear()
        self._show_tampering()
        self._video_stack.setCurrentIndex(0)

    def _load_video(self, prepared: PreparedCase) -> None:
        item = prepared.result.video
        if prepared.video is None and item is not None and item.error:
            self._video_error = item.error
            self._show_video_error()
            return
        self._offer_videos(prepared)
        self._waiting.add("poster")  # before load(): the poster may come at once
        self.video.load(prepared.video)
        if prepared.video is None or not self.video.has_video():
            self._waiting.discard("poster")

    def _offer_videos(self, prepared: PreparedCase) -> None:
        self._videos = list(prepared.videos.items())
        self.video_choice.blockSignals(True)
        self.video_choice.clear()
        for _key, _data in self._videos:
            self.video_choice.addItem("")
        self._label_videos()
        first = next((i for i, (_k, data) in enumerate(self._videos) if data is prepared.video), 0)
        self.video_choice.setCurrentIndex(first)
        self.video_choice.blockSignals(False)
        self.video_choice.setVisible(len(self._videos) > 1)

    def _label_videos(self) -> None:
        for number, (key, _data) in enumerate(self._videos, 1):
            self.video_choice.setItemText(
                number - 1,
                self.tr("Video %1 of %2 (%3)")
                .replace("%1", str(number))
                .replace("%2", str(len(self._videos)))
                .replace("%3", key),
            )

    @Slot(int)
    def _choose_video(self, index: int) -> None:
        if 0 <= index < len(self._videos):
            self.video.load(self._videos[index][1])

    def _show_video_error(self) -> None:
        if self._video_error is not None:
            text = self.tr("The video could not be decoded: %1.")
            self.video.show_unavailable(text.replace("%1", self._video_error))

    def play_video(self) -> None:
        """Keyboard: play or pause, with the focus in the player (Space, the arrow keys step)."""
        if self.video.has_video():
            self.video.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.video.toggle_play()

    def has_case(self) -> bool:
        return self._has_case

    # --- layout ------------------------------------------------------------------------------

    def _remember_user_sizes(self) -> None:
        self._user_sized = True

    def keep_sizes(self) -> None:
        """The splitters' sizes were restored from the last run: keep them."""
        self._user_sized = True

    def _apply_default_sizes(self) -> None:
        """Top row as tall as the verdict needs; fields, images and video share the width."""
        if self._user_sized:
            return
        width, height = self.splitter.width(), self.splitter.height()
        widths = [int(width * 0.62), int(width * 0.38)]
        need = max(
            _height_for(self.banner, widths[0] - 8), _height_for(self.consistency, widths[1] - 8)
        )
        top = min(max(need + 4, 120), int(height * 0.45))
        self.splitter.setSizes([top, max(height - top, 1)])
        self._top.setSizes(widths)
        # the fields and the video what they need (a third, a quarter at most); the evidence
        # images every pixel beyond that, so a large screen shows them larger, not emptier
        fields = max(int(width * 0.28), min(FIELDS_WIDTH, int(width * 0.33)))
        video = max(int(width * 0.26), min(self._video_min_width(), int(width * 0.3)))
        self._bottom.setSizes([fields, max(width - fields - video, 1), video])

    def _video_min_width(self) -> int:
        return self.video.controls.minimumSizeHint().width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_default_sizes()

    def _done(self, part: str) -> None:
        if part not in self._waiting:
            return
        self._waiting.discard(part)
        if not self._waiting:
            self.media_ready.emit()

    def _set_digits(self) -> None:
        if not self._has_case:
            return
        digits, present = self._digits
        big = bool(digits.strip())
        self.digits_label.setFont(self._big_digits_font if big else self._plain_digits_font)
        if big:
            self.digits_label.setText(digits)
        elif present:
            self.digits_label.setText(self.tr("none — action liveness"))
        else:
            self.digits_label.setText(self.tr("not sent"))

    def _show_tampering(self) -> None:
        """A saved case whose files changed since export says so above everything else."""
        names = (self.tr("changed: %1"), self.tr("missing: %1"), self.tr("unexpected: %1"))
        parts = [
            name.replace("%1", ", ".join(files))
            for name, files in zip(names, self._files, strict=True)
            if files
        ]
        self.tamper_label.setVisible(bool(parts))
        self.tamper_label.setText(
            self.tr("⚠ This saved case was modified after export — %1").replace(
                "%1", "; ".join(parts)
            )
            if parts
            else ""
        )

    # --- text --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self._fields_title.setText(self.tr("Fields"))
        self._video_title.setText(self.tr("Liveness video"))
        self.video_choice.setAccessibleName(self.tr("Which liveness video plays"))
        self._label_videos()
        self._digits_title.setText(self.tr("Digits read aloud:"))
        self._no_video.setText(self.tr("No media requested: the case was fetched as text only."))
        self._set_digits()
        self._show_tampering()
        self._show_video_error()


def _named_splitter(orientation: Qt.Orientation, parent: QWidget, name: str) -> QSplitter:
    """A splitter whose position the window keeps between runs (by this name)."""
    splitter = QSplitter(orientation, parent)
    splitter.setObjectName(name)
    return splitter
