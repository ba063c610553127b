"""The image viewer: zoom (wheel, Ctrl +/−, Ctrl+0 fit, Ctrl+1 actual size), pan (drag, scroll
bars), 90° rotation, and a side-by-side comparison of a frame against the ID card front.

The toolbar acts on the canvas that last had focus; each canvas also zooms with its own wheel.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QImage, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from iauth_desktop.core.model.result import MediaRole, MediaSlot
from iauth_desktop.ui.i18n import Retranslating
from iauth_desktop.ui.labels import media_label
from iauth_desktop.ui.media.image_canvas import ImageCanvas


def _caption_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _id_front_label() -> str:
    return media_label(MediaSlot("", MediaRole.ID_FRONT))


class ImageViewer(Retranslating, QDialog):
    def __init__(
        self,
        image: QImage,
        field: str,
        parent: QWidget | None = None,
        *,
        reference: QImage | None = None,
        label: Callable[[], str] | None = None,
        reference_label: Callable[[], str] | None = None,
    ) -> None:
        """``field`` names the image; ``label`` gives its caption in the current language
        (default: the field's name); ``reference`` is the ID card front."""
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.field = field
        self._label = label or (lambda: field)
        self._reference_label = reference_label or _id_front_label
        self.canvas = ImageCanvas(self)
        self.reference_canvas = ImageCanvas(self)
        self._captions = (_caption_label(self), _caption_label(self))
        self._active = self.canvas
        self.canvas.focused.connect(lambda: self._set_active(self.canvas))
        self.reference_canvas.focused.connect(lambda: self._set_active(self.reference_canvas))
        self.canvas.view_changed.connect(self._update_zoom_label)
        self.reference_canvas.view_changed.connect(self._update_zoom_label)

        self.zoom_in_action = self._action(["Ctrl++", "Ctrl+="], "zoom_in")
        self.zoom_out_action = self._action(["Ctrl+-"], "zoom_out")
        self.fit_action = self._action(["Ctrl+0"], "fit")
        self.actual_size_action = self._action(["Ctrl+1"], "actual_size")
        self.rotate_left_action = self._action(["Ctrl+Shift+R"], "rotate_left")
        self.rotate_right_action = self._action(["Ctrl+R"], "rotate_right")
        self.compare_action = self._action(["Ctrl+K"], None)
        self.compare_action.setCheckable(True)
        self.compare_action.toggled.connect(self.set_compare)
        self.compare_action.setEnabled(reference is not None)

        self._zoom_label = QLabel(self)
        toolbar = QHBoxLayout()
        for action in (
            self.zoom_out_action,
            self.zoom_in_action,
            self.fit_action,
            self.actual_size_action,
            self.rotate_left_action,
            self.rotate_right_action,
            self.compare_action,
        ):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self._zoom_label)

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for canvas, caption in zip(
            (self.canvas, self.reference_canvas), self._captions, strict=True
        ):
            pane = QWidget(self._splitter)
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 0, 0, 0)
            pane_layout.addWidget(caption)
            pane_layout.addWidget(canvas, 1)
            self._splitter.addWidget(pane)
        self._reference_pane = pane  # the last one: the ID card front
        self._reference_pane.setVisible(False)
        self._captions[0].setVisible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self._splitter, 1)
        self.resize(960, 680)
        self.canvas.set_image(image)
        if reference is not None:
            self.reference_canvas.set_image(reference)
        self.retranslate_ui()

    def _action(self, shortcuts: list[str], canvas_method: str | None) -> QAction:
        """An action calling ``canvas_method`` on the canvas that last had focus."""
        action = QAction(self)
        action.setShortcuts([QKeySequence(text) for text in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if canvas_method is not None:
            action.triggered.connect(partial(self._on_active_canvas, canvas_method))
        self.addAction(action)
        return action

    def _on_active_canvas(self, method: str) -> None:
        getattr(self._active, method)()

    # --- state -------------------------------------------------------------------------------

    def comparing(self) -> bool:
        return self._reference_pane.isVisibleTo(self)

    def set_compare(self, on: bool) -> None:
        """Show the ID card front beside the image, each with its own zoom."""
        on = on and self.reference_canvas.has_image()
        self._reference_pane.setVisible(on)
        self._captions[0].setVisible(on)
        if self.compare_action.isChecked() != on:
            self.compare_action.setChecked(on)
        if on:
            half = max(self._splitter.width() // 2, 1)
            self._splitter.setSizes([half, half])
            self.reference_canvas.fit()
        elif self._active is self.reference_canvas:
            self._set_active(self.canvas)
        self.canvas.fit()

    def active_canvas(self) -> ImageCanvas:
        return self._active

    def _set_active(self, canvas: ImageCanvas) -> None:
        self._active = canvas
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        canvas = self._active
        text = self.tr("Zoom %1 %").replace("%1", f"{canvas.zoom * 100:.0f}")
        if canvas.rotation:
            text += "  " + self.tr("Rotated %1°").replace("%1", str(canvas.rotation))
        self._zoom_label.setText(text)

    # --- text and lifetime -------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        caption = self._label()
        self.setWindowTitle(self.tr("Image viewer — %1").replace("%1", caption))
        self._captions[0].setText(caption)
        self._captions[1].setText(self._reference_label())
        texts = (
            (self.zoom_in_action, self.tr("Zoom in"), "Ctrl++"),
            (self.zoom_out_action, self.tr("Zoom out"), "Ctrl+−"),
            (self.fit_action, self.tr("Fit"), "Ctrl+0"),
            (self.actual_size_action, self.tr("Actual size"), "Ctrl+1"),
            (self.rotate_left_action, self.tr("Rotate left"), "Ctrl+Shift+R"),
            (self.rotate_right_action, self.tr("Rotate right"), "Ctrl+R"),
            (self.compare_action, self.tr("Compare with ID front"), "Ctrl+K"),
        )
        for action, text, keys in texts:
            action.setText(text)
            action.setToolTip(f"{text} ({keys})")
        self._update_zoom_label()

    def release(self) -> None:
        """Drop the decrypted images (the case is being closed)."""
        self.canvas.clear()
        self.reference_canvas.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.release()
        super().closeEvent(event)
