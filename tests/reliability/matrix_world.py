"""The simulated world of one fault-matrix cell, and the fault, switched on at its step.

A fault is switched on when the row's stage starts (the flow's ``StageChanged``) and off
when that stage run ends, so it hits that step and no other; a few are set up before the
journey because they are about something already under way at their step (how long the
Photon takes to leave listening mode, or to come online). Cancel, close and a killed
process act at the moment the step's first request reaches the Photon or the cloud (the
worst moment: it got there, its answer did not come back), or at the step's start for a
step that sends none. Every cell checks that its fault really happened.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from matrix_app import (
    DEVICE_POLICY,
    FLOW_TIMING,
    USB_TIMING,
    WIFI_TIMING,
    ComputerWifi,
)
from matrix_cells import Cell, Fault, Row

from setup_wizard.flow import FlowEvent, LinkKind, Stage, StageChanged, StageHelp, StageStatus
from setup_wizard.sim.link import CloudLink, Handshake
from setup_wizard.sim.photon import PhotonState, SetupTiming, SimulatedPhoton
from setup_wizard.sim.simulation import Simulation

SPEED = 500.0
"""Simulated seconds per wall-clock second: a Photon joins Wi-Fi and the cloud in ~25 ms."""
UNDER, OVER = 0.5, 1.5
"""A slow device answers in this share of the step's time limit: just under, just over."""
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Sign in to Guest Wi-Fi</title></head>"
    "<body><form action='/login'>Accept the terms to continue</form></body></html>"
)
SETTLE_LIMIT = 30.0
"""A guard, not a measure: a Photon at rest within this many wall-clock seconds, or the
cell fails loudly (a simulation that never settles is a bug of its own)."""

QUIET_STEPS = frozenset(
    {
        (LinkKind.SOFTAP, Stage.RESTORE_WIFI),
        (LinkKind.SOFTAP, Stage.PHOTON_LEAVES),  # its network is looked for, nothing is asked
        (LinkKind.USB, Stage.JOIN_PHOTON),
        (LinkKind.USB, Stage.SCAN),
        (LinkKind.USB, Stage.CONNECT),
        (LinkKind.USB, Stage.PHOTON_LEAVES),
    }
)
"""Steps that send nothing to the Photon or the cloud: cancel, close and kill act at their
start."""


class SlowHandshake:
    """The cloud's side of a Photon coming online, ``delay`` simulated seconds late (a
    Photon slow to reach the cloud: a firmware update, a slow router)."""

    def __init__(self, cloud: CloudLink, photon_clock: Any) -> None:
        self._cloud = cloud
        self._clock = photon_clock
        self.delay = 0.0

    async def device_online(self, handshake: Handshake) -> bool:
        if self.delay:
            await self._clock.sleep(self.delay)
        return await self._cloud.device_online(handshake)

    async def device_offline(self, device_id: str) -> None:
        await self._cloud.device_offline(device_id)


@dataclass
class World:
    sim: Simulation
    photon: SimulatedPhoton
    handshake: SlowHandshake

    @property
    def ready(self) -> dict[str, Any]:
        return self.sim.ready()

    async def settle(self) -> None:
        """Until the Photon is at rest: listening (and not leaving), online, or off."""
        photon = self.photon
        async with asyncio.timeout(SETTLE_LIMIT):
            while True:
                state = photon.state
                if state is PhotonState.OFF and not photon.leaving:
                    return
                if state is PhotonState.LISTENING and not photon.leaving:
                    return
                if state is PhotonState.ONLINE:
                    return
                await _next_state(photon)


async def _next_state(photon: SimulatedPhoton) -> None:
    """Return once the Photon's state changes (to any other state)."""
    now = photon.state
    waits = [
        asyncio.ensure_future(photon.wait_for_state(state)) for state in PhotonState if state != now
    ]
    if photon.leaving:  # still listening, about to join: it passes through JOINING_WIFI
        waits.append(asyncio.ensure_future(photon.wait_for_state(PhotonState.JOINING_WIFI)))
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
        await asyncio.wait(waits)


@asynccontextmanager
async def matrix_world(*, usb: bool, seed: int) -> AsyncIterator[World]:
    """One cloud, one Photon in listening mode (plugged in by USB for a USB row)."""
    sim = await Simulation.start(devices=0, speed=SPEED, seed=seed)
    try:
        handshake = SlowHandshake(sim.cloud, sim.clock)
        photon = SimulatedPhoton(clock=sim.clock, wifi=sim.wifi, link=handshake, seed=seed + 1)
        sim.photons.append(photon)
        if usb:
            photon.plug_usb()
        await photon.start()
        yield World(sim, photon, handshake)
    finally:
        await sim.stop()


