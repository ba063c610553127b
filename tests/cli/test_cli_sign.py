import json
from pathlib import Path

from tests.cli.conftest import run_cli

ROOT = Path(__file__).resolve().parents[2]
VECTOR = json.loads((ROOT / "tests/data/vectors/signature.json").read_text())[0]


def _env(**extra: str) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("IAUTH_") or "DIR" in k}
    env.update(extra)
    return env


def test_sign_reproduces_vector() -> None:
    env = _env(IAUTH_APPID=VECTOR["appid"], IAUTH_SECRET_KEY=VECTOR["secret"])
    result = run_cli(
        "sign",
        "--api",
        VECTOR["api"],
        "--expire",
        str(VECTOR["expire"]),
        "--now",
        str(VECTOR["now"]),
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == VECTOR["signature"]
    assert VECTOR["secret"] not in result.stdout + result.stderr


def test_sign_without_secret_names_it() -> None:
    result = run_cli("sign", "--api", "getdetectinfo", env=_env(IAUTH_APPID="1400"))
    assert result.returncode == 2
    assert "secret_key" in result.stderr


def test_inspect_without_secret() -> None:
    result = run_cli(
        "sign", "--inspect", VECTOR["signature"], "--now", str(VECTOR["now"] + 10), env=_env()
    )
    assert result.returncode == 0, result.stderr
    assert "appid:    1400" in result.stdout
    assert "getdetectinfo" in result.stdout
    assert "2015-03-31T07:14:25Z" in result.stdout
    assert "(in 9 min 50 s)" in result.stdout
    assert "not checked" in result.stdout


def test_inspect_verifies_and_tells_expired() -> None:
    env = _env(IAUTH_APPID=VECTOR["appid"], IAUTH_SECRET_KEY=VECTOR["secret"])
    good = run_cli("sign", "--inspect", VECTOR["signature"], "--now", str(VECTOR["now"]), env=env)
    assert good.returncode == 0
    assert "verifies" in good.stdout
    late = run_cli("sign", "--inspect", VECTOR["signature"], env=env)
    assert late.returncode == 0
    assert "expired" in late.stdout


def test_inspect_forged_exits_5() -> None:
    env = _env(IAUTH_APPID=VECTOR["appid"], IAUTH_SECRET_KEY="another-secret")
    result = run_cli("sign", "--inspect", VECTOR["signature"], "--now", str(VECTOR["now"]), env=env)
    assert result.returncode == 5
    assert "DOES NOT VERIFY" in result.stdout


def test_inspect_garbage_exits_5() -> None:
    result = run_cli("sign", "--inspect", "%%%", env=_env())
    assert result.returncode == 5
    assert "Base64" in result.stderr
