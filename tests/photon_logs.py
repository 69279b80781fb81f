"""Watching what the simulated Photons log: how a test learns, without sleeping, that a
device got as far as something (its scan started, or hanging) and acts at that moment."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class PhotonLog:
    """The lines logged so far that hold the words; ``wait()`` returns once there is one."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._seen = asyncio.Event()

    def __len__(self) -> int:
        return len(self.lines)

    async def wait(self) -> None:
        await self._seen.wait()

    def add(self, line: str) -> None:
        self.lines.append(line)
        self._seen.set()


@contextmanager
def photon_logs(
    words: str, then: Callable[[PhotonLog], None] = lambda _log: None
) -> Iterator[PhotonLog]:
    """Every line a simulated Photon logs holding ``words``, as it comes, and ``then``
    called at each one with all so far."""
    seen = PhotonLog()

    class Watch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            message = record.getMessage()
            if words in message:
                seen.add(message)
                then(seen)

    logger = logging.getLogger("setup_wizard.sim.photon")
    handler, level = Watch(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield seen
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
