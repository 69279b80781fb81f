"""One step at a time: starting a step cancels the one before (Back, Cancel, a retry).

Views run every flow step through a :class:`StepRunner`, so a second click never runs two
steps against one Photon, and "stop what you are doing" is one call. Tasks are kept
referenced until they end (the event loop holds only weak references).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class StepRunner:
    def __init__(self) -> None:
        self._current: asyncio.Task[Any] | None = None
        self._stopped: asyncio.Task[Any] | None = None
        """A step stopped and maybe still cleaning up: the next one starts after it."""
        self._name = ""

    @property
    def busy(self) -> bool:
        return self._current is not None and not self._current.done()

    @property
    def current_name(self) -> str:
        return self._name if self.busy else ""

    def start(
        self,
        name: str,
        step: Coroutine[Any, Any, T],
        *,
        done: Callable[[asyncio.Task[T]], None] | None = None,
    ) -> asyncio.Task[T]:
        """Run ``step`` as the current step; the previous one, if still running, is cancelled
        (it finishes its own clean-up, e.g. giving the Wi-Fi back, before this one starts)."""
        previous = self._current or self._stopped
        self._stopped = None
        task = asyncio.ensure_future(self._after(previous, step))
        task.add_done_callback(lambda _task: _close_if_never_started(step))
        self._current, self._name = task, name
        if done is not None:
            task.add_done_callback(done)
        return task

    @staticmethod
    async def _after(previous: asyncio.Task[Any] | None, step: Coroutine[Any, Any, T]) -> T:
        if previous is not None and not previous.done():
            if not previous.cancelling():  # a second cancel would cut its clean-up short
                previous.cancel()
            try:
                await asyncio.wait({previous})
            except asyncio.CancelledError:
                step.close()
                raise
        return await step

    def stop(self) -> None:
        """Stop the current step now; its clean-up goes on, and a step started after this
        call (the next click) waits for it but is not stopped by it."""
        task, self._current = self._current, None
        if task is not None and not task.done():
            task.cancel()
            self._stopped = task

    async def cancel(self) -> None:
        """Stop the current step and wait until it has cleaned up."""
        self.stop()
        task = self._stopped
        if task is not None:
            await asyncio.wait({task})


def _close_if_never_started(step: Coroutine[Any, Any, Any]) -> None:
    """A step stopped before its task first ran never started: close it, so that it is not
    reported as a coroutine never awaited."""
    if inspect.getcoroutinestate(step) == inspect.CORO_CREATED:
        step.close()
