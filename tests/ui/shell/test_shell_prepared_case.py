"""prepare_case: images decoded and the video copied into Qt objects, off the GUI thread (a
medium the fetch process read into a ``media_buffer`` is used as it is, never copied)."""

from __future__ import annotations

import base64
import dataclasses
import json
import threading
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from iauth_desktop.core.config.resources import resource_path
from iauth_desktop.core.model.case import ReviewCase
from iauth_desktop.core.model.errors import CancelledError
from iauth_desktop.core.model.result import FetchMode
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.ui.case.prepared_case import (
    PreparedCase,
    decode_image,
    media_buffer,
    prepare_case,
)
from iauth_desktop.ui.tasks import Progress, TaskRunner

pytestmark = pytest.mark.usefixtures("qapp")  # masking a card draws text: fonts need the app


def _demo(name: str) -> bytes:
    return resource_path("demo", name).read_bytes()


def _case(**media: bytes) -> ReviewCase:
    fields = {"name": "演示", "yt_errorcode": 0, "yt_errormsg": "通过"}
    fields.update({key: base64.b64encode(data).decode() for key, data in media.items()})
    result = parse_payload(json.dumps(fields, ensure_ascii=False).encode())
    return ReviewCase(result, "{T}", "http://127.0.0.1/x", FetchMode.FULL, datetime.now(UTC))


def test_images_decoded_video_copied() -> None:
    video = _demo("video.mp4") + bytes(3 << 20)  # over several copy chunks
    case = _case(
        frontpic=_demo("idcard-a-front.jpg"), videopic1=_demo("videopic1.jpg"), video=video
    )
    prepared = prepare_case(case)
    assert prepared.case is case and prepared.result is case.result
    assert sorted(prepared.images) == ["frontpic", "videopic1"]
    assert prepared.images["frontpic"].width() == 856
    assert prepared.images["videopic1"].height() == 240
    assert prepared.video is not None
    assert prepared.video.size() == len(video)
    assert prepared.video.data() == video


@pytest.mark.qt_log_ignore("Corrupt JPEG data", "JPEG datastream contains no image")
def test_undecodable_image_has_no_entry_and_no_video_is_none() -> None:
    broken = b"\xff\xd8\xff" + b"\x00" * 40  # says JPEG, is not one
    prepared = prepare_case(_case(frontpic=broken, backpic=_demo("idcard-a-back.jpg")))
    assert list(prepared.images) == ["backpic"]
    assert "frontpic" in prepared.result.media  # the view explains it from the MediaItem
    assert prepared.video is None


def _in_media_buffers(case: ReviewCase) -> ReviewCase:
    """The case as the fetch process's receiver hands it over: each medium in a media_buffer."""
    media = dict(case.result.media)
    for name, item in media.items():
        if item.data is not None:
            view = media_buffer(len(item.data))
            view[:] = item.data
            media[name] = dataclasses.replace(item, data=view)
    return dataclasses.replace(case, result=dataclasses.replace(case.result, media=media))


def test_media_read_into_a_media_buffer_are_not_copied() -> None:
    video = _demo("video.mp4") + bytes(3 << 20)
    case = _in_media_buffers(_case(frontpic=_demo("idcard-a-front.jpg"), video=video))
    prepared = prepare_case(case)
    data = case.result.media["video"].data
    assert isinstance(data, memoryview)
    assert prepared.video is data.obj  # the very QByteArray the bytes were read into
    assert prepared.videos == {"video": prepared.video}
    assert prepared.video.data() == video
    assert prepared.images["frontpic"].width() == 856


@pytest.mark.qt_log_ignore("Corrupt JPEG data", "JPEG datastream contains no image")
def test_decode_image_as_qt_would() -> None:
    jpeg = _demo("idcard-a-front.jpg")
    image = decode_image(memoryview(jpeg))
    read = media_buffer(len(jpeg))
    read[:] = jpeg
    assert image == decode_image(jpeg) == decode_image(read)
    assert (image.width(), image.isNull()) == (856, False)
    assert decode_image(b"\xff\xd8\xff" + b"\x00" * 40).isNull()
    assert decode_image(b"").isNull()


def test_cancel_stops_preparing() -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(CancelledError):
        prepare_case(_case(frontpic=_demo("idcard-a-front.jpg")), cancel)


def test_prepared_in_a_worker_thread(qtbot: QtBot) -> None:
    case = _case(frontpic=_demo("idcard-a-front.jpg"), video=_demo("video.mp4"))
    runner = TaskRunner("prepare")

    def work(_progress: Progress, cancel: threading.Event) -> PreparedCase:
        return prepare_case(case, cancel)

    with qtbot.waitSignal(runner.succeeded, timeout=5000) as blocker:
        runner.start(work)
    prepared = blocker.args[0]
    assert isinstance(prepared, PreparedCase)
    assert not prepared.images["frontpic"].isNull()
    assert runner.shutdown()
