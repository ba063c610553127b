import re
from pathlib import Path

import pytest

from iauth_desktop.core.providers.detectinfo.codes import API_CODES, FLOW_CODES, api_error, explain
from tests.conftest import need_shared

ROOT = Path(__file__).resolve().parents[4]


def _codes_in_spec() -> set[int]:
    spec = need_shared(ROOT.parent / "shared" / "spec" / "result-codes.md")
    codes: set[int] = set()
    for line in spec.read_text("utf-8").splitlines():
        if line.startswith("## "):
            break  # the engines' and FaceID's tables follow the service's own
        match = re.match(r"\|\s*(\d+)(?:[–-](\d+))?\s*\|", line)
        if match:
            low = int(match[1])
            high = int(match[2] or low)
            codes.update(range(low, high + 1))
    return codes


def test_every_code_of_the_spec_is_explained() -> None:
    spec_codes = _codes_in_spec()
    assert len(spec_codes) > 70
    for code in spec_codes:
        info = explain(code)
        assert info.known, code
        assert info.zh and info.en and info.stage


def test_tables_hold_api_and_flow_codes() -> None:
    assert tuple(range(1, 15)) == API_CODES
    assert {0, 602, 604, 651, 905} <= set(FLOW_CODES)


def test_api_error_names() -> None:
    info = api_error(3)
    assert (info.name, info.stage, info.zh) == ("HTTP_UNAUTHORIZED", "request", "权限验证失败")
    assert api_error(12).name == "ERROR_TOKEN_OVER_TIMELIMIT"


def test_unknown_code_keeps_service_message() -> None:
    info = explain(-5008, "语音识别失败", stage_hint="liveness")
    assert not info.known
    assert info.stage == "liveness"
    assert "unknown code -5008" in info.en
    assert "语音识别失败" in info.describe()
    assert not api_error(99).known
    assert api_error(99).name == "UNKNOWN"


def test_stage_of_failure_codes() -> None:
    assert explain(602).stage == "liveness (digits)"
    assert explain(604).stage == "compare"
    assert explain(703).stage == "ID database"
