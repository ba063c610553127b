"""The built wheel carries the resources: install it into a fresh venv and run the emulator."""

import json
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_wheel_installs_and_runs_emulator(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    (wheel,) = (tmp_path / "dist").glob("iauth_desktop-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "iauth_desktop/resources/demo/video.mp4" in names
    assert not any(name.startswith(("tests/", "resources/")) for name in names)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    # The wheel's dependencies come from this environment, after the fresh venv's own packages.
    fresh_site = Path(
        subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    deps = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    (fresh_site / "zz_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")

    where = subprocess.run(
        [
            str(py),
            "-c",
            "import iauth_desktop.core.config.resources as r; print(r.resources_dir())",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.strip()
    assert where.startswith(str(venv)), where

    process = subprocess.Popen(
        [str(venv / "bin" / "iauth-desktop"), "emulator"],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=tmp_path,
    )
    try:
        assert process.stdout is not None
        info = json.loads(process.stdout.readline())
        env = {
            "PATH": "/usr/bin:/bin",
            "IAUTH_ENDPOINT": info["url"],
            "IAUTH_APPID": info["appid"],
            "IAUTH_SECRET_KEY": info["secret_key"],
            "IAUTH_AES_KEY": info["aes_key"],
            "IAUTH_CONFIG_DIR": str(tmp_path / "config"),
            "IAUTH_DATA_DIR": str(tmp_path / "data"),
        }
        out = tmp_path / "case"
        fetched = subprocess.run(
            [
                str(venv / "bin" / "iauth-desktop"),
                "fetch",
                info["tokens"]["pass"],
                "--out",
                str(out),
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
            check=False,
        )
        assert fetched.returncode == 0, fetched.stderr
        assert (out / "frontpic.jpg").read_bytes()[:3] == b"\xff\xd8\xff"
        version = subprocess.run(
            [str(venv / "bin" / "iauth-desktop"), "--version"],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp_path,
        )
        assert version.stdout.strip() == "iauth-desktop 0.1.0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
