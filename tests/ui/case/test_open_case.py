"""File → Open case folder: a bundle written by core.bundle, then tampered with."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from iauth_desktop.core.config.resources import resource_path
from iauth_desktop.core.evidence.bundle import write_bundle
from iauth_desktop.core.model.errors import IntegrityError, UsageError
from iauth_desktop.core.model.result import FetchMode, VerificationResult
from iauth_desktop.core.providers.detectinfo.payload import parse_payload
from iauth_desktop.ui.case import open_case
from iauth_desktop.ui.case.open_case import BundleProblemsDialog, load_case_folder, open_case_path

TOKEN = "{C2E929B9-A3B5-5E6A-9A15-B7615A21A7B7}"
ENDPOINT = "http://127.0.0.1:8080/new/cgi-bin/getdetectinfo.php"
FETCHED = datetime(2026, 11, 23, 21, 0, 0, tzinfo=UTC)
MEDIA = {
    "frontpic": "idcard-a-front.jpg",
    "backpic": "idcard-a-back.jpg",
    "videopic1": "videopic1.jpg",
    "videopic2": "videopic2.jpg",
    "videopic3": "videopic3.jpg",
    "video": "video.mp4",
}


def _result() -> VerificationResult:
    case: dict[str, object] = {
        "ID": "990101199005171231",
        "name": "欧阳演示",
        "sex": "男",
        "ID_birth": "1990.05.17",
        "validatedata": 3344,
        "yt_errorcode": 0,
        "yt_errormsg": "通过",
        "livestatus": 0,
        "comparestatus": 0,
    }
    for field, file_name in MEDIA.items():
        data = resource_path("demo", file_name).read_bytes()
        case[field] = base64.b64encode(data).decode("ascii")
    return parse_payload(json.dumps(case, ensure_ascii=False).encode("utf-8"))


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    return write_bundle(
        _result(),
        tmp_path / "case-1",
        token=TOKEN,
        endpoint=ENDPOINT,
        mode=FetchMode.FULL,
        request={"info_type": 0},
        fetched_at=FETCHED,
        tool_version="test",
    )


def test_intact_bundle_loads_without_problems(bundle: Path) -> None:
    case, check = load_case_folder(bundle)
    assert check.ok
    assert not case.tampered
    assert (case.origin, case.bundle_path, case.token) == ("bundle", bundle, TOKEN)
    assert (case.endpoint, case.mode, case.fetched_at) == (ENDPOINT, FetchMode.FULL, FETCHED)
    assert case.result.identity["name"] == "欧阳演示"
    assert set(case.result.media) == set(MEDIA)
    front = resource_path("demo", MEDIA["frontpic"]).read_bytes()
    assert case.result.media["frontpic"].data == front


def test_tampered_bundle_names_each_file(bundle: Path) -> None:
    front = bundle / "frontpic.jpg"
    front.write_bytes(front.read_bytes()[:-10] + b"0123456789")
    (bundle / "videopic2.jpg").unlink()
    (bundle / "notes.txt").write_text("added later", encoding="utf-8")
    case, check = load_case_folder(bundle)
    assert case.changed_files == check.changed == ("frontpic.jpg",)
    assert case.missing_files == check.missing == ("videopic2.jpg",)
    assert case.unexpected_files == check.unexpected == ("notes.txt",)
    assert case.tampered
    assert case.result.identity["name"] == "欧阳演示"  # it still opens


def test_not_a_bundle_and_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(IntegrityError, match="not an evidence bundle"):
        load_case_folder(empty)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(IntegrityError, match="not an evidence bundle"):
        load_case_folder(a_file)

    def denied(path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(open_case, "read_bundle", denied)  # tests run as root: chmod won't do
    with pytest.raises(UsageError, match=r"cannot read the folder .*Permission denied"):
        load_case_folder(empty)


def test_missing_case_json_cannot_open(bundle: Path) -> None:
    (bundle / "case.json").unlink()
    with pytest.raises(IntegrityError, match=r"case\.json"):
        load_case_folder(bundle)


def test_open_tampered_bundle_lists_problems_and_returns_case(
    qtbot: QtBot, bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (bundle / "videopic3.jpg").unlink()
    (bundle / "<b>x<img src=y>.txt").write_text("hostile name", encoding="utf-8")
    shown: list[str] = []

    def fake_exec(dialog: BundleProblemsDialog) -> int:
        qtbot.addWidget(dialog)
        shown.append(dialog.text())
        assert "TAMPERED" in dialog.heading.text()
        return 0

    monkeypatch.setattr(BundleProblemsDialog, "exec", fake_exec)
    prepared = open_case_path(None, bundle)
    assert prepared is not None
    assert prepared.case.tampered
    assert shown
    assert "videopic3.jpg" in shown[0]
    assert "<b>x<img src=y>.txt" in shown[0]
    assert "Missing:" in shown[0]
    assert "Not in the manifest" in shown[0]
    assert set(prepared.images) == {"frontpic", "backpic", "videopic1", "videopic2"}
    assert prepared.images["frontpic"].width() == 856
    assert prepared.video is not None
    assert prepared.video.size() > 0


def test_open_intact_bundle_shows_no_dialog(bundle: Path, monkeypatch) -> None:
    monkeypatch.setattr(BundleProblemsDialog, "exec", lambda _d: pytest.fail("no dialog"))
    prepared = open_case_path(None, bundle)
    assert prepared is not None
    assert not prepared.case.tampered
    assert len(prepared.images) == 5


def test_open_non_bundle_explains_and_returns_none(tmp_path: Path, monkeypatch) -> None:
    messages: list[tuple[str, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        messages.append((box.text(), box.informativeText()))
        return 0

    monkeypatch.setattr(open_case.QMessageBox, "exec", fake_exec)
    assert open_case_path(None, tmp_path) is None
    assert len(messages) == 1
    assert str(tmp_path) in messages[0][0]
    assert "not an evidence bundle" in messages[0][1]
