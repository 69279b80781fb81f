"""The unexpected: any exception nobody caught becomes a log entry and one crash dialog.

Errors the app expects (a wrong password, no internet) are shown on the wizard's pages.
Everything else ends up here: exceptions in Qt slots and in qasync's ``asyncSlot`` (both
go to ``sys.excepthook``), in threads (``threading.excepthook``) and in asyncio tasks and
callbacks (the loop's exception handler). Each one is logged at CRITICAL level, with the
remembered secrets scrubbed, and shown in a single dialog: a second error while it is open
adds its details to it rather than opening another.
"""

from __future__ import annotations

import asyncio
import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from setup_wizard import __version__
from setup_wizard.redact import scrub_remembered

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
MAX_SHOWN = 10
"""Errors kept in the details; the log has every one (an error in a timer repeats)."""


def describe_environment() -> str:
    """The app, Python, Qt and OS versions, for a bug report."""
    system = platform.platform()
    if sys.platform.startswith("linux"):
        try:
            pretty = platform.freedesktop_os_release().get("PRETTY_NAME")
        except OSError:
            pretty = None
        if pretty:
            system = f"{pretty}, {system}"
    qt_platform = QGuiApplication.platformName() if QGuiApplication.instance() else "none"
    return (
        f"Photon Setup {__version__}\n"
        f"Python {platform.python_version()}\n"
        f"Qt {qVersion()} (PySide6 {pyside_version}, platform {qt_platform})\n"
        f"System: {system}"
    )


def format_exception(exc_info: ExcInfo, *, thread: str | None = None) -> str:
    """The traceback as text, secrets scrubbed."""
    text = "".join(traceback.format_exception(*exc_info))
    if thread:
        text = f"In thread {thread}:\n{text}"
    return scrub_remembered(text)


def open_folder(folder: Path) -> bool:
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class CrashDialog(QDialog):
    """One dialog for every unexpected error of the session (see :meth:`add_error`)."""

    def __init__(
        self,
        *,
        log_file: Path | None,
        support_url: str | None = None,
        open_folder: Callable[[Path], bool] = open_folder,
        parent: QWidget | None = None,
    ) -> None:
        # Imported here: the reporter is installed at every start, the dialog built only
        # after an error (these classes cost a start about 10 ms).
        from PySide6.QtGui import QFontDatabase
        from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit, QStyle

        super().__init__(parent)
        self._log_file = log_file
        self._open_folder = open_folder
        self._errors: list[str] = []
        self._count_all = 0
        self._environment = describe_environment()

        self.setWindowTitle(self.tr("Photon Setup – unexpected error"))
        self.setObjectName("crashDialog")
        self.setMinimumWidth(640)

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        icon.setAccessibleName(self.tr("Error"))
        heading = QLabel(self.tr("Something went wrong that Photon Setup did not expect."))
        heading.setObjectName("crashHeading")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        heading.setWordWrap(True)
        advice = self.tr(
            "You can close this message and carry on. If the wizard stops responding, close "
            "Photon Setup: it gives your computer its Wi-Fi back as it closes. To help fix the "
            "problem, copy the details below and send them with the log file."
        )
        if support_url:
            advice += " " + self.tr('Support: <a href="{url}">{url}</a>').format(url=support_url)
        body = QLabel(advice)
        body.setWordWrap(True)
        body.setOpenExternalLinks(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(heading)
        text.addWidget(body)
        top.addLayout(text, 1)

        self._count = QLabel()
        self._count.setObjectName("crashCount")
        self._count.hide()

        self.details = QPlainTextEdit()
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumHeight(220)
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setAccessibleDescription(
            self.tr("The versions of the app and the system, and where the error happened")
        )

        if log_file is not None:
            where = self.tr("Log file: {path}").format(path=log_file)
        else:
            where = self.tr("There is no log file: the log folder could not be written.")
        self.log_label = QLabel(where)
        self.log_label.setObjectName("crashLogPath")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

        self._status = QLabel()
        self._status.setObjectName("crashStatus")
        self._status.setAccessibleName(self.tr("Status"))

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.setObjectName("crashCopy")
        self.copy_button.setAutoDefault(False)
        self.open_button = QPushButton(self.tr("&Open log folder"))
        self.open_button.setObjectName("crashOpenLog")
        self.open_button.setAutoDefault(False)
        self.open_button.setEnabled(log_file is not None)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_details)
        self.open_button.clicked.connect(self._open_log_folder)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._count)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(self._status)
        layout.addWidget(buttons)
        self.close_button.setFocus()

    @property
    def log_file(self) -> Path | None:
        return self._log_file

    @property
    def error_count(self) -> int:
        return self._count_all

    def add_error(self, text: str) -> None:
        """Add one error's (scrubbed) traceback to the details."""
        self._count_all += 1
        if len(self._errors) < MAX_SHOWN:
            self._errors.append(text)
            self.details.setPlainText(self.report())
        if self._count_all > 1:
            if self._count_all <= MAX_SHOWN:
                summary = self.tr("This happened {n} times; the details show each one.")
            else:
                summary = self.tr(
                    "This happened {n} times; the details show the first {shown}, the log file "
                    "every one."
                )
            self._count.setText(summary.format(n=self._count_all, shown=MAX_SHOWN))
            self._count.show()

    def report(self) -> str:
        """What "Copy details" copies: versions, log file, every traceback."""
        parts = [self._environment]
        if self._log_file is not None:
            parts.append(f"Log file: {self._log_file}")
        for number, error in enumerate(self._errors, start=1):
            heading = f"Error {number} of {len(self._errors)}" if len(self._errors) > 1 else ""
            parts.append(f"{heading}\n{error}".strip("\n"))
        return "\n\n".join(parts) + "\n"

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
        self._status.setText(self.tr("The details are copied to the clipboard."))

    def _open_log_folder(self) -> None:
        if self._log_file is None:
            return
        if not self._open_folder(self._log_file.parent):
            self._status.setText(
                self.tr("Could not open the folder; it is {folder}").format(
                    folder=self._log_file.parent
                )
            )


