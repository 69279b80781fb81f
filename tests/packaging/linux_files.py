"""The Linux desktop files of packaging/linux/, named by the app ID, and how to read them."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from bundle_runner import REPOSITORY

from setup_wizard.gui.launch import DESKTOP_FILE_NAME

LINUX = REPOSITORY / "packaging" / "linux"
DESKTOP_ENTRY = LINUX / f"{DESKTOP_FILE_NAME}.desktop"
METAINFO = LINUX / f"{DESKTOP_FILE_NAME}.metainfo.xml"


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()  # noqa: S314 - our own file
