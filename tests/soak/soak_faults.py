"""What goes wrong with each device of the soak, drawn from a seeded random generator, and how
it is made to happen: through the simulated Photon (live faults, its cable, its power), the
simulated cloud (injected answers, cut off, event streams cut) and the simulated computer
(a join refused). A fault strikes at a moment counted in the device's own traffic: its
k-th command, or the setup's k-th request to the cloud; a setup that ends before that
moment never meets it (the report says which faults struck)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from soak_world import DEVICE_POLICY, SPEED, SoakWorld

from setup_wizard.flow import LinkKind
from setup_wizard.headless.exits import ExitCode
from setup_wizard.sim.photon import LiveFaults, SetupTiming, SimulatedPhoton


class Fault(StrEnum):
    NONE = "none"
    DEVICE_SILENT = "device silent"
    """The Photon hangs at a command: it takes connections and answers nothing."""
    DEVICE_SLOW = "device slow"
    """Every command takes between a third and twice the app's limit for a quick one."""
    GARBAGE = "device garbage"
    """One reply arrives mangled."""
    DEVICE_RESET = "device reset"
    """The Photon power-cycles in the middle of a command."""
    JOIN_REFUSED = "join refused"
    """The computer's OS refuses to join the Photon's network (Wi-Fi only)."""
    NETWORK_GONE = "Photon network gone"
    """The Photon loses power at a command: its network disappears (Wi-Fi only)."""
    CLOUD_5XX = "cloud 5xx"
    """One to three answers of a cloud request are 500, 502, 503 or 504."""
    CLOUD_429 = "cloud 429"
    """One or two answers of a cloud request are 429 with Retry-After: 1."""
    CLOUD_UNREACHABLE = "cloud unreachable"
    """From a request on, the computer cannot reach the cloud for one to six requests."""
    STREAM_DROPS = "event stream drops"
    """Every event stream ends as soon as it opens (the app must look the device up)."""
    WRONG_PASSWORD = "wrong Wi-Fi password"
    """The job's network is one whose password the staff member mistyped."""
    USB_UNPLUGGED = "USB unplugged"
    """The cable is pulled at a console command (USB only)."""


FAILS_AS: dict[Fault, set[ExitCode]] = {
    Fault.NONE: set(),
    Fault.STREAM_DROPS: set(),  # the app looks the device up instead
    Fault.WRONG_PASSWORD: {ExitCode.WIFI_SETTINGS},
    Fault.CLOUD_5XX: {ExitCode.CLOUD_UNREACHABLE, ExitCode.CLOUD_DEVICE},
    Fault.CLOUD_429: {ExitCode.CLOUD_UNREACHABLE, ExitCode.CLOUD_DEVICE},
    Fault.CLOUD_UNREACHABLE: {ExitCode.CLOUD_UNREACHABLE, ExitCode.CLOUD_DEVICE},
}
"""The reasons (the command's exit codes) a device may fail for, by its fault (none: it
must end online). What the Photon or the computer's Wi-Fi did is the Photon's, with the
exceptions of :data:`ALSO_FAILS_AS`."""
ALSO_FAILS_AS: dict[str, set[ExitCode]] = {
    "set": {ExitCode.WIFI_SETTINGS},
    "configure-ap": {ExitCode.WIFI_SETTINGS},
    "C": {ExitCode.WIFI_SETTINGS},
    "w": {ExitCode.WIFI_SETTINGS, ExitCode.CLOUD_DEVICE},
    "connect-ap": {ExitCode.CLOUD_DEVICE},
}
"""A Photon fault at these commands may also fail as these. While the settings are sent,
the command's code for any device error is "Wi-Fi settings" (``exit_code_for``), and a
reply cut off after its blank lines reads as the Photon refusing them (§2.2); once it was
told to connect (its reply is often lost anyway), the cloud is what tells."""


def fitting_reasons(fault: Fault, command: str | None) -> set[ExitCode]:
    """The exit codes that fit a device's failure, given its fault and, for a Photon's,
    the command it struck at."""
    if fault in FAILS_AS:
        return FAILS_AS[fault]
    if fault is Fault.DEVICE_SLOW:  # every command slow: it may run out at any of them
        return {ExitCode.PHOTON, ExitCode.WIFI_SETTINGS, ExitCode.CLOUD_DEVICE}
    return {ExitCode.PHOTON, *ALSO_FAILS_AS.get(command or "", set())}


