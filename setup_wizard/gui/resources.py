"""The app's icon, pictures and style sheet, found through importlib.resources.

importlib.resources finds them in a source checkout, an installed wheel and a PyInstaller
bundle alike; ``as_file`` gives Qt a real file even when the package sits in a zip.
"""

from __future__ import annotations

import atexit
import re
from contextlib import ExitStack
from enum import Enum
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

_PACKAGE = "setup_wizard.resources"
APP_ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)

_RESOURCE_URL = re.compile(r"url\(@resources@/([^)]+)\)")

_extracted = ExitStack()
atexit.register(_extracted.close)


class Picture(Enum):
    """Hand-drawn SVG pictures for the pages."""

    APP_ICON = "icons/photon-setup.svg"


class Glyph(Enum):
    """Small state icons: inline panels and step lists."""

    ERROR = "icons/error.svg"
    WARNING = "icons/warning.svg"
    INFO = "icons/info.svg"
    STEP_PENDING = "icons/step-pending.svg"
    STEP_ACTIVE = "icons/step-active.svg"
    STEP_DONE = "icons/step-done.svg"
    STEP_FAILED = "icons/step-failed.svg"
    STEP_SKIPPED = "icons/step-skipped.svg"


@cache
def resource_path(relative: str) -> Path:
    """A real file for ``relative`` (e.g. ``"style.qss"``) under the resources folder."""
    resource = files(_PACKAGE).joinpath(*relative.split("/"))
    if not resource.is_file():
        raise FileNotFoundError(f"no resource {relative!r} in {_PACKAGE}")
    return _extracted.enter_context(as_file(resource))


def icon() -> QIcon:
    """The app icon: crisp PNGs at the sizes desktops ask for, the SVG for any other size."""
    result = QIcon()
    for size in APP_ICON_SIZES:
        result.addFile(str(resource_path(f"icons/photon-setup-{size}.png")), QSize(size, size))
    return result


def picture_path(which: Picture) -> Path:
    return resource_path(which.value)


def picture(which: Picture) -> QIcon:
    """An SVG picture as an icon, drawn at whatever size and pixel ratio it is shown."""
    return QIcon(str(picture_path(which)))


def glyph(which: Glyph) -> QIcon:
    return QIcon(str(resource_path(which.value)))


@cache
def style_sheet() -> str:
    """The app's style sheet, with its image URLs pointing at the installed resources."""
    text = resource_path("style.qss").read_text(encoding="utf-8")
    return _RESOURCE_URL.sub(lambda m: f"url({resource_path(m[1]).as_posix()})", text)
