"""Before Qt starts: can this computer show a window at all? If not, say why in one line.

On Linux, Qt aborts (core dump, exit 134) with a message that is misleading on a minimal
system: "xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin" is
printed whatever library is missing. This check runs first and asks the dynamic linker
(``ldd`` on the platform plugin) which libraries are really missing, maps them to the
distribution's package names, and prints the command that installs them. It also notices
that there is no display to open a window on (no ``DISPLAY`` nor ``WAYLAND_DISPLAY``).

The check imports no Qt module: a missing library may be one that Qt itself needs
(``libglib-2.0``, ``libEGL``, ``libfontconfig``), so even ``import PySide6.QtCore`` can fail.

:func:`guard_qt_start` is the safety net for what a check cannot know in advance (an X
server that refuses the connection): Qt's fatal platform message becomes one line and
exit code 2 instead of an abort.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import platform
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

EXIT_CODE = 2

HEADLESS_PLATFORMS = frozenset(
    {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}
)
"""Qt platforms that draw without a window system (tests, kiosks, VNC)."""

DEBIAN_PACKAGES: Mapping[str, str] = {
    # Every library the PySide6 xcb, wayland and offscreen plugins link to (with what
    # QtCore and QtGui need), beyond the C/C++ runtime: objdump -p / ldd on the plugins.
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)

Ldd = Callable[[Path], str | None]
"""Runs ``ldd`` on a library; its output, or None if there is no ``ldd``."""


def run_ldd(library: Path) -> str | None:
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        done = subprocess.run(  # noqa: S603 - the system's ldd on a file of our own install
            [ldd, str(library)], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


def qt_plugin_dir() -> Path | None:
    """Where PySide6's platform plugins are, found without importing Qt."""
    override = os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH")
    if override:
        return Path(override)
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms"


def read_os_release() -> Mapping[str, str]:
    try:
        return platform.freedesktop_os_release()
    except OSError:
        return {}


@dataclass(frozen=True)
class DisplayProblem:
    """Why no window can open, and the fix; :meth:`line` is what the person reads."""

    reason: str
    fix: str

    def line(self) -> str:
        return f"setup-wizard cannot open its window: {self.reason}. {self.fix}"


def missing_libraries(plugin: Path, ldd: Ldd) -> list[str]:
    """The libraries the dynamic linker cannot find for ``plugin`` (and what it links to)."""
    output = ldd(plugin)
    if not output:
        return []
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def install_command(
    libraries: Sequence[str], os_release: Mapping[str, str], *, root: bool = False
) -> str | None:
    """The command that installs ``libraries`` here, or None if this system's is unknown."""
    family = f"{os_release.get('ID', '')} {os_release.get('ID_LIKE', '')}".split()
    sudo = "" if root else "sudo "
    if {"debian", "ubuntu"} & set(family):
        packages = dict.fromkeys(DEBIAN_PACKAGES.get(name) for name in libraries)
        if None in packages:
            return None
        return f"{sudo}apt-get install " + " ".join(p for p in packages if p)
    bits = "()(64bit)" if sys.maxsize > 2**32 else ""
    provides = " ".join(f"'{name}{bits}'" for name in libraries)
    if {"fedora", "rhel", "centos"} & set(family):
        return f"{sudo}dnf install {provides}"
    if {"suse", "opensuse"} & set(family) or any(f.startswith("opensuse") for f in family):
        return f"{sudo}zypper install {provides}"
    return None


def _plugin_file(directory: Path, name: str) -> Path:
    stem = "wayland" if name.startswith("wayland") else name
    return directory / f"libq{stem}.so"


