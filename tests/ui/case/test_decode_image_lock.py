"""Images decode in a worker while the GUI thread loads images of its own, without deadlock.

Qt chooses an image's format under one lock for the whole process, reading the device through
its virtual methods; the first call of each on a ``QBuffer`` made in Python takes the GIL. When
that happened inside ``QImageReader.read`` (which releases the GIL), the worker held the lock
and waited for the GIL while the GUI thread held the GIL and waited for the lock (a CI rehearsal
hung in ``test_history_reopen``). Here a worker decodes through ``decode_image`` while the main
thread keeps taking that lock with the GIL held, as the style does when it loads an icon; before
the fix this hung within a few hundred images, every time. It runs in a child process so that a
deadlock fails the test (with both threads' stacks) instead of hanging the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

DECODES = 1500

CHILD = textwrap.dedent(
    """
    import faulthandler, sys, threading
    faulthandler.dump_traceback_later(60, exit=True)  # a deadlock: both stacks, exit 1
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QImageReader
    from iauth_desktop.ui.case.prepared_case import decode_image

    app = QGuiApplication([])
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(0x336699)
    encoded = QBuffer()
    encoded.open(QIODevice.OpenModeFlag.WriteOnly)
    assert picture.save(encoded, "JPG")
    jpeg = bytes(encoded.data())
    icon = sys.argv[2]
    assert picture.save(icon)
    decoded = []
    finished = threading.Event()

    def worker():
        for _ in range(int(sys.argv[1])):
            decoded.append(not decode_image(jpeg).isNull())
        finished.set()

    threading.Thread(target=worker, daemon=True).start()
    lookups = 0
    while not finished.is_set():
        QImageReader(icon).canRead()  # Qt's image-format lock, taken with the GIL held
        lookups += 1
    print(sum(decoded), lookups)
    """
)


def test_a_worker_decodes_while_the_gui_thread_loads_images(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(DECODES), str(tmp_path / "icon.png")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    decoded, lookups = (int(word) for word in done.stdout.split())
    assert decoded == DECODES  # every image decoded
    assert lookups > 0  # and the GUI thread took the lock meanwhile
