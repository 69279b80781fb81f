"""Simulated Photons plugged in by USB: their console on a pseudo-terminal, opened by the
client with pyserial exactly as a real port."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from usb_helpers import bench

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.link import NoCloud
from setup_wizard.sim.photon import PhotonFaults, SimulatedPhoton
from setup_wizard.sim.wifi import WifiEnvironment

PlugIn = Callable[..., Awaitable[tuple[SimulatedPhoton, str]]]


@pytest.fixture
async def plug_in() -> AsyncIterator[PlugIn]:
    """Start simulated Photons (sped up 500×) with their USB cable plugged in; returns each
    with the path of its serial port. All are stopped after the test."""
    started: list[SimulatedPhoton] = []

    async def start(
        wifi: WifiEnvironment | None = None, faults: PhotonFaults | None = None
    ) -> tuple[SimulatedPhoton, str]:
        photon = SimulatedPhoton(
            clock=SimClock(speed=500),
            wifi=wifi or bench(),
            link=NoCloud(),
            faults=faults or PhotonFaults(),
            seed=len(started) + 1,
        )
        await photon.start()
        started.append(photon)
        return photon, photon.plug_usb()

    try:
        yield start
    finally:
        for photon in started:
            await photon.stop()
