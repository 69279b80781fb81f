"""Starting and ending the app: the window opens, closing it lets the clean-up finish."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage
from pytestqt.qtbot import QtBot

from setup_wizard.gui import launch, main_window
from setup_wizard.logs import LOG_FILE_NAME, default_log_dir
from setup_wizard.settings import AppSettings

TIMEOUT = 60


def app_env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def setup_wizard(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "setup_wizard", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def test_the_simulated_wizard_opens_and_closes_cleanly() -> None:
    done = setup_wizard(
        "--simulate", "--quit-after-show", "--verbose", env=app_env(QT_QPA_PLATFORM="offscreen")
    )
    assert done.returncode == 0, done.stderr
    assert "setup_wizard.gui.launch: main window shown" in done.stderr
    assert done.stderr.rstrip().endswith("setup_wizard.gui.launch: shut down")


def test_without_a_display_one_line_says_so_and_the_exit_code_is_2() -> None:
    done = setup_wizard(
        "--simulate",
        env=app_env(
            DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None, XDG_SESSION_TYPE=None
        ),
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(
        "setup-wizard cannot open its window: there is no display "
        "(neither DISPLAY nor WAYLAND_DISPLAY is set)"
    )
    assert "Start it from a desktop session" in lines[0]


def test_an_x_server_that_does_not_answer_is_one_line_not_an_abort(tmp_path: Path) -> None:
    sockets = Path("/tmp/.X11-unix")  # noqa: S108 - where X servers listen, not a temp file
    display = next(n for n in range(97, 200) if not (sockets / f"X{n}").exists())
    done = setup_wizard(
        "--simulate",
        env=app_env(DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb", WAYLAND_DISPLAY=None),
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("setup-wizard cannot open its window: ")


def test_sigterm_closes_the_window_and_waits_for_the_clean_up() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "setup_wizard", "--simulate", "--verbose"],
        env=app_env(QT_QPA_PLATFORM="offscreen"),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if "main window shown" in line:
                break
        process.send_signal(signal.SIGTERM)
        rest = process.stderr.read()
        assert process.wait(TIMEOUT) == 0, rest
        assert "signal received (1): closing the window" in rest
        assert rest.rstrip().endswith("setup_wizard.gui.launch: shut down")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


class CleaningWizard(QWizard):
    """A window whose clean-up needs the loop to keep running after it has closed."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events
        page = QWizardPage()
        page.setTitle("Test")
        self.addPage(page)

    def showEvent(self, event: object) -> None:
        self.events.append("shown")

    def hideEvent(self, event: object) -> None:
        self.events.append("hidden")

    async def shutdown(self) -> None:
        self.events.append("shutdown started")
        # Work in another thread, as restoring Wi-Fi runs a subprocess: the loop must run on.
        thread = await asyncio.to_thread(lambda: threading.current_thread().name)
        await asyncio.sleep(0)
        self.events.append(f"shutdown finished ({'worker' if thread != 'MainThread' else '?'})")


@pytest.fixture
def events(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> list[str]:
    recorded: list[str] = []

    async def create(settings: AppSettings) -> QWidget:
        return CleaningWizard(recorded)

    monkeypatch.setattr(main_window, "create_main_window", create)
    return recorded


def test_closing_the_window_lets_its_async_clean_up_finish(events: list[str]) -> None:
    code = launch.run(AppSettings(simulate=True, quit_after_show=True))
    assert code == 0
    assert events == ["shown", "hidden", "shutdown started", "shutdown finished (worker)"]
    log = (default_log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "main window closed; shutting down" in log


def test_a_window_that_cannot_be_built_is_reported_with_the_log_file(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    async def broken(settings: AppSettings) -> QWidget:
        raise RuntimeError("no pages")

    monkeypatch.setattr(main_window, "create_main_window", broken)
    assert launch.run(AppSettings(simulate=True, quit_after_show=True)) == 1
    log_file = default_log_dir() / LOG_FILE_NAME
    err = capsys.readouterr().err
    assert err.endswith(
        f"setup-wizard: Photon Setup could not start; the details are in {log_file}\n"
    )
    assert "RuntimeError: no pages" in log_file.read_text(encoding="utf-8")
