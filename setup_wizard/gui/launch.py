"""Starting and ending the wizard: the checks, Qt, the asyncio loop, the window, the clean-up.

One asyncio loop runs on Qt's event loop (qasync), so the flow's coroutines and the widgets
share one thread. The app ends when the main window is closed, but only after the window's
``shutdown()`` coroutine has finished: that is where the flow gives the computer its Wi-Fi
back, so the loop must keep running for it. Ctrl+C and SIGTERM close the window the same
way (a second one skips a window that refuses to close).
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from setup_wizard import __version__, redact
from setup_wizard.gui.platform_check import EXIT_CODE, find_problem, guard_qt_start
from setup_wizard.logs import AppLogging, configure_logging
from setup_wizard.settings import AppSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

APP_NAME = "photon-setup"
"""Qt's application and organisation name: QSettings and QStandardPaths use the same
folders as platformdirs (``~/.config/photon-setup``)."""
DISPLAY_NAME = "Photon Setup"
DESKTOP_FILE_NAME = "io.github.photon_setup.PhotonSetup"
"""The ``.desktop`` file's name without the suffix (Wayland finds the icon through it):
the app ID of packaging/linux/."""


_HARMLESS_QT_MESSAGES = frozenset(
    {"This plugin does not support propagateSizeHints()"}  # offscreen/minimal platforms
)
"""Qt warnings that say nothing a person can act on: logged, not printed."""


@runtime_checkable
class ShutsDown(Protocol):
    async def shutdown(self) -> None: ...


def run(settings: AppSettings) -> int:
    """Open the wizard and return the exit code once it is closed: 0, 2 when no window can
    be shown (one line on stderr says why), 1 when starting failed unexpectedly."""
    # The display check only: finding which libraries a platform plugin misses runs ldd
    # (about 10 ms), so that waits until Qt says it cannot start (_explain_qt_failure).
    problem = find_problem(ldd=lambda _plugin: None)
    if problem is not None:
        print(problem.line(), file=sys.stderr)
        return EXIT_CODE
    logs = configure_logging(level=settings.log_level, verbose=settings.verbose)
    if settings.profile is not None:
        redact.remember(settings.profile.client_secret)
    log.info(
        "Photon Setup %s: %s, Wi-Fi %s, log %s",
        __version__,
        f"simulation, {settings.why_simulated}" if settings.simulate else settings.api_url,
        settings.wifi,
        logs.file or logs.file_error,
    )
    try:
        return _run_qt(settings, logs)
    except Exception:
        log.critical("Photon Setup could not start", exc_info=True)
        where = f"; the details are in {logs.file}" if logs.file else ""
        print(f"setup-wizard: Photon Setup could not start{where}", file=sys.stderr)
        return 1
    finally:
        logs.close()


def _run_qt(settings: AppSettings, logs: AppLogging) -> int:
    os.environ.setdefault("QT_API", "pyside6")  # qasync would prefer PyQt if both were there
    import qasync
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from setup_wizard.gui.crash import CrashReporter
    from setup_wizard.gui.i18n import install_translations

    existing = QApplication.instance()
    if existing is None:
        # Qt 6 scales for high DPI by itself; PassThrough keeps 125 % and 150 % screens exact
        # instead of rounding them to 100 % or 200 %.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        with guard_qt_start(out=_explain_qt_failure):
            app = QApplication([sys.argv[0] if sys.argv else "setup-wizard"])
    else:
        assert isinstance(existing, QApplication)
        app = existing
    brand = settings.profile.brand if settings.profile else None
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(brand or DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    _apply_resources(app)
    quit_on_close = app.quitOnLastWindowClosed()
    # The loop must outlive the window: shutdown() runs after the last window has closed.
    app.setQuitOnLastWindowClosed(False)

    translations = install_translations(settings.lang)
    reporter = CrashReporter(
        log_file=logs.file, support_url=settings.profile.support_url if settings.profile else None
    )
    reporter.install()

    def new_loop() -> asyncio.AbstractEventLoop:
        loop: asyncio.AbstractEventLoop = qasync.QEventLoop(app)
        loop.set_exception_handler(reporter.loop_exception_handler)
        return loop

    try:
        with _qt_messages_to_log(), asyncio.Runner(loop_factory=new_loop) as runner:
            return runner.run(run_window(settings))
    finally:
        reporter.uninstall()
        translations.remove()
        app.setQuitOnLastWindowClosed(quit_on_close)


def _explain_qt_failure(line: str) -> None:
    """Qt cannot start: say which libraries it misses and how to install them, if that is
    why (ldd on its platform plugins), else Qt's own reason (``line``)."""
    problem = find_problem()
    sys.stderr.write((problem.line() if problem is not None else line) + "\n")
    sys.stderr.flush()


def _apply_resources(app: QApplication) -> None:
    """The icon and the style sheet, from ``setup_wizard.gui.resources`` when it exists."""
    try:
        resources = importlib.import_module("setup_wizard.gui.resources")
    except ImportError:
        log.debug("no setup_wizard.gui.resources yet: default icon and style")
        return
    icon = getattr(resources, "icon", None)
    if callable(icon):
        app.setWindowIcon(icon())
    style_sheet = getattr(resources, "style_sheet", None)
    if callable(style_sheet):
        app.setStyleSheet(style_sheet())


@contextmanager
def _qt_messages_to_log() -> Iterator[None]:
    """Qt's own warnings go to the log (the ``qt`` logger) rather than straight to stderr."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category if context is not None and context.category else "qt"
        level = levels.get(kind, logging.WARNING)
        if message in _HARMLESS_QT_MESSAGES:
            level = logging.DEBUG
        qt_log.log(level, "%s: %s", category, message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


async def run_window(settings: AppSettings) -> int:
    """Create and show the main window, wait until it is closed, then await its shutdown."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from setup_wizard.gui import main_window

    loop = asyncio.get_running_loop()
    window = await main_window.create_main_window(settings)
    closed: asyncio.Future[None] = loop.create_future()

    def end() -> None:
        if not closed.done():
            closed.set_result(None)

    def check_closed() -> None:
        if not window.isVisible():
            end()

    class CloseWatcher(QObject):
        """Closing, a QDialog's done(), or hide(): once the window is no longer visible.
        Checked after the event, since a window may refuse to close."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() in (QEvent.Type.Close, QEvent.Type.Hide):
                loop.call_soon(check_closed)
            return False

    watcher = CloseWatcher()
    window.installEventFilter(watcher)
    signals: list[signal.Signals] = []
    for number in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError, RuntimeError, ValueError):  # Windows, not main thread
            loop.add_signal_handler(number, _on_signal(window.close, end))
            signals.append(number)

    window.show()
    log.info("main window shown")
    if settings.quit_after_show:
        QTimer.singleShot(0, window.close)
    try:
        await closed
    finally:
        for number in signals:
            loop.remove_signal_handler(number)
        window.removeEventFilter(watcher)
        window.hide()
        log.info("main window closed; shutting down")
        if isinstance(window, ShutsDown):
            await window.shutdown()
        window.deleteLater()
        log.info("shut down")
    code = getattr(window, "exit_code", 0)
    return code if isinstance(code, int) else 0


def _on_signal(close: Callable[[], object], end: Callable[[], None]) -> Callable[[], None]:
    """The first Ctrl+C or SIGTERM closes the window; the next ends even if it refused."""
    received = 0

    def handle() -> None:
        nonlocal received
        received += 1
        log.info("signal received (%d): closing the window", received)
        close()
        if received > 1:
            end()

    return handle
