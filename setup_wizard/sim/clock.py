"""Simulated time, so that tests run in milliseconds and a demo looks real.

All simulator delays and expiries are stated in *simulated* seconds; the speed factor
turns them into wall-clock seconds (speed 100 makes a 20 s cloud handshake take 0.2 s).
"""

from __future__ import annotations

import asyncio
import time


class SimClock:
    """Simulated wall-clock time that runs ``speed`` times faster than real time."""

    def __init__(self, speed: float = 1.0) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._wall_start = time.time()
        self._mono_start = time.monotonic()
        self._offset = 0.0

    def now(self) -> float:
        """Simulated seconds since the Unix epoch."""
        elapsed = (time.monotonic() - self._mono_start) * self.speed
        return self._wall_start + elapsed + self._offset

    async def sleep(self, seconds: float) -> None:
        """Sleep for ``seconds`` of simulated time."""
        await asyncio.sleep(max(0.0, seconds) / self.speed)

    def advance(self, seconds: float) -> None:
        """Jump simulated time forward (for expiry: tokens, claim codes)."""
        self._offset += seconds
