"""Linux desktop integration: the .desktop file and the AppStream metainfo, checked by parsing
and, where Debian's desktop-file-utils and appstream are installed, by their validators."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET

import pytest

from .conftest import DESKTOP_FILE, ICON_DIR, METAINFO_FILE, PYINSTALLER_DIR, ROOT, project_version

APP_ID = "io.github.iauth_desktop"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.RawConfigParser(strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def console_script() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        scripts = tomllib.load(file)["project"]["scripts"]
    (name,) = scripts
    return str(name)


def test_desktop_entry_starts_the_console_with_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == console_script() == "iauth-desktop"
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == "iauth-desktop"
    assert (ICON_DIR / f"{entry['Icon']}.svg").is_file(), "the icon name is the icon files' stem"
    assert entry["StartupWMClass"] == "iauth-desktop"  # QApplication's application name
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    assert "zh_CN" in "".join(key for key in entry if key.startswith("Name["))


def test_metainfo_names_the_app_the_desktop_file_and_this_version() -> None:
    root = ET.parse(METAINFO_FILE).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID == METAINFO_FILE.name.removesuffix(".metainfo.xml")
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert root.findtext("provides/binary") == console_script()
    releases = root.findall("releases/release")
    assert releases, "at least one release"
    assert releases[0].get("version") == project_version(), "newest release = pyproject version"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))


def test_the_bundle_spec_uses_the_same_application_id() -> None:
    spec = (PYINSTALLER_DIR / "iauth-desktop.spec").read_text(encoding="utf-8")
    assert f'APP_ID = "{APP_ID}"' in spec


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_file_validate_accepts_it() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower(), result.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_appstreamcli_validate_accepts_it() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^[EW]:", result.stdout, re.MULTILINE) is None, result.stdout
