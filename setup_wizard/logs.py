"""The app's log: a size-rotating file in the platform's log folder, and the terminal.

Every handler carries :class:`~setup_wizard.redact.RedactingFilter`, so a secret the flow
has remembered never reaches the file or the terminal, whatever logged it. The file is what
support asks for; the crash dialog shows where it is.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import platformdirs

from setup_wizard.redact import RedactingFilter

APP_NAME = "photon-setup"
LOG_FILE_NAME = "photon-setup.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
"""Four old files of 1 MB each besides the current one: several setups' worth."""

FILE_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"

_QUIET = {
    # Libraries that are chatty at DEBUG and say nothing the app does not say better.
    "asyncio": logging.INFO,
    "qasync": logging.INFO,
    "httpcore": logging.INFO,
    "hpack": logging.INFO,
    "keyring": logging.INFO,
}


def default_log_dir() -> Path:
    """``~/.local/state/photon-setup/log`` on Linux, ``~/Library/Logs/photon-setup`` on
    macOS, ``%LOCALAPPDATA%\\photon-setup\\Logs`` on Windows."""
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


@dataclass
class AppLogging:
    """What :func:`configure_logging` set up; :meth:`close` undoes it."""

    file: Path | None
    """The current log file, or None if the log folder could not be written."""
    file_error: str | None = None
    """Why there is no log file, in words."""
    handlers: list[logging.Handler] = field(default_factory=list)
    _saved_levels: dict[str, int] = field(default_factory=dict)

    @property
    def folder(self) -> Path | None:
        return self.file.parent if self.file else None

    def close(self) -> None:
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        self.handlers.clear()
        for name, level in self._saved_levels.items():
            logging.getLogger(name or None).setLevel(level)
        self._saved_levels.clear()


def configure_logging(
    *,
    level: int = logging.INFO,
    verbose: bool = False,
    directory: Path | None = None,
    console: TextIO | None = None,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
) -> AppLogging:
    """Log to the rotating file at ``level`` (DEBUG with ``verbose``), and to ``console``
    (stderr by default): warnings and errors, or everything with ``verbose``.

    A log folder that cannot be created or written is not a reason to stop the app: the
    reason is logged to the console and :attr:`AppLogging.file` is None.
    """
    if verbose:
        level = min(level, logging.DEBUG)
    root = logging.getLogger()
    setup = AppLogging(file=None)
    for name in ("", *_QUIET):
        setup._saved_levels[name] = logging.getLogger(name or None).level
    redacting = RedactingFilter()

    terminal = logging.StreamHandler(console if console is not None else sys.stderr)
    terminal.setLevel(logging.DEBUG if verbose else logging.WARNING)
    terminal.setFormatter(logging.Formatter(CONSOLE_FORMAT))
    terminal.addFilter(redacting)
    setup.handlers.append(terminal)

    folder = directory if directory is not None else default_log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        file_handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
        )
    except OSError as error:
        setup.file_error = f"cannot write the log file in {folder}: {error.strerror or error}"
    else:
        file_handler.setLevel(level)
        file_handler.setFormatter(logging.Formatter(FILE_FORMAT))
        file_handler.addFilter(redacting)
        setup.handlers.append(file_handler)
        setup.file = folder / LOG_FILE_NAME

    root.setLevel(min(level, terminal.level))
    for handler in setup.handlers:
        root.addHandler(handler)
    for name, quiet in _QUIET.items():
        logging.getLogger(name).setLevel(max(quiet, level))
    if setup.file_error:
        logging.getLogger(__name__).warning("%s", setup.file_error)
    return setup
