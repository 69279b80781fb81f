"""The language: the system's or --lang, for the app's own text and for Qt's buttons."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from setup_wizard.gui.crash import CrashDialog
from setup_wizard.gui.i18n import install_translations

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CrashDialog</name>
    <message>
        <source>Photon Setup – unexpected error</source>
        <translation>Photon Setup – unerwarteter Fehler</translation>
    </message>
</context>
</TS>
"""


def close_button_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    button = box.button(QDialogButtonBox.StandardButton.Close)
    assert button is not None
    return button.text().replace("&", "")


@pytest.fixture
def german_catalogue(tmp_path: Path) -> Path:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    source = tmp_path / "photon_setup_de.ts"
    source.write_text(TS, encoding="utf-8")
    subprocess.run(  # noqa: S603
        [lrelease, str(source), "-qm", str(tmp_path / "photon_setup_de.qm")],
        check=True,
        capture_output=True,
    )
    return tmp_path


def test_lang_translates_the_apps_text_and_qts_buttons(
    qtbot: QtBot, german_catalogue: Path
) -> None:
    installed = install_translations("de_DE", directory=german_catalogue)
    try:
        assert installed.locale.name() == "de_DE"
        assert [Path(p).name for p in installed.loaded] == ["qtbase_de.qm", "photon_setup_de.qm"]
        dialog = CrashDialog(log_file=None)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Photon Setup – unerwarteter Fehler"
        assert close_button_text() == "Schließen"
    finally:
        installed.remove()
    assert close_button_text() == "Close"


def test_a_language_without_the_apps_translation_still_gets_qts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    installed = install_translations("de", directory=tmp_path / "none-yet")
    try:
        assert [Path(p).name for p in installed.loaded] == ["qtbase_de.qm"]
        dialog = CrashDialog(log_file=None)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Photon Setup – unexpected error"
        assert close_button_text() == "Schließen"
    finally:
        installed.remove()


def test_the_system_locale_comes_from_lang() -> None:
    code = (
        "from PySide6.QtWidgets import QApplication, QDialogButtonBox as B\n"
        "from setup_wizard.gui.i18n import install_translations\n"
        "app = QApplication([])\n"
        "t = install_translations()\n"
        "box = B(B.StandardButton.Close)\n"
        "print(t.locale.name(), box.button(B.StandardButton.Close).text())\n"
    )
    env = dict(os.environ, LANG="de_DE.UTF-8", QT_QPA_PLATFORM="offscreen")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(name, None)
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["de_DE", "Schließen"]
