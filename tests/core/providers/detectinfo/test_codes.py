import re
from pathlib import Path

from iauth_desktop.core.model.codes import (
    ENGINE_DOCUMENTATION,
    SERVICE_TABLE,
    SOURCES,
    UNKNOWN_SOURCE,
)
from iauth_desktop.core.providers.detectinfo.codes import (
    API_CODES,
    ENGINE_CODES,
    FLOW_CODES,
    api_error,
    explain,
)
from tests.conftest import need_shared

ROOT = Path(__file__).resolve().parents[4]
ENGINE_SECTION = "## Engine codes in `livestatus` / `comparestatus`"


def _spec() -> str:
    return need_shared(ROOT.parent / "shared" / "spec" / "result-codes.md").read_text("utf-8")


def _engine_codes_in_spec() -> set[int]:
    section = _spec().split(ENGINE_SECTION, 1)[1].split("\n## ", 1)[0]
    return {int(m[1]) for m in re.finditer(r"^\|\s*(-\d+)\s*\|", section, re.MULTILINE)}


def _codes_in_spec() -> set[int]:
    codes: set[int] = set()
    for line in _spec().splitlines():
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
        assert info.source == SERVICE_TABLE


def test_every_engine_code_of_the_spec_is_explained_and_labelled() -> None:
    spec_codes = _engine_codes_in_spec()
    assert len(spec_codes) >= 30 and {-5008, -5015} <= spec_codes
    assert spec_codes == set(ENGINE_CODES)
    for code in spec_codes:
        for stage in ("liveness", "compare"):
            info = explain(code, "服务原文", stage_hint=stage, engine=True)
            assert info.known and info.zh and info.en, code
            assert info.source == ENGINE_DOCUMENTATION and info.from_engine
            assert info.stage == stage and info.message == "服务原文"
            assert "per the engine's documentation" in info.describe()


def test_engine_meanings_follow_the_spec() -> None:
    assert explain(-5008, engine=True).zh == "语音识别失败，视频里的人读错数字"
    assert "声音识别失败" in explain(-5008, engine=True).en  # the older wording, noted
    assert explain(-5015, engine=True).zh == "视频像素太低，最小 270*480"
    assert "older document only" in explain(-5807, engine=True).en


def test_codes_in_no_table_stay_unknown() -> None:
    for code in (-1100, -5018, -5020):
        info = explain(code, "引擎返回", stage_hint="liveness", engine=True)
        assert not info.known and info.source == UNKNOWN_SOURCE
        assert f"unknown code {code}" in info.en and "引擎返回" in info.describe()
    assert not explain(-5008).known  # an engine's number means nothing in the service's table
    assert api_error(99).source == UNKNOWN_SOURCE
    assert {explain(0).source, explain(-5008, engine=True).source} <= set(SOURCES)


def test_codes_11_and_12_do_not_contradict_each_other() -> None:
    """11: the token's data is gone (kept about 3 days); 12: the flow's 2-hour limit."""
    eleven, twelve = explain(11).en, explain(12).en
    assert "3 days" in eleven
    assert "2-hour" in twelve and "flow" in twelve
    assert "past its validity" not in twelve  # the data is still kept: only the flow timed out
    assert "3 days" in twelve and "11" in twelve


def test_tables_hold_api_and_flow_codes() -> None:
    assert tuple(range(1, 15)) == API_CODES
    assert {0, 602, 604, 651, 905} <= set(FLOW_CODES)


def test_api_error_names() -> None:
    info = api_error(3)
    assert (info.name, info.stage, info.zh) == ("HTTP_UNAUTHORIZED", "request", "权限验证失败")
    assert api_error(12).name == "ERROR_TOKEN_OVER_TIMELIMIT"


def test_unknown_code_keeps_service_message() -> None:
    info = explain(-5018, "语音识别失败", stage_hint="liveness", engine=True)
    assert not info.known
    assert info.stage == "liveness"
    assert "unknown code -5018" in info.en
    assert "语音识别失败" in info.describe()
    assert not api_error(99).known
    assert api_error(99).name == "UNKNOWN"


def test_stage_of_failure_codes() -> None:
    assert explain(602).stage == "liveness (digits)"
    assert explain(604).stage == "compare"
    assert explain(703).stage == "ID database"
