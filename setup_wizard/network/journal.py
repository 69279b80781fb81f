"""A note on disk saying which Wi-Fi to give back, so a crash never strands the computer.

Written before the computer leaves its network, removed once it is back. If the app dies
in between, the next start finds the note and restores from it. The note holds no secrets
(SSIDs, connection UUIDs, profile names, an interface name and a time).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from pathlib import Path

import platformdirs

from setup_wizard.network.backend import RestorePoint

APP_NAME = "photon-setup"
JOURNAL_NAME = "wifi-restore.json"


def default_state_folder() -> Path:
    return platformdirs.user_state_path(APP_NAME, appauthor=False)


class RestoreJournal:
    """The crash journal in a state folder (injectable, so tests use a temporary one)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else default_state_folder()
        self.path = self.folder / JOURNAL_NAME

    async def save(self, point: RestorePoint) -> None:
        """Replace the note atomically: a reader sees the old one or the new one, whole."""
        await asyncio.to_thread(self._write, point.to_json())

    async def load(self) -> RestorePoint | None:
        """The note left behind, or None. Raises JournalUnreadable if it is damaged."""
        text = await asyncio.to_thread(self._read)
        return None if text is None else RestorePoint.from_json(text)

    async def clear(self) -> None:
        await asyncio.to_thread(self._remove)

    def _write(self, text: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=self.folder, prefix=".wifi-restore-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    def _read(self) -> str | None:
        try:
            # Damaged bytes become U+FFFD, so the JSON check reports them as a damaged note.
            return self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return None

    def _remove(self) -> None:
        self.path.unlink(missing_ok=True)
