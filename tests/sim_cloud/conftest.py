"""Fixtures for the simulated cloud: a started cloud and plain httpx clients to reach it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sim_cloud_api import WAIT, Api, CloudFactory, Connect

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.cloud import SimulatedCloud


@pytest.fixture
async def connect() -> AsyncIterator[Connect]:
    clients: list[httpx.AsyncClient] = []

    def make(cloud: SimulatedCloud) -> Api:
        client = httpx.AsyncClient(base_url=cloud.url, timeout=WAIT)
        clients.append(client)
        return Api(client, cloud)

    yield make
    for client in clients:
        await client.aclose()


@pytest.fixture
async def cloud_factory() -> AsyncIterator[CloudFactory]:
    clouds: list[SimulatedCloud] = []

    async def make(
        *, speed: float = 1.0, mfa: bool = False, seed: int | None = 7, **options: Any
    ) -> SimulatedCloud:
        cloud = SimulatedCloud(clock=SimClock(speed), mfa=mfa, seed=seed, **options)
        await cloud.start()
        clouds.append(cloud)
        return cloud

    yield make
    for cloud in clouds:
        await cloud.stop()


@pytest.fixture
async def cloud(cloud_factory: CloudFactory) -> SimulatedCloud:
    return await cloud_factory()


@pytest.fixture
def api(connect: Connect, cloud: SimulatedCloud) -> Api:
    return connect(cloud)
