"""The evidence images: the ID card's sides side by side, then the video frames.

A medium that failed to decode shows a placeholder with the reason; the other tiles stay usable.
``images_shown`` fires once per load, when every tile on screen has painted its content. The ID
card's portrait side shows masked (number, birth line and address covered; withheld when it
cannot be placed on the card's layout) until Reveal, which asks why and is audited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.model.media import MediaItem
from iauth_desktop.core.model.result import MediaRole, MediaSlot
from iauth_desktop.core.providers.registry import get_spec
from iauth_desktop.report.card_redaction import MaskedCard
from iauth_desktop.ui.audit.audit_hooks import AuditHooks
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.labels import media_label
from iauth_desktop.ui.media.image_tile import ImageTile
from iauth_desktop.ui.media.image_viewer import ImageViewer
from iauth_desktop.ui.theme import SPACING

CARD_ROLES = (MediaRole.ID_FRONT, MediaRole.ID_BACK, MediaRole.AVATAR)


@dataclass(frozen=True)
class _Missing:
    error: str | None
    mime: str
    size: int
    warning: str | None

    @classmethod
    def of(cls, item: MediaItem | None) -> _Missing | None:
        return None if item is None else cls(item.error, item.mime, item.size, item.warning)


def _section_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class EvidencePanel(Retranslating, QWidget):
    images_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[str, ImageTile] = {}
        self.audit: AuditHooks | None = None  # image reveals go to its audit log
        self._originals: dict[str, QImage] = {}  # masked images' originals, shown on Reveal
        self._masked: dict[str, MaskedCard] = {}
        self._viewers: list[ImageViewer] = []
        self._waiting = False
        # field -> what a placeholder explains (no decrypted bytes), to re-word it on LanguageChange
        self._missing: dict[str, _Missing | None] = {}
        tiles_page = QWidget(self)
        self._card_title = _section_label(tiles_page)
        self._frames_title = _section_label(tiles_page)
        # each row shares the whole width equally: two card sides over three frames take half
        # and a third of it each
        self._rows = (QHBoxLayout(), QHBoxLayout())
        page = QVBoxLayout(tiles_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(SPACING.normal)
        page.addWidget(self._card_title)
        page.addLayout(self._rows[0], 5)
        page.addWidget(self._frames_title)
        page.addLayout(self._rows[1], 4)
        self._tiles_page = tiles_page
        self._slots: tuple[MediaSlot, ...] = ()
        self.set_slots(get_spec().media_slots)
        self._no_media = QLabel(self)
        self._no_media.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._no_media.setWordWrap(True)
        self._stack = QStackedLayout()
        self._stack.addWidget(tiles_page)
        self._stack.addWidget(self._no_media)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._stack)
        self.retranslate_ui()

    def set_slots(self, slots: tuple[MediaSlot, ...]) -> None:
        """Lay out one tile per image slot of the provider: card sides above, frames below."""
        images = tuple(s for s in slots if s.role is not MediaRole.VIDEO)
        if images == self._slots:
            return
        for tile in self.tiles.values():
            tile.setParent(None)
            tile.deleteLater()
        self.tiles.clear()
        self._slots = images
        self._labels = {s.key: s for s in images}
        cards = [s for s in images if s.role in CARD_ROLES]
        frames = [s for s in images if s.role not in CARD_ROLES]
        for row, group in zip(self._rows, (cards, frames), strict=True):
            for slot in group:
                row.addWidget(self._make_tile(slot, self._tiles_page), 1)

    def _make_tile(self, slot: MediaSlot, parent: QWidget) -> ImageTile:
        field = slot.key
        tile = ImageTile(field, parent, label=lambda: media_label(slot))
        tile.activated.connect(self.open_viewer)
        tile.painted.connect(self._check_shown)
        tile.reveal_requested.connect(self.toggle_reveal)
        self.tiles[field] = tile
        return tile

    # --- content -----------------------------------------------------------------------------

    def show_media(
        self,
        images: Mapping[str, QImage],
        media: Mapping[str, MediaItem],
        *,
        text_only: bool = False,
        slots: tuple[MediaSlot, ...] | None = None,
        masked: Mapping[str, MaskedCard] | None = None,
    ) -> None:
        """``images`` holds what decoded; ``media`` says why anything else did not; ``slots``
        are the provider's (default: as laid out); ``masked`` the masked form of the images
        that are shown masked until revealed."""
        self._close_viewers()
        self._masked = dict(masked or {})
        self._originals = {}
        if slots is not None:
            self.set_slots(slots)
        self._stack.setCurrentIndex(1 if text_only else 0)
        for field, tile in self.tiles.items():
            image = images.get(field)
            item = media.get(field)
            if text_only:
                tile.clear()
            elif image is not None and not image.isNull() and field in self._masked:
                self._originals[field] = image
                self._show_masked(field)
            elif image is not None and not image.isNull():
                tile.set_image(image, item.warning if item is not None else None)
            else:
                self._missing[field] = _Missing.of(item)
                tile.set_placeholder(self._reason(self._missing[field]))
        self._waiting = True
        QTimer.singleShot(0, self, self._check_shown)

    # --- masked images ---------------------------------------------------------------------------

    def _show_masked(self, field: str) -> None:
        tile, masked = self.tiles[field], self._masked[field]
        if masked.image is not None:
            tile.set_image(masked.image)
            tile.set_masked(True, self.tr("Number, birth date and address covered"))
        else:
            reason = masked.refused.reason if masked.refused is not None else ""
            tile.set_placeholder(
                self.tr(
                    "Withheld while masked: the card could not be placed on its standard "
                    "layout (%1). Reveal shows it (recorded)."
                ).replace("%1", reason)
            )
            tile.set_masked(True, "")

    def focus_first(self) -> None:
        """Keyboard: the first tile that shows an image (the ID card's portrait side), ready
        for Enter (the viewer: zoom, compare) and Tab (its Reveal)."""
        tile = next((t for t in self.tiles.values() if t.has_image()), None)
        if tile is not None:
            self.window().activateWindow()
            tile.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle_reveal(self, field: str) -> bool:
        """Reveal a masked image (asks why; recorded), or cover it again; False when the
        reveal was refused or cancelled."""
        tile, original = self.tiles.get(field), self._originals.get(field)
        if tile is None or original is None:
            return False
        if not tile.masked():
            self._show_masked(field)
            return True
        if self.audit is not None and not self.audit.revealed(field):
            return False
        tile.set_image(original)
        tile.set_masked(False)
        return True

    def clear(self) -> None:
        """Drop every image (and close the viewers holding copies)."""
        self._close_viewers()
        self._originals.clear()
        self._masked.clear()
        self._waiting = False
        self._missing.clear()
        for tile in self.tiles.values():
            tile.clear()
        self._stack.setCurrentIndex(0)

    def _reason(self, item: _Missing | None) -> str:
        if item is None:
            return self.tr("Not sent by the service.")
        if item.error:
            return self.tr("Could not be decoded: %1.").replace("%1", item.error)
        reason = self.tr(
            "The image could not be decoded (%1, %2 bytes): it is damaged or not an image."
        )
        reason = reason.replace("%1", item.mime).replace("%2", str(item.size))
        if item.warning:
            reason += "\n" + item.warning
        return reason

    def _check_shown(self, *_args: object) -> None:
        """Every tile either painted its content or is off screen (it will paint when seen)."""
        if not self._waiting:
            return
        if self._stack.currentIndex() == 0 and any(
            tile.needs_paint() and tile.is_exposed() for tile in self.tiles.values()
        ):
            return
        self._waiting = False
        self.images_shown.emit()

    # --- viewer ------------------------------------------------------------------------------

    def open_viewer(self, field: str) -> ImageViewer | None:
        """A viewer for the tile's image, with the ID card front to compare a frame against."""
        tile = self.tiles.get(field)
        image = tile.image() if tile is not None else None
        if image is None:
            return None
        self._drop_closed_viewers()
        front_slot = next((s for s in self._slots if s.role is MediaRole.ID_FRONT), None)
        front_tile = self.tiles.get(front_slot.key) if front_slot is not None else None
        front = (
            front_tile.image()
            if front_tile is not None and front_slot != self._labels.get(field)
            else None
        )
        slot = self._labels[field]
        viewer = ImageViewer(
            image, field, self.window(), reference=front, label=lambda: media_label(slot)
        )
        self._viewers.append(viewer)
        viewer.show()
        return viewer

    def viewers(self) -> list[ImageViewer]:
        """The viewers still open."""
        return [viewer for viewer in self._viewers if viewer.isVisible()]

    def _drop_closed_viewers(self) -> None:
        # Closed viewers already released their images (closeEvent); delete them here rather
        # than from their ``destroyed`` signal, where touching the wrapper crashes PySide6.
        for viewer in [viewer for viewer in self._viewers if not viewer.isVisible()]:
            self._viewers.remove(viewer)
            viewer.deleteLater()

    def _close_viewers(self) -> None:
        for viewer in self._viewers:
            viewer.release()
            viewer.close()
            viewer.deleteLater()
        self._viewers.clear()

    # --- text --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self._card_title.setText(self.tr("ID card"))
        self._frames_title.setText(self.tr("Video frames"))
        self._no_media.setText(self.tr("No media requested: this case was fetched as text only."))
        for field, missing in self._missing.items():
            self.tiles[field].set_placeholder(self._reason(missing))
        for field in self._originals:
            if self.tiles[field].masked():
                self._show_masked(field)