# -- the fault at its step ------------------------------------------------------------------------


def _limit(row: Row) -> float:
    """The wall-clock seconds the app gives the Photon at this step (the scaled policy)."""
    usb = row.link is LinkKind.USB
    stage = row.stage
    if usb:
        return USB_TIMING.scan if stage is Stage.SEND_WIFI else USB_TIMING.prompt
    limits = {
        Stage.JOIN_PHOTON: WIFI_TIMING.probe_timeout / 2,  # the probe's share for HTTP
        Stage.READ_DEVICE: DEVICE_POLICY.quick_timeout,
        Stage.SCAN: DEVICE_POLICY.scan_timeout,
        Stage.SEND_CLAIM_CODE: DEVICE_POLICY.quick_timeout,
        Stage.SEND_WIFI: DEVICE_POLICY.configure_timeout,
        Stage.CONNECT: DEVICE_POLICY.connect_ap_timeout,
        Stage.PHOTON_LEAVES: FLOW_TIMING.leave_help_after,
        Stage.CLOUD_ONLINE: FLOW_TIMING.cloud_limit,
    }
    return limits[stage]


@dataclass
class Injection:
    """Switches ``cell``'s fault on at its step and off after it; counts what it hit.

    ``act`` is what Cancel, close or a killed process does (called once, at the moment).
    """

    world: World
    cell: Cell
    computer: ComputerWifi | None = None
    act: Callable[[], None] | None = None
    hits: int = 0
    helped: bool = False
    """A help text was shown at the step (a slow Photon past a help threshold)."""
    acted: bool = False
    _on: bool = False
    _done: bool = False
    _background: list[asyncio.Future[Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.world.photon.live.on_command = self._arrived
        self.world.sim.cloud.on_request = self._requested
        fault, stage = self.cell.fault, self.cell.row.stage
        if fault in (Fault.SLOW_UNDER, Fault.SLOW_OVER) and stage is Stage.PHOTON_LEAVES:
            self.world.photon.live.leave_seconds = self._delay() * SPEED
        if fault in (Fault.SLOW_UNDER, Fault.SLOW_OVER) and stage is Stage.CLOUD_ONLINE:
            self.world.handshake.delay = self._delay() * SPEED
        if fault is Fault.STREAM_DROPS:  # the app must wait, with its stream, for a while
            self.world.handshake.delay = UNDER * FLOW_TIMING.cloud_limit * SPEED

    def _delay(self) -> float:
        """How long the slow Photon takes, in wall-clock seconds."""
        share = UNDER if self.cell.fault is Fault.SLOW_UNDER else OVER
        return _limit(self.cell.row) * share

    @property
    def row(self) -> Row:
        return self.cell.row

    def on_event(self, event: FlowEvent) -> None:
        if isinstance(event, StageHelp) and event.stage is self.row.stage and self._on:
            self.helped = True
        if not isinstance(event, StageChanged) or event.record.stage is not self.row.stage:
            return
        status = event.record.status
        if status is StageStatus.RUNNING:
            self.step_started()
        elif status.finished:
            self.step_ended()

    def step_started(self) -> None:
        """The row's stage started (its first run): the fault is switched on."""
        if not self._on and not self._done:
            self._on = True
            self._switch_on()

    def step_ended(self) -> None:
        if self._on:
            self._on, self._done = False, True
            self._switch_off()

    async def aclose(self) -> None:
        """Wait for what switching faults started (a Photon powering off)."""
        if self._background:
            await asyncio.gather(*self._background)

    # -- what the fault does ---------------------------------------------------------------

    def _switch_on(self) -> None:
        world, fault = self.world, self.cell.fault
        photon, cloud, live = world.photon, world.sim.cloud, world.photon.live
        stage = self.row.stage
        slow = fault in (Fault.SLOW_UNDER, Fault.SLOW_OVER)
        if slow and stage not in (Stage.PHOTON_LEAVES, Stage.CLOUD_ONLINE):
            delay = self._delay() * SPEED
            usb_wifi = self.row.link is LinkKind.USB and stage is Stage.SEND_WIFI
            live.setup_timing = (
                SetupTiming(command_seconds=0, scan_seconds=delay)
                if usb_wifi
                else SetupTiming(command_seconds=delay, scan_seconds=0)
            )
        elif slow:
            self.hits += 1  # set up before the journey; it is under way now
        elif fault is Fault.SILENT:
            photon.stall()  # its servers still take connections: no command ever arrives
            self.hits += 1
        elif fault is Fault.RESET:
            if stage in (Stage.PHOTON_LEAVES, Stage.CLOUD_ONLINE):
                photon.reset()  # a brown-out while it joins
                self.hits += 1
            else:
                live.reset_mid_command = True
        elif fault is Fault.GARBAGE:
            live.garble = True
        elif fault is Fault.TCP_LEFT_OPEN:
            live.hang_next_tcp = True
        elif fault is Fault.NETWORK_GONE:
            self._background.append(asyncio.ensure_future(photon.stop()))
            self.hits += 1
        elif fault is Fault.JOIN_REFUSED:
            assert self.computer is not None
            if stage is Stage.JOIN_PHOTON:
                self.computer.refuse_join = True  # the OS will not join the Photon's network
            else:
                self.computer.refuse_restore = True  # nor rejoin the computer's own
        elif fault is Fault.CLOUD_401:
            cloud.inject_failure("*", "*", status=401, count=10_000)
        elif fault is Fault.CLOUD_403:
            cloud.inject_failure("*", "*", status=403, count=10_000)
        elif fault is Fault.CLOUD_429:
            cloud.inject_failure("*", "*", status=429, count=10_000)
        elif fault is Fault.CLOUD_5XX:
            cloud.inject_failure("*", "*", status=503, count=10_000)
        elif fault is Fault.CLOUD_HTML:
            cloud.inject_page("*", "*", HTML_PAGE, count=10_000)
        elif fault is Fault.CLOUD_CUT_JSON:
            cloud.inject_cut_short("*", "*", count=10_000)
        elif fault is Fault.CLOUD_UNREACHABLE:
            cloud.cut_off()
        elif fault is Fault.STREAM_DROPS:
            cloud.cut_event_streams(True)
        elif fault is Fault.UNPLUGGED:
            photon.unplug_usb()
            self.hits += 1
        if self.act is not None and (self.row.link, stage) in QUIET_STEPS:
            self._act()

    def _switch_off(self) -> None:
        world, fault = self.world, self.cell.fault
        live, cloud = world.photon.live, world.sim.cloud
        if self.computer is not None:
            self.hits += self.computer.refusals
        if fault is Fault.RESET and self.row.stage not in (Stage.PHOTON_LEAVES, Stage.CLOUD_ONLINE):
            self.hits += not live.reset_mid_command  # taken by a command
        if fault is Fault.TCP_LEFT_OPEN:
            self.hits += not live.hang_next_tcp  # taken by a connection
        live.setup_timing = None
        live.garble = False
        live.hang_next_tcp = False
        live.reset_mid_command = False
        if self.computer is not None:
            self.computer.refuse_join = self.computer.refuse_restore = False
        if fault in (Fault.SLOW_UNDER, Fault.SLOW_OVER):
            world.photon.live.leave_seconds = None
        cloud.clear_injections()
        cloud.cut_off(False)
        cloud.cut_event_streams(False)

    # -- what arrived while it was on ------------------------------------------------------

    def _arrived(self, command: str) -> None:
        if not self._on:
            return
        fault = self.cell.fault
        if fault in (Fault.SLOW_UNDER, Fault.SLOW_OVER, Fault.GARBAGE):
            self.hits += 1
        if self.act is not None:
            self._act()

    def _requested(self, method: str, path: str) -> None:
        if not self._on:
            return
        if self.cell.fault in _CLOUD_OR_STREAM:
            is_stream = "/events" in path
            if self.cell.fault is not Fault.STREAM_DROPS or is_stream:
                self.hits += 1
        if self.act is not None:
            self._act()

    def _act(self) -> None:
        if not self.acted and self.act is not None:
            self.acted = True
            self.hits += 1
            self.act()


_CLOUD_OR_STREAM = frozenset(
    {
        Fault.CLOUD_401,
        Fault.CLOUD_403,
        Fault.CLOUD_429,
        Fault.CLOUD_5XX,
        Fault.CLOUD_HTML,
        Fault.CLOUD_CUT_JSON,
        Fault.CLOUD_UNREACHABLE,
        Fault.STREAM_DROPS,
    }
)
