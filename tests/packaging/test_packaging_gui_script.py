"""``photon-setup``, the gui-scripts command: Windows starts it (pythonw) and the windowed
bundle without a console, where Python has no sys.stdout or sys.stderr."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from bundle_runner import REPOSITORY

from setup_wizard import __version__

NO_CONSOLE = (
    "import sys; sys.stdout = sys.stderr = None; "
    "from setup_wizard.app import gui_main; raise SystemExit(gui_main())"
)


def _display_nobody_serves() -> str:
    sockets = Path("/tmp/.X11-unix")  # noqa: S108 - where X servers listen; only looked at
    number = next(n for n in range(77, 177) if not (sockets / f"X{n}").exists())
    return f":{number}"


def test_without_a_console_a_window_that_cannot_open_ends_with_code_2_not_a_crash(
    tmp_path: Path,
) -> None:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": _display_nobody_serves(),
        "HOME": str(tmp_path),
    }
    done = subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-c", NO_CONSOLE, "--simulate"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr


def test_the_installed_command_is_the_wizards() -> None:
    scripts = tomllib.loads((REPOSITORY / "pyproject.toml").read_text())["project"]
    assert scripts["gui-scripts"]["photon-setup"] == "setup_wizard.app:gui_main"
    command = Path(sys.executable).parent / "photon-setup"
    done = subprocess.run(  # noqa: S603 - the command pip installed from pyproject.toml
        [str(command), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"setup-wizard {__version__}"
