"""A case with its media already turned into Qt objects, built in the worker thread.

Decoding JPEGs and putting a 50 MiB video into a ``QByteArray`` are done by ``prepare_case`` in
the background task, so the GUI thread only paints — and without holding the GIL the GUI thread
needs: images are decoded by ``QImageReader.read`` (which releases it; ``QImage.fromData`` holds
it for the whole decode), and a medium the fetch process sent is read straight into the
``QByteArray`` it is shown from (``media_buffer``), so the video is never copied. Other video
bytes are copied in 1 MiB pieces: one ``QByteArray(bytes)`` of 50 MiB holds the GIL for
~30 ms. The ID card's portrait side is masked here too (its number, birth line and address
covered).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader

from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import CancelledError
from iauth_desktop.core.model.result import MediaRole, VerificationResult
from iauth_desktop.report.card_redaction import MaskedCard, mask_card_image

_COPY_CHUNK = 1 << 20


@dataclass(frozen=True)
class PreparedCase:
    """``images`` holds every image field that decoded (a failed one has no entry: the view
    shows ``MediaItem.error`` or "could not be decoded"); ``video`` the video's bytes or None;
    ``masked`` the masked form of each ID card portrait side (shown until an audited Reveal)."""

    case: ReviewCase
    images: dict[str, QImage] = field(default_factory=dict, repr=False)
    video: QByteArray | None = field(default=None, repr=False)
    masked: dict[str, MaskedCard] = field(default_factory=dict, repr=False)
    # every video that decoded, the first one included, by field (a FaceID answer may carry
    # one per liveness attempt); in the answer's order
    videos: dict[str, QByteArray] = field(default_factory=dict, repr=False)

    @property
    def result(self) -> VerificationResult:
        return self.case.result


def prepare_case(case: ReviewCase, cancel: threading.Event | None = None) -> PreparedCase:
    """Decode every image medium and copy the video; meant for a worker thread."""
    images: dict[str, QImage] = {}
    masked: dict[str, MaskedCard] = {}
    video: QByteArray | None = None
    all_videos: dict[str, QByteArray] = {}
    fronts = {slot.key for slot in case.result.slots(MediaRole.ID_FRONT)}
    videos = {slot.key for slot in case.result.slots(MediaRole.VIDEO)}
    first_video = case.result.video
    for name, item in case.result.media.items():
        if cancel is not None and cancel.is_set():
            raise CancelledError("the fetch was cancelled")
        if item.data is None:
            continue
        if name in videos:  # the first plays; the others are offered beside it
            copy = _byte_array(item.data, cancel)
            all_videos[name] = copy
            if first_video is not None and name == first_video.field:
                video = copy
            continue
        image = decode_image(item.data)
        if not image.isNull():
            images[name] = image
            if name in fronts:
                masked[name] = mask_card_image(image)
    order = [slot.key for slot in case.result.slots(MediaRole.VIDEO)]
    ordered = {key: all_videos[key] for key in order if key in all_videos}
    return PreparedCase(case=case, images=images, video=video, masked=masked, videos=ordered)


def media_buffer(length: int) -> memoryview:
    """Where the fetch process's bytes of a medium go (``ChildFetcher.fetch``'s ``allocate``):
    a ``QByteArray`` of that length, not yet touched (``resize`` leaves it uninitialised)."""
    data = QByteArray()
    data.resize(length)
    return memoryview(data)


def _whole_byte_array(data: bytes | bytearray | memoryview) -> QByteArray | None:
    """The ``QByteArray`` ``data`` is a view of, when it views all of one (``media_buffer``)."""
    if isinstance(data, memoryview) and isinstance(data.obj, QByteArray):
        whole: QByteArray = data.obj
        if data.contiguous and data.nbytes == whole.size():
            return whole
    return None


def decode_image(data: bytes | bytearray | memoryview) -> QImage:
    """The image (null when it does not decode), decoded with the GIL released.

    Qt chooses the image's format under a lock of its own, shared by every thread that loads an
    image (the GUI thread too, for the style's icons), reading the buffer through its virtual
    methods; and the first call of each virtual method of an object made in Python takes the
    GIL, for PySide to look for a Python override. ``read()`` releases the GIL: choosing the
    format inside it, this thread waited for the GIL while holding that lock, and the GUI
    thread, holding the GIL, waited for the lock — a deadlock (a CI rehearsal hung; gdb showed
    both threads). ``canRead()`` keeps the GIL, so the format is chosen here, with the GIL in
    hand, and ``read()`` then only decodes, outside that lock."""
    source = _whole_byte_array(data)
    if source is None:
        source = QByteArray(bytes(data))  # an image is small; Qt refuses memoryviews
    buffer = QBuffer()
    buffer.setData(source)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    if not reader.canRead():  # the format chosen with the GIL held (see above)
        return QImage()
    return reader.read()


def _byte_array(data: bytes | bytearray | memoryview, cancel: threading.Event | None) -> QByteArray:
    whole = _whole_byte_array(data)
    if whole is not None:
        return whole  # read there by the fetch process's receiver: shared, not copied
    copy = QByteArray()
    copy.reserve(len(data))
    view = memoryview(data)
    for start in range(0, len(data), _COPY_CHUNK):
        if cancel is not None and cancel.is_set():
            raise CancelledError("the fetch was cancelled")
        copy.append(view[start : start + _COPY_CHUNK].tobytes())
    return copy


def evidence_problems(prepared: PreparedCase) -> list[tuple[str, str]] | None:
    """The core's judgement of the evidence, plus any image Qt could not decode (None: a
    text-only fetch, where completeness does not apply)."""
    case = prepared.case
    if case.evidence_complete is None:
        return None
    problems = case.result.evidence_problems(case.mode)
    flagged = {key for key, _ in problems}
    for slot in case.result.slots(MediaRole.ID_FRONT, MediaRole.ID_BACK, MediaRole.FRAME):
        item = case.result.media.get(slot.key)
        unshown = item is not None and item.ok and slot.key not in prepared.images
        if unshown and slot.key not in flagged:
            problems.append((slot.key, "the image could not be decoded"))
    return problems
