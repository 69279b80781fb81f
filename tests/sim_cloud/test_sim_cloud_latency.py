"""A network's round trip put back on loopback: each request waits ``latency`` and is counted."""

from __future__ import annotations

import asyncio

from sim_cloud_api import WAIT, Connect

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.cloud import SimulatedCloud


class HeldClock(SimClock):
    """Simulated time that passes only when the test releases each sleep, so nothing is timed."""

    def __init__(self) -> None:
        super().__init__(1.0)
        self.sleeps: asyncio.Queue[tuple[float, asyncio.Future[None]]] = asyncio.Queue()

    async def sleep(self, seconds: float) -> None:
        passed = asyncio.get_running_loop().create_future()
        await self.sleeps.put((seconds, passed))
        await passed


async def test_each_request_is_counted_and_answered_only_once_its_latency_has_passed(
    connect: Connect,
) -> None:
    clock = HeldClock()
    cloud = SimulatedCloud(clock=clock, seed=7, latency=0.1)
    await cloud.start()
    try:
        api = connect(cloud)
        developer = cloud.developer
        form = {"grant_type": "password", "username": developer.username}
        for count, password in enumerate(["wrong", developer.password], start=1):
            answer = asyncio.ensure_future(
                api.http.post(
                    "/oauth/token",
                    data=form | {"password": password},
                    auth=("particle", "particle"),
                )
            )
            seconds, passed = await asyncio.wait_for(clock.sleeps.get(), WAIT)
            assert seconds == 0.1
            assert cloud.requests_served == count, "counted on arrival"
            assert not answer.done(), "held on the network, not answered yet"
            passed.set_result(None)
            assert (await answer).status_code == (400 if password == "wrong" else 200)
    finally:
        await cloud.stop()