WIFI_ONLY = {Fault.JOIN_REFUSED, Fault.NETWORK_GONE}
USB_ONLY = {Fault.USB_UNPLUGGED}
NO_FAULT_SHARE = 0.3
"""About this share of the devices meets no fault: they must all end online."""
USB_SHARE = 0.4
"""About this share of the devices is set up over a USB cable (where there are ptys)."""
REUSE_SHARE = 0.3
"""After a USB Photon ended online, the next USB device is that same Photon, reset to
listening mode (a returned device set up again for another customer), this often."""
SOFTAP_COMMANDS = 9
"""A setup over Wi-Fi sends this many: ``device-id`` as the computer's scan and the join
look for the Photon, then ``device-id``, ``public-key``, ``scan-ap``, ``set``,
``configure-ap``, ``connect-ap``."""
USB_COMMANDS = 5  # `i` (looking for Photons), `i`, `c`, `C` (claim code), `w` (Wi-Fi)
CLOUD_REQUESTS = 11
"""About this many cloud requests per setup: customer (or its token), claim code, the
internet check, the device looked up while waiting, the event stream, the name."""


@dataclass(frozen=True)
class DevicePlan:
    """One device of the soak: how it is connected and what goes wrong."""

    index: int
    usb: bool
    fault: Fault
    at: int = 1
    """The command (or cloud request) at which the fault strikes, counted from 1."""
    count: int = 1
    status: int = 500
    slowness: float = 1.0
    """A slow device's command time, as a fraction of the app's quick-command limit."""
    reuse: bool = False
    """The previous USB Photon (online), reset to listening mode, rather than a new one."""
    customer: int = 0
    """Whose device it is: a new customer (the device's own index) or an earlier one's."""

    @property
    def link(self) -> LinkKind:
        return LinkKind.USB if self.usb else LinkKind.SOFTAP


def plan_devices(count: int, seed: int, *, usb: bool) -> list[DevicePlan]:
    """``count`` devices, SoftAP and (when ``usb``) USB mixed, each with its fault. The
    faults are dealt from a shuffled deck (every fault once, and no fault for about
    ``NO_FAULT_SHARE`` of the cards), so that even a short run meets most of them."""
    rng = random.Random(seed)
    deck: list[Fault] = []
    plans: list[DevicePlan] = []
    usb_before = False
    for index in range(1, count + 1):
        on_usb = usb and rng.random() < USB_SHARE
        fault = _deal(deck, rng, WIFI_ONLY if on_usb else USB_ONLY)
        plans.append(
            DevicePlan(
                index,
                on_usb,
                fault,
                at=rng.randint(1, CLOUD_REQUESTS if fault in _CLOUD else _commands(on_usb)),
                count=rng.randint(1, 6 if fault is Fault.CLOUD_UNREACHABLE else 3),
                status=rng.choice([500, 502, 503, 504]),
                slowness=rng.uniform(0.3, 2.0),
                reuse=on_usb and usb_before and rng.random() < REUSE_SHARE,
                customer=rng.randint(1, index - 1) if index > 1 and rng.random() < 0.2 else index,
            )
        )
        usb_before = usb_before or on_usb
    return plans


def _deal(deck: list[Fault], rng: random.Random, excluded: set[Fault]) -> Fault:
    """The next card of ``deck`` that applies (a new shuffled deck when none is left)."""
    for position, fault in enumerate(deck):
        if fault not in excluded:
            return deck.pop(position)
    faults = [f for f in Fault if f is not Fault.NONE]
    blanks = round(len(faults) * NO_FAULT_SHARE / (1 - NO_FAULT_SHARE))
    fresh = faults + [Fault.NONE] * blanks
    rng.shuffle(fresh)
    deck.extend(fresh)
    return _deal(deck, rng, excluded)


_CLOUD = {Fault.CLOUD_5XX, Fault.CLOUD_429, Fault.CLOUD_UNREACHABLE}


def _commands(usb: bool) -> int:
    return USB_COMMANDS if usb else SOFTAP_COMMANDS


