"""Each demo case's video and frames show what its data say (issue #17): the digits of its
``validatedata`` for a digits case, none in action mode — read back by decoding the video and
by OCR (tesseract), not by trusting the file names."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from iauth_desktop.core.config.resources import resource_path
from iauth_desktop.emulator.detectinfo.demo import CASES
from tests.report.card_specimens import ocr_digits

DEMO = resource_path("demo")
DIGITS_BAND = QRect(40, 180, 240, 58)  # where a clip draws what the reviewer reads aloud

# PyAV decodes in a child process (its FFmpeg never meets Qt's here): frame 10's RGB bytes.
_FRAME = textwrap.dedent(
    """
    import sys
    import av
    with av.open(sys.argv[1]) as container:
        for number, frame in enumerate(container.decode(video=0)):
            if number == 10:
                rgb = frame.reformat(format="rgb24")
                plane = rgb.planes[0]
                sys.stdout.buffer.write(b"%d %d %d\\n" % (rgb.width, rgb.height, plane.line_size))
                sys.stdout.buffer.write(bytes(plane))
                break
    """
)


def decoded_frame(clip: Path) -> QImage:
    done = subprocess.run(
        [sys.executable, "-c", _FRAME, str(clip)], capture_output=True, timeout=60, check=True
    )
    head, _, pixels = done.stdout.partition(b"\n")
    width, height, line = (int(v) for v in head.split())
    return QImage(pixels, width, height, line, QImage.Format.Format_RGB888).copy()


def read_digits(image: QImage, tmp_path: Path, name: str) -> str:
    band = image.copy(DIGITS_BAND).convertToFormat(QImage.Format.Format_Grayscale8)
    band.invertPixels()  # dark text on light: what tesseract reads best
    big = band.scaled(band.width() * 3, band.height() * 3)
    path = tmp_path / f"{name}.png"
    assert big.save(str(path))
    return "".join(ocr_digits(str(path)).split())


def expected_digits(case_name: str) -> str:
    value = CASES[case_name].fields.get("validatedata")
    return str(value).strip() if value not in (None, "") else ""


CASES_WITH_VIDEO = sorted(name for name, case in CASES.items() if "video" in case.media)


@pytest.mark.parametrize("case_name", CASES_WITH_VIDEO)
def test_the_video_and_frames_show_the_cases_digits_or_none(
    case_name: str, tmp_path: Path, qapp: object
) -> None:
    media = CASES[case_name].media
    expected = expected_digits(case_name)
    seen = [read_digits(decoded_frame(DEMO / media["video"]), tmp_path, "video")]
    for key in ("videopic1", "videopic2", "videopic3"):
        seen.append(read_digits(QImage(str(DEMO / media[key])), tmp_path, key))
    if expected:
        assert seen == [expected] * 4, (case_name, seen)
    else:  # action liveness: no digits anywhere in the picture's reading band
        assert seen == [""] * 4, (case_name, seen)


def test_the_cases_cover_both_kinds_and_two_numbers() -> None:
    kinds = {expected_digits(name) for name in CASES_WITH_VIDEO}
    assert "" in kinds and {"3344", "5921"} <= kinds
    assert json.dumps(sorted(kinds))
