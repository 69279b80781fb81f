"""``install-desktop-entry.sh`` in the Linux download: a person adds Photon Setup to their
applications menu without root, and the entry starts the app of the folder they unpacked."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

from bundle_runner import Bundle
from linux_files import desktop_entry

from setup_wizard import __version__
from setup_wizard.gui.launch import DESKTOP_FILE_NAME
from setup_wizard.gui.resources import APP_ICON_SIZES


def _install(bundle: Bundle, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": os.environ["PATH"], "HOME": str(bundle.home), "XDG_DATA_HOME": str(data)}
    return subprocess.run(  # noqa: S603 - the script of the bundle we built
        ["/bin/sh", str(bundle.folder / "install-desktop-entry.sh"), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_menu_entry_starts_the_unpacked_app_and_can_be_removed(
    bundle: Bundle, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    done = _install(bundle, data)
    assert done.returncode == 0, done.stderr

    entry = data / "applications" / f"{DESKTOP_FILE_NAME}.desktop"
    command = shlex.split(desktop_entry(entry)["Exec"])
    assert command == [str(bundle.executable)]
    started = subprocess.run(  # noqa: S603 - what the menu entry starts
        [*command, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert started.stdout.strip() == f"setup-wizard {__version__}"
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        checked = subprocess.run(  # noqa: S603 - a validator on the installed entry
            [validator, str(entry)], capture_output=True, text=True, timeout=60, check=False
        )
        assert checked.returncode == 0, checked.stdout

    icons = data / "icons" / "hicolor"
    for size in APP_ICON_SIZES:
        assert (icons / f"{size}x{size}" / "apps" / f"{DESKTOP_FILE_NAME}.png").is_file()
    assert (icons / "scalable" / "apps" / f"{DESKTOP_FILE_NAME}.svg").is_file()
    assert (data / "metainfo" / f"{DESKTOP_FILE_NAME}.metainfo.xml").is_file()

    removed = _install(bundle, data, "--remove")
    assert removed.returncode == 0, removed.stderr
    assert not entry.exists()
    assert not list(icons.rglob(f"{DESKTOP_FILE_NAME}.*"))
