"""The device's network stack hanging (scan-ap in a crowded place, softap-protocol.md §3.5)."""

from __future__ import annotations

import asyncio
import logging

log = logging.getLogger(__name__)


class Freeze:
    """Once frozen, nothing is sent on any connection until the device is reset; a fresh Freeze
    comes with every listening session.
    """

    def __init__(self) -> None:
        self._thawed = asyncio.Event()
        self._thawed.set()

    async def alive(self) -> None:
        """Return at once, or never while the device is frozen."""
        await self._thawed.wait()

    def stall(self) -> None:
        """Freeze now (a device that stops answering at a moment a test chooses)."""
        self._thawed.clear()

    async def hang(self) -> None:
        self._thawed.clear()
        log.info("SoftAP: scan-ap stalled; the device answers nothing until it is reset")
        await self._thawed.wait()