@dataclass
class Armed:
    """A fault set up on the world for one device; :meth:`disarm` puts the world right."""

    plan: DevicePlan
    struck: bool = False
    command: str | None = None
    """The Photon's command the fault struck at (None: not one)."""
    background: set[asyncio.Task[None]] = field(default_factory=set)
    """What the fault set going (a Photon powering off), awaited by :meth:`disarm`."""
    _undo: list[Callable[[], None]] = field(default_factory=list)

    def undo_with(self, undo: Callable[[], None]) -> None:
        self._undo.append(undo)

    async def disarm(self) -> None:
        for undo in reversed(self._undo):
            undo()
        self._undo.clear()
        if self.background:
            await asyncio.wait(self.background)
        self.background.clear()


def arm(plan: DevicePlan, world: SoakWorld, photon: SimulatedPhoton) -> Armed:
    armed = Armed(plan)
    fault = plan.fault
    cloud = world.sim.cloud
    armed.undo_with(lambda: _calm(photon.live))  # a Photon reset and set up again is well
    if fault is Fault.NONE or fault is Fault.WRONG_PASSWORD:
        armed.struck = fault is Fault.WRONG_PASSWORD
    elif fault is Fault.DEVICE_SLOW:
        seconds = plan.slowness * DEVICE_POLICY.quick_timeout * SPEED
        photon.live.setup_timing = SetupTiming(command_seconds=seconds)
        armed.struck = True
    elif fault is Fault.JOIN_REFUSED:
        world.computer.refuse_joins = plan.count
        armed.struck = True
        armed.undo_with(lambda: setattr(world.computer, "refuse_joins", 0))
    elif fault is Fault.STREAM_DROPS:
        cloud.cut_event_streams(True)
        armed.struck = True
        armed.undo_with(lambda: cloud.cut_event_streams(False))
    elif fault in _CLOUD:
        _on_cloud_request(armed, world)
    else:
        _on_command(armed, world, photon)
    return armed


def _calm(live: LiveFaults) -> None:
    live.garble = live.reset_mid_command = live.hang_next_tcp = False
    live.setup_timing = live.leave_seconds = live.on_command = None


def _on_command(armed: Armed, world: SoakWorld, photon: SimulatedPhoton) -> None:
    plan, live = armed.plan, photon.live
    seen = 0

    def arrived(command: str) -> None:
        nonlocal seen
        seen += 1
        if plan.fault is Fault.GARBAGE and seen == plan.at + 1:
            live.garble = False  # one reply only
        if seen != plan.at:
            return
        armed.struck, armed.command = True, command
        if plan.fault is Fault.DEVICE_SILENT:
            photon.stall()
        elif plan.fault is Fault.GARBAGE:
            live.garble = True
        elif plan.fault is Fault.DEVICE_RESET:
            live.reset_mid_command = True
        elif plan.fault is Fault.USB_UNPLUGGED:
            photon.unplug_usb()
        elif plan.fault is Fault.NETWORK_GONE:
            world.computer.take_away(photon)
            armed.background.add(asyncio.create_task(photon.stop(), name="soak-power-off"))

    live.on_command = arrived


def _on_cloud_request(armed: Armed, world: SoakWorld) -> None:
    plan, cloud = armed.plan, world.sim.cloud
    seen = 0
    cut_at: int | None = None

    def arrived(method: str, path: str) -> None:
        nonlocal seen, cut_at
        seen += 1
        if cut_at is not None and seen >= cut_at + plan.count:
            cloud.cut_off(False)
            cut_at = None
        if seen != plan.at:
            return
        armed.struck = True
        if plan.fault is Fault.CLOUD_UNREACHABLE:
            cloud.cut_off(True)
            cut_at = seen
        elif plan.fault is Fault.CLOUD_429:
            cloud.inject_failure(method, path, status=429, count=min(plan.count, 2), retry_after=1)
        else:
            cloud.inject_failure(method, path, status=plan.status, count=plan.count)

    cloud.on_request = arrived

    def undo() -> None:
        cloud.on_request = None
        cloud.cut_off(False)
        cloud.clear_injections()

    armed.undo_with(undo)
