"""One step at a time: what a click right after "stop" does."""

from __future__ import annotations

import asyncio

from setup_wizard.flow import StepRunner


async def test_a_step_started_right_after_a_stop_runs_once_the_stopped_one_cleaned_up() -> None:
    """Switching to the cable stops the wait for a Photon joined by hand; a Next clicked in
    the same moment must still connect (it once was stopped with the step before it)."""
    runner = StepRunner()
    order: list[str] = []
    waiting = asyncio.Event()

    async def wait_for_the_photon() -> None:
        try:
            waiting.set()
            await asyncio.Event().wait()
        finally:
            await asyncio.sleep(0)  # clean-up that takes a loop turn (giving Wi-Fi back)
            order.append("the wait cleaned up")

    async def connect() -> str:
        order.append("connected")
        return "connected"

    runner.start("wait", wait_for_the_photon())
    await waiting.wait()
    runner.stop()
    step = runner.start("connect", connect())
    assert await step == "connected"
    assert order == ["the wait cleaned up", "connected"]
    assert not runner.busy


async def test_a_step_stopped_before_it_ran_is_closed_not_left_unawaited() -> None:
    """Stopped in the same moment it was started (a click, then Back), the step never runs;
    Python would otherwise report its coroutine as never awaited."""
    runner = StepRunner()
    ran: list[str] = []

    async def step() -> None:
        ran.append("ran")

    coroutine = step()
    task = runner.start("step", coroutine)
    runner.stop()
    await asyncio.wait({task})
    assert task.cancelled()
    assert ran == []
    assert coroutine.cr_frame is None, "closed"