def _candidates(environ: Mapping[str, str]) -> list[str]:
    """The platforms Qt will try, in order (Qt 6: QT_QPA_PLATFORM, a ``;`` list, else
    wayland first in a Wayland session, then xcb)."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return [part.split(":", 1)[0].strip() for part in chosen.split(";") if part.strip()]
    if environ.get("XDG_SESSION_TYPE", "").strip().lower() == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def _display_missing(name: str, environ: Mapping[str, str]) -> str | None:
    """Why platform ``name`` has no display to open a window on, or None."""
    if name == "xcb" and not environ.get("DISPLAY"):
        if environ.get("WAYLAND_DISPLAY"):
            return (
                "DISPLAY is not set, and Qt uses X11 unless told otherwise "
                "(for Wayland, set QT_QPA_PLATFORM=wayland)"
            )
        return "there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)"
    if name.startswith("wayland") and not environ.get("WAYLAND_DISPLAY"):
        return "QT_QPA_PLATFORM asks for Wayland but WAYLAND_DISPLAY is not set"
    return None


def find_problem(
    *,
    environ: Mapping[str, str] | None = None,
    system: str = sys.platform,
    plugin_dir: Path | None = None,
    ldd: Ldd = run_ldd,
    os_release: Callable[[], Mapping[str, str]] = read_os_release,
    root: bool | None = None,
) -> DisplayProblem | None:
    """None if Qt can open a window (or this is not Linux, where Qt needs nothing extra)."""
    if not system.startswith("linux"):
        return None
    environ = os.environ if environ is None else environ
    directory = plugin_dir if plugin_dir is not None else qt_plugin_dir()
    problems: list[tuple[list[str], str | None]] = []
    for name in _candidates(environ):
        no_display = None if name in HEADLESS_PLATFORMS else _display_missing(name, environ)
        plugin = _plugin_file(directory, name) if directory is not None else None
        missing = missing_libraries(plugin, ldd) if plugin and plugin.exists() else []
        if no_display is None and not missing:
            return None  # Qt tries the platforms in order; this one will do
        problems.append((missing, no_display))
    if not problems:
        return None
    # Prefer a platform whose display is there: its libraries are what stops it.
    missing, no_display = next((p for p in problems if p[1] is None), problems[0])
    is_root = (os.geteuid() == 0) if root is None else root
    return _describe(missing, no_display, os_release(), root=is_root)


def _describe(
    missing: list[str], no_display: str | None, release: Mapping[str, str], *, root: bool
) -> DisplayProblem:
    reasons: list[str] = []
    fixes: list[str] = []
    if no_display:
        reasons.append(no_display)
        fixes.append("Start it from a desktop session (or over SSH with ssh -X).")
    if missing:
        reasons.append(f"Qt needs libraries that are not installed ({', '.join(missing)})")
        command = install_command(missing, release, root=root)
        fixes.append(
            f"Install them with: {command}"
            if command
            else "Install the packages that provide them with the system's package manager."
        )
    return DisplayProblem(reason="; and ".join(reasons), fix=" ".join(fixes))


_DISPLAY_MESSAGES = re.compile(r"could not connect to display|could not load the qt platform", re.I)


@contextmanager
def guard_qt_start(out: Callable[[str], None] | None = None) -> Iterator[list[str]]:
    """While Qt creates its application: route Qt's messages to a list (yielded), and turn a
    fatal one (no platform plugin could start) into one line on stderr and exit code 2.

    Qt aborts the process right after a fatal message, so the handler ends the process
    itself, with ``os._exit`` (nothing else has started yet to be cleaned up).
    """
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    seen: list[str] = []

    def write(line: str) -> None:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()

    emit = out or write

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        seen.append(message)
        if kind != QtMsgType.QtFatalMsg:
            log.debug("Qt: %s", message)
            return
        details = [m for m in seen if _DISPLAY_MESSAGES.search(m)] or [message]
        reason = details[0].strip().rstrip(".")
        emit(
            DisplayProblem(
                reason=f"Qt could not start ({reason})",
                fix="Check that DISPLAY names a running X server this user may use, "
                "or run with --verbose for Qt's own messages.",
            ).line()
        )
        os._exit(EXIT_CODE)

    previous = qInstallMessageHandler(handler)
    try:
        yield seen
    finally:
        qInstallMessageHandler(previous)
