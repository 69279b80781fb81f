"""Support reports: what happened in this setup, in a file a person can send to support.

The report holds the stage timeline, versions, how Wi-Fi was switched, and the app's own
conversation with the device and the cloud (its log records, kept in memory). Every line
is scrubbed of every secret the app has seen, in every encoding, before it is written.
"""

from __future__ import annotations

import logging
import platform
import sys
import time
import zipfile
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from setup_wizard import __version__, redact
from setup_wizard.flow.stages import StageRecord

CONVERSATION_LINES = 2000
"""The newest log lines kept for a report (a whole setup is a few hundred)."""
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class ConversationLog(logging.Handler):
    """The app's log records of this run, newest last, in memory (for support reports)."""

    def __init__(self, capacity: int = CONVERSATION_LINES) -> None:
        super().__init__(logging.DEBUG)
        self.lines: deque[str] = deque(maxlen=capacity)
        self.setFormatter(logging.Formatter(_FORMAT))
        self.addFilter(redact.RedactingFilter())

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append(self.format(record))
        except Exception:  # a broken record must not break the setup
            self.handleError(record)

    def attach(self, logger_name: str = "setup_wizard") -> None:
        """Listen to the app's loggers at DEBUG (other handlers keep their own levels)."""
        logger = logging.getLogger(logger_name)
        logger.addHandler(self)
        if logger.getEffectiveLevel() > logging.DEBUG:
            logger.setLevel(logging.DEBUG)

    def detach(self, logger_name: str = "setup_wizard") -> None:
        logging.getLogger(logger_name).removeHandler(self)


@dataclass
class SupportReport:
    """Everything support needs about one setup, free of secrets."""

    timeline: list[StageRecord]
    conversation: list[str]
    last_error: str | None = None
    details: dict[str, str] = field(default_factory=dict)
    """Versions and settings (``"Wi-Fi backend": "networkmanager"``…)."""
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @staticmethod
    def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
        details = {
            "App": f"Photon Setup {__version__}",
            "Python": platform.python_version(),
            "Operating system": platform.platform(),
            "Machine": platform.machine(),
            "Executable": "frozen" if getattr(sys, "frozen", False) else "python",
        }
        details.update(extra or {})
        return details

    def text(self, now: float | None = None) -> str:
        """The report as plain text, scrubbed."""
        clock = time.monotonic() if now is None else now
        lines = [
            "Photon Setup support report",
            f"Created: {self.created_at.isoformat(timespec='seconds')}",
            "",
        ]
        lines += [f"{key}: {value}" for key, value in self.details.items()]
        lines += ["", "What happened (last error shown):", self.last_error or "(no error)", ""]
        lines.append("Steps:")
        for record in self.timeline:
            elapsed = record.elapsed(clock)
            took = f"{elapsed:7.1f} s" if elapsed is not None else "      -  "
            note = f"  {record.note}" if record.note else ""
            lines.append(f"  {record.stage.value:<16} {record.status.value:<9} {took}{note}")
        lines += ["", "Conversation with the device and the cloud:"]
        lines += self.conversation or ["(nothing recorded)"]
        return redact.scrub_remembered("\n".join(lines) + "\n")

    def save(self, path: Path, *, log_files: Iterable[Path] = ()) -> Path:
        """Write the report: plain text, or a zip with the app's log files too (``.zip``)."""
        text = self.text()
        if path.suffix.lower() != ".zip":
            path.write_text(text, encoding="utf-8")
            return path
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("report.txt", text)
            for log_file in log_files:
                if log_file.is_file():
                    content = log_file.read_text(encoding="utf-8", errors="replace")
                    archive.writestr(f"logs/{log_file.name}", redact.scrub_remembered(content))
        return path
