"""Fixtures for the simulated Photon's tests; the client helpers are in sim_photon_helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from sim_photon_helpers import SPEED, RecordingLink, Tcp

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.photon import SimulatedPhoton
from setup_wizard.sim.wifi import WifiEnvironment


@pytest.fixture
def tcp() -> Tcp:
    return Tcp()


@pytest.fixture
def link() -> RecordingLink:
    return RecordingLink()


@pytest.fixture
def wifi() -> WifiEnvironment:
    return WifiEnvironment.home()


@pytest.fixture
async def make_photon(
    wifi: WifiEnvironment, link: RecordingLink
) -> AsyncIterator[Callable[..., Awaitable[SimulatedPhoton]]]:
    """Start simulated Photons (home Wi-Fi, recording cloud link); all stopped afterwards."""
    started: list[SimulatedPhoton] = []

    async def make(**kwargs: Any) -> SimulatedPhoton:
        kwargs.setdefault("clock", SimClock(SPEED))
        kwargs.setdefault("wifi", wifi)
        kwargs.setdefault("link", link)
        kwargs.setdefault("seed", 7)
        photon = SimulatedPhoton(**kwargs)
        await photon.start()
        started.append(photon)
        return photon

    yield make
    for photon in started:
        await photon.stop()


@pytest.fixture
async def photon(make_photon: Callable[..., Awaitable[SimulatedPhoton]]) -> SimulatedPhoton:
    return await make_photon()


@pytest.fixture
async def http(photon: SimulatedPhoton) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"http://{photon.host}:{photon.http_port}") as client:
        yield client
