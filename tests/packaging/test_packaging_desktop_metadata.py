"""The Linux menu entry and software-centre metadata (packaging/linux/).

Validated by the desktop's own tools, ``desktop-file-validate`` (desktop-file-utils) and
``appstreamcli validate`` (appstream), where they are installed; the tests install nothing,
so where they are not, those two are skipped and the facts below still hold: the names that
tie the entry, the metadata, the icon and the running window together, the command, the
version, and the screenshots.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bundle_runner import REPOSITORY
from linux_files import DESKTOP_ENTRY, METAINFO, desktop_entry, metainfo

from setup_wizard import __version__
from setup_wizard.gui.launch import DESKTOP_FILE_NAME, DISPLAY_NAME

PYPROJECT = tomllib.loads((REPOSITORY / "pyproject.toml").read_text())["project"]


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def _validate(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed here; the other tests of this file still check")
    return subprocess.run(  # noqa: S603 - a validator on our own file
        [found, *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_the_desktop_entry_validates() -> None:
    done = _validate("desktop-file-validate", str(DESKTOP_ENTRY))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "", "no warnings either"


def test_the_metainfo_validates_offline() -> None:
    done = _validate("appstreamcli", "validate", "--no-net", "--explain", str(METAINFO))
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_menu_entry_starts_the_wizard_command_with_the_app_icon() -> None:
    entry = desktop_entry(DESKTOP_ENTRY)
    assert entry["Type"] == "Application"
    assert entry["Name"] == DISPLAY_NAME
    assert entry["Exec"] == "photon-setup"
    assert PYPROJECT["gui-scripts"]["photon-setup"] == "setup_wizard.app:gui_main"
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "photon-setup", "X11 names the window after the command"
    assert entry["Categories"].endswith(";")
    # The window tells Wayland this name (launch.py), which finds the entry and its icon by it.
    assert entry["Icon"] == DESKTOP_FILE_NAME


def test_the_metainfo_describes_the_app_of_the_entry() -> None:
    component = metainfo()
    assert component.tag == "component"
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == DESKTOP_FILE_NAME
    assert component.findtext("launchable") == DESKTOP_ENTRY.name
    assert component.findtext("name") == DISPLAY_NAME
    assert component.findtext("summary")
    assert component.findall("description/p"), "software centres show the description"
    assert component.findtext("project_license") == PYPROJECT["license"]
    assert component.findtext("metadata_license") == "CC0-1.0"
    assert component.findtext("provides/binary") == "photon-setup"
    assert component.find("content_rating") is not None
    assert all(url.startswith("https://") for url in _texts(component, "url"))


def test_the_newest_release_is_the_package_version() -> None:
    newest = metainfo().find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__


def test_the_screenshots_are_the_autopilot_pictures_of_this_repository() -> None:
    shots = metainfo().findall("screenshots/screenshot")
    assert shots
    assert [s.get("type") for s in shots].count("default") == 1
    for shot in shots:
        assert shot.findtext("caption")
        image = shot.find("image")
        assert image is not None
        assert image.text is not None
        url = urlsplit(image.text)
        assert url.scheme == "https"
        relative = url.path.split("/main/", 1)[1]
        picture = REPOSITORY / relative
        assert picture.parent == REPOSITORY / "docs" / "screenshots"
        assert picture.is_file(), f"{relative} is not in the repository"
        assert png_size(picture) == (int(image.get("width", 0)), int(image.get("height", 0)))


def _texts(element: ET.Element, path: str) -> list[str]:
    return [e.text or "" for e in element.findall(path)]
