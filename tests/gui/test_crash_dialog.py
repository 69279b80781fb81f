"""The crash dialog: an unexpected error is logged and shown once, with details to copy and
no secret in them."""

from __future__ import annotations

import asyncio
import io
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from setup_wizard import redact
from setup_wizard.gui.crash import CrashReporter
from setup_wizard.logs import configure_logging
from setup_wizard.secret import Token

SECRET = "crash-secret-9f8e7d6c5b4a"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    setup = configure_logging(directory=tmp_path / "log", console=io.StringIO())
    assert setup.file is not None
    yield setup.file
    setup.close()


@pytest.fixture
def reporter(qtbot: QtBot, log_file: Path) -> Iterator[CrashReporter]:
    opened: list[Path] = []
    crash = CrashReporter(log_file=log_file, open_folder=lambda p: opened.append(p) or True)
    crash.opened = opened  # type: ignore[attr-defined]
    redact.remember(Token(SECRET))
    crash.install()
    yield crash
    crash.uninstall()
    redact.forget_all()


def fail_with_the_secret() -> None:
    raise RuntimeError(f"the cloud echoed access_token={SECRET}")


def test_errors_in_slots_open_one_dialog_with_the_scrubbed_traceback(
    qtbot: QtBot, reporter: CrashReporter, log_file: Path
) -> None:
    QTimer.singleShot(0, fail_with_the_secret)
    QTimer.singleShot(0, fail_with_the_secret)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.error_count == 2)

    dialog = reporter.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.objectName() == "crashDialog"] == [
        dialog
    ]
    assert dialog.findChild(QObject, "crashCount").text() == (
        "This happened 2 times; the details show each one."
    )
    assert f"Log file: {log_file}" in dialog.log_label.text()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "Photon Setup 0.1.0" in copied
    assert "Qt 6." in copied
    assert "Traceback (most recent call last)" in copied
    assert "in fail_with_the_secret" in copied
    assert "RuntimeError: the cloud echoed access_token=[redacted]" in copied
    assert "Error 2 of 2" in copied
    assert SECRET not in copied
    assert SECRET not in dialog.details.toPlainText()

    logged = log_file.read_text(encoding="utf-8")
    assert "CRITICAL setup_wizard.gui.crash: Unexpected error" in logged
    assert "RuntimeError: the cloud echoed access_token=[redacted]" in logged
    assert SECRET not in logged


def test_the_dialog_works_from_the_keyboard(qtbot: QtBot, reporter: CrashReporter) -> None:
    QTimer.singleShot(0, fail_with_the_secret)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog is not None
    assert dialog.close_button.isDefault()

    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.close_button)

    def press(key: Qt.Key) -> None:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, key)

    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.copy_button
    press(Qt.Key.Key_Space)
    assert "Traceback" in QApplication.clipboard().text()
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.open_button
    press(Qt.Key.Key_Space)
    assert reporter.opened == [dialog.log_file.parent]  # type: ignore[attr-defined]
    press(Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    # A later error shows the same dialog again, with both errors.
    QTimer.singleShot(0, fail_with_the_secret)
    qtbot.waitUntil(dialog.isVisible)
    assert reporter.dialog is dialog
    assert dialog.error_count == 2


def test_an_error_in_a_thread_reaches_the_dialog(qtbot: QtBot, reporter: CrashReporter) -> None:
    worker = threading.Thread(target=fail_with_the_secret, name="keyring-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    text = reporter.dialog.details.toPlainText()
    assert "In thread keyring-worker:" in text
    assert SECRET not in text


class Page(QObject):
    clicked = Signal()

    @qasync.asyncSlot()
    async def on_click(self) -> None:
        await asyncio.sleep(0)
        fail_with_the_secret()


def test_an_error_in_an_async_slot_reaches_the_dialog(
    qtbot: QtBot, reporter: CrashReporter, caplog: pytest.LogCaptureFixture
) -> None:
    page = Page()
    page.clicked.connect(page.on_click)
    loop = qasync.QEventLoop(QApplication.instance())
    loop.set_exception_handler(reporter.loop_exception_handler)

    async def click_and_wait() -> None:
        page.clicked.emit()
        slot_tasks = asyncio.all_tasks() - {asyncio.current_task()}
        assert slot_tasks
        await asyncio.wait(slot_tasks)  # the slot's task, and its done-callback, have run

    try:
        with caplog.at_level(logging.CRITICAL):
            loop.run_until_complete(click_and_wait())
    finally:
        loop.close()
    assert reporter.dialog is not None
    assert "in on_click" in reporter.dialog.details.toPlainText()
    assert [r.levelno for r in caplog.records] == [logging.CRITICAL]