class _Bridge(QObject):
    """Carries an error from another thread to the GUI thread (a queued signal)."""

    error = Signal(str)


class CrashReporter:
    """The global exception hooks; :meth:`install` them once the QApplication exists."""

    def __init__(
        self,
        *,
        log_file: Path | None,
        support_url: str | None = None,
        open_folder: Callable[[Path], bool] = open_folder,
    ) -> None:
        self._log_file = log_file
        self._support_url = support_url
        self._open_folder = open_folder
        self._dialog: CrashDialog | None = None
        self._showing = False
        self._bridge: _Bridge | None = None
        self._previous: tuple[Any, Any] | None = None

    @property
    def dialog(self) -> CrashDialog | None:
        return self._dialog

    def install(self) -> None:
        if QApplication.instance() is not None and self._bridge is None:
            self._bridge = _Bridge()
            self._bridge.error.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        if self._bridge is not None:
            self._bridge.deleteLater()
            self._bridge = None

    # -- the hooks ---------------------------------------------------------------------------

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(kind, error, tb)
            return
        self.report((kind, error, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        thread = args.thread.name if args.thread is not None else None
        self.report((args.exc_type, args.exc_value, args.exc_traceback), thread=thread)

    def loop_exception_handler(
        self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]
    ) -> None:
        """For ``loop.set_exception_handler``: a task or callback failed and nobody awaited it."""
        error = context.get("exception")
        if isinstance(error, BaseException) and not isinstance(error, asyncio.CancelledError):
            self.report((type(error), error, error.__traceback__))
        else:
            log.error("asyncio: %s", context.get("message", "an error in the event loop"))

    # -- reporting ---------------------------------------------------------------------------

    def report(self, exc_info: ExcInfo, *, thread: str | None = None) -> None:
        """Log the error and show it (from any thread)."""
        log.critical(
            "Unexpected error%s", f" in thread {thread}" if thread else "", exc_info=exc_info
        )
        text = format_exception(exc_info, thread=thread)
        app = QApplication.instance()
        if app is None or self._bridge is None:
            where = f" The log file is {self._log_file}." if self._log_file else ""
            sys.stderr.write(f"setup-wizard: unexpected error.{where}\n{text}")
            sys.stderr.flush()
            return
        if QThread.currentThread() is app.thread():
            self._show(text)
        else:
            self._bridge.error.emit(text)

    def _show(self, text: str) -> None:
        if self._showing:  # an error while building the dialog: do not recurse
            sys.stderr.write(text)
            return
        self._showing = True
        try:
            if self._dialog is None:
                self._dialog = CrashDialog(
                    log_file=self._log_file,
                    support_url=self._support_url,
                    open_folder=self._open_folder,
                )
                self._dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self._dialog.add_error(text)
            if not self._dialog.isVisible():
                self._dialog.show()
            self._dialog.raise_()
            self._dialog.activateWindow()
        finally:
            self._showing = False
