"""The soak: devices set up one after another on one bench, each with the fault drawn for
it, through the loops ``setup-wizard onboard`` runs (``DeviceRun`` for a Photon over Wi-Fi,
``UsbSetups`` for one on a cable); after each one, what a person would check, and across
the run what a long session may leak.

Each device must end online and its customer's (the cloud says so), or failed with a
reason in its result and its ledger row, a reason that fits its fault (the Photon's for
what the Photon or the Wi-Fi did, the cloud's for the cloud's, the Wi-Fi settings' for a
wrong password); the computer is back on its home Wi-Fi; a device whose fault did not
strike, or that met none, is online. Open files, asyncio tasks and threads are counted before the
first device and after the last, and memory every ``SAMPLE_EVERY`` devices.
"""

from __future__ import annotations

import asyncio
import collections
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from soak_faults import DevicePlan, Fault, arm, fitting_reasons, plan_devices
from soak_levels import (
    EXECUTOR_LIMIT,
    Levels,
    MemorySample,
    sample_memory,
    slope,
    start_tracing,
    stop_tracing,
)
from soak_world import HOME, MISTYPED, PHOTON_TIMEOUT, PRODUCT, SoakWorld, soak_world

from setup_wizard.flow.bench import Job
from setup_wizard.flow.errors import user_message
from setup_wizard.flow.ledger import Outcome
from setup_wizard.headless.devices import DeviceOptions, DeviceResult, DeviceRun
from setup_wizard.headless.exits import EXPECTED, exit_code_for
from setup_wizard.headless.options import OnboardRequest
from setup_wizard.headless.results import Results
from setup_wizard.headless.usb import UsbSetups
from setup_wizard.sim.photon import PTY_AVAILABLE, PhotonState, SimulatedPhoton

SAMPLE_EVERY = 10
SLOPE_WINDOW = 50
"""The memory slope is taken over the last this many devices."""
MEMORY_SLOPE_LIMIT = 4096
"""Bytes per device the app's traced memory may grow by over the last devices: a day of
300 devices would add 1.2 MB at most. What the app holds at a given moment varies by some
50 KB (which of the log scrubber's patterns its cache of 64 holds, a connection or two),
about 1.4 KB per device of standard error on a slope through six samples; the leak this
soak found grew it by 330 KB per device."""
RESET_LIMIT = 5.0
"""Seconds a returned Photon has to be back in listening mode."""
KEEPALIVE_LIMIT = 20
"""The HTTP client keeps up to this many idle connections to the cloud (httpx's default
``max_keepalive_connections``, which ``make_http_client`` keeps): more of them at the end
than at the start is no leak, up to this."""
STEADY = (
    "idle keep-alive connections of the HTTP client to the cloud (at most "
    f"{KEEPALIVE_LIMIT}, closed after 5 s idle at the next request; each is 2 fds here and "
    "1 task of the simulated cloud), and asyncio's default executor's worker threads (at "
    f"most {EXECUTOR_LIMIT}, idle, kept for the next blocking call: the USB console's "
    "reads and writes, name lookups, the ports list; ended with the event loop)"
)
"""What may be up at the end of a run and not at its start, and why."""


@dataclass
class DeviceEnd:
    """How one device of the soak ended, and what was wrong about it."""

    plan: DevicePlan
    customer: str
    struck: bool
    command: str | None
    """The Photon's command its fault struck at, if one."""
    reused: bool
    result: DeviceResult | None
    ledger: Outcome | None
    ledger_error: str | None
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def fault(self) -> str:
        """Its fault, where it struck ("device silent at scan-ap"), or that it did not."""
        if not self.struck:
            return f"{self.plan.fault.value} (did not strike)"
        where = f" at {self.command}" if self.command else ""
        return f"{self.plan.fault.value}{where}"

    @property
    def online(self) -> bool:
        return self.result is not None and self.result.outcome is Outcome.ONLINE

    @property
    def reason(self) -> str:
        """The exit code's name for a device that did not end online."""
        if self.result is None:
            return "crashed"
        return self.result.code.name.lower()


@dataclass(frozen=True)
class SoakSettings:
    devices: int = 10
    seed: int = 2026
    usb: bool = PTY_AVAILABLE
    """Mix in Photons on USB cables (pseudo-terminals are needed)."""
    memory: bool = True
    """Trace memory with tracemalloc (slower); the resident size is sampled either way."""
    on_device: Callable[[DeviceEnd], None] | None = None
    """Told of each device as it ends (the command's progress)."""


@dataclass
class SoakReport:
    settings: SoakSettings
    ends: list[DeviceEnd]
    before: Levels
    start: Levels
    end: Levels
    after: Levels
    memory: list[MemorySample]
    seconds: float

    @property
    def app_slope(self) -> float | None:
        return self._slope(lambda sample: sample.app)

    @property
    def traced_slope(self) -> float | None:
        return self._slope(lambda sample: sample.traced)

    @property
    def rss_slope(self) -> float | None:
        return self._slope(lambda sample: sample.rss)

    def _slope(self, value: Callable[[MemorySample], int | None]) -> float | None:
        """Bytes per device over the last :data:`SLOPE_WINDOW` devices (None: not known,
        or the run was too short to say)."""
        last = self.memory[-1].device if self.memory else 0
        points = [(s.device, value(s)) for s in self.memory if s.device >= last - SLOPE_WINDOW]
        known = [(device, size) for device, size in points if size is not None]
        if last < SLOPE_WINDOW or len(known) < len(points):
            return None
        return slope(known)

    def problems(self) -> list[str]:
        found = [f"device {e.plan.index}: {p}" for e in self.ends for p in e.problems]
        for earlier, later, when in (
            (self.start, self.end, "before the first device and after the last"),
            (self.before, self.after, "before the app and after it"),
        ):
            if not later.within(earlier):
                found.append(f"{when}: {earlier}, then {later}: {later.more_than(earlier)}")
        if self.end.cloud_connections > KEEPALIVE_LIMIT:
            found.append(f"{self.end.cloud_connections} connections to the cloud at the end")
        if self.end.workers > EXECUTOR_LIMIT:
            found.append(f"{self.end.workers} executor threads at the end")
        if self.after.cloud_connections:
            found.append("connections to the cloud outlived the app")
        grows = self.app_slope
        if grows is not None and grows > MEMORY_SLOPE_LIMIT:
            found.append(
                f"memory grows by {grows:.0f} bytes per device over the last "
                f"{SLOPE_WINDOW} (limit {MEMORY_SLOPE_LIMIT})"
            )
        return found


async def run_soak(settings: SoakSettings, folder: Path) -> SoakReport:
    plans = plan_devices(settings.devices, settings.seed, usb=settings.usb)
    try:
        return await _run(settings, plans, folder)
    finally:
        if settings.memory:
            stop_tracing()


async def _run(settings: SoakSettings, plans: list[DevicePlan], folder: Path) -> SoakReport:
    began = time.monotonic()
    before = Levels.now()
    memory: list[MemorySample] = []
    ends: list[DeviceEnd] = []
    async with soak_world(folder, seed=settings.seed) as world:
        options = DeviceOptions(security=None, take_over=True, photon_timeout=PHOTON_TIMEOUT)
        devices = DeviceRun(world.bench, options, world.credentials, world.terminal, world.progress)
        if settings.memory:  # from here on: the bench's own start-up is not the question
            start_tracing()
        memory.append(sample_memory(0))
        cloud_port = urlsplit(world.sim.cloud.url).port
        start = Levels.now(cloud_port)
        kept: SimulatedPhoton | None = None  # the last USB Photon that ended online
        rng = random.Random(settings.seed)
        for plan in plans:
            reused = plan.reuse and kept is not None
            if kept is not None and reused:
                photon, kept = kept, None
                await _returned(photon)
            else:
                photon = await world.bring_photon(rng, usb=plan.usb)
            end = await _one(world, devices, options, plan, photon, reused)
            ends.append(end)
            if settings.on_device is not None:
                settings.on_device(end)
            if plan.usb and end.online:  # put aside: it may come back, for another customer
                if kept is not None:
                    await world.take_away(kept)
                kept = photon
                photon.unplug_usb()
            else:
                await world.take_away(photon)
            if plan.index % SAMPLE_EVERY == 0:
                memory.append(sample_memory(plan.index))
        if kept is not None:
            await world.take_away(kept)
        end_levels = Levels.now(cloud_port)
    after = Levels.now()
    return SoakReport(
        settings, ends, before, start, end_levels, after, memory, time.monotonic() - began
    )


async def _returned(photon: SimulatedPhoton) -> None:
    """A Photon set up before comes back to the bench: plugged in again, its SETUP button
    held until it is out of the cloud and listening again."""
    photon.plug_usb()
    photon.enter_listening_mode()
    async with asyncio.timeout(RESET_LIMIT):
        await photon.wait_for_state(PhotonState.LISTENING)


def _job(plan: DevicePlan) -> Job:
    customer = f"soak.{plan.customer:03d}@example.com"
    ssid = MISTYPED if plan.fault is Fault.WRONG_PASSWORD else HOME
    return Job(customer, ssid)


async def _one(
    world: SoakWorld,
    devices: DeviceRun,
    options: DeviceOptions,
    plan: DevicePlan,
    photon: SimulatedPhoton,
    reused: bool,
) -> DeviceEnd:
    job = _job(plan)
    started = time.monotonic()
    armed = arm(plan, world, photon)
    result: DeviceResult | None = None
    crash: str | None = None
    try:
        if plan.usb:
            result = await set_up_over_usb(world, options, job, photon)
        else:  # as ``HeadlessRun`` goes through its jobs one by one
            world.progress.device(f"Device {plan.index}: for {job.customer}", job.customer)
            result = await devices.set_up(job)
    except Exception as error:  # the command would stop here: a finding, not the soak's end
        crash = f"crashed: {type(error).__name__}: {error}"
    finally:
        await armed.disarm()
    row = world.ledger.setup(result.ledger_id) if result and result.ledger_id else None
    end = DeviceEnd(
        plan,
        job.customer,
        armed.struck,
        armed.command,
        reused,
        result,
        row.outcome if row else None,
        row.error if row else None,
        seconds=time.monotonic() - started,
    )
    if crash:
        end.problems.append(crash)
    end.problems += _checked(world, end, photon)
    return end


async def set_up_over_usb(
    world: SoakWorld, options: DeviceOptions, job: Job, photon: SimulatedPhoton
) -> DeviceResult:
    """``setup-wizard onboard --usb PORT``'s part for one Photon, with the failures the
    command reports for a run that stops before the Photon's setup (``HeadlessRun.run``)."""
    request = OnboardRequest(
        product=PRODUCT,
        jobs=[job],
        work_list=None,
        work_items=[],
        security=options.security,
        client_id=None,
        json=True,
        take_over=options.take_over,
        photon_timeout=options.photon_timeout,
        usb=True,
        usb_port=photon.usb_port,
    )
    results = Results([job], as_json=True, out=world.out)
    try:
        await UsbSetups(world.bench, options, request, world.progress).run([job], results)
    except EXPECTED as error:
        results.rest(Outcome.FAILED, exit_code_for(error), user_message(error))
    (result,) = results.results
    return result


def _checked(world: SoakWorld, end: DeviceEnd, photon: SimulatedPhoton) -> list[str]:
    """What a person at the bench would find wrong about this device, after it."""
    problems: list[str] = []
    if world.computer.current_ssid != HOME:
        problems.append(f"the computer is on {world.computer.current_ssid!r}, not its home Wi-Fi")
    result = end.result
    if result is None:
        return problems
    reasons = fitting_reasons(end.plan.fault, end.command)
    if not end.online and (not end.struck or result.code not in reasons):
        problems.append(
            f"{end.fault}, yet it ended {result.outcome.value} for "
            f"{result.code.name.lower()}: {result.error}"
        )
    if end.online and end.plan.fault is Fault.WRONG_PASSWORD:
        problems.append("online with a wrong Wi-Fi password")
    if end.online:
        problems += _online_checked(world, end, photon)
    elif result.outcome not in (Outcome.FAILED, Outcome.CANCELLED):
        problems.append(f"ended {result.outcome.value}")
    elif not (result.error or "").strip():
        problems.append("failed without a message")
    if result.ledger_id is None:
        if end.online or photon.claim_code is not None:
            problems.append("no ledger row, yet the Photon was set up (or given a claim code)")
    elif end.ledger is not result.outcome:
        problems.append(f"the ledger says {end.ledger}, the result {result.outcome.value}")
    elif not end.online and not (end.ledger_error or "").strip():
        problems.append("its ledger row failed without a message")
    return problems


def _online_checked(world: SoakWorld, end: DeviceEnd, photon: SimulatedPhoton) -> list[str]:
    assert end.result is not None
    device_id = photon.device_id.lower()
    if end.result.device_id != device_id:
        return [f"online as {end.result.device_id}, but the Photon is {device_id}"]
    seen = world.sim.cloud.device(device_id)
    customer = world.sim.cloud.customer(end.customer)
    if seen is None or not seen.online:
        return ["reported online, but the cloud does not see it online"]
    if customer is None or device_id not in customer.device_ids:
        return [f"online, but not {end.customer}'s (the cloud says {seen.owner})"]
    return []


# -- the figures ------------------------------------------------------------------------------


def table(report: SoakReport) -> str:
    ends = report.ends
    online = sum(1 for e in ends if e.online)
    lines = [
        f"devices {len(ends)} (seed {report.settings.seed}; "
        f"{sum(1 for e in ends if e.plan.usb)} over USB, "
        f"{sum(1 for e in ends if e.reused)} of them returned Photons reset)",
        f"online  {online}",
        f"failed  {len(ends) - online} ({_rowless(ends)} of them before their ledger row, "
        "nothing sent to the Photon: none found on its cable, or no customer token or claim "
        "code from the cloud; the command's line for the device says why)",
        "",
        f"{'fault':<22}{'devices':>8}{'struck':>8}{'online':>8}{'failed':>8}",
    ]
    by_fault: dict[Fault, list[DeviceEnd]] = collections.defaultdict(list)
    for end in ends:
        by_fault[end.plan.fault].append(end)
    for fault in Fault:
        group = by_fault.get(fault, [])
        if not group:
            continue
        on = sum(1 for e in group if e.online)
        struck = sum(1 for e in group if e.struck)
        lines.append(f"{fault.value:<22}{len(group):>8}{struck:>8}{on:>8}{len(group) - on:>8}")
    lines += ["", "failed by reason (exit code), with one of its messages:"]
    reasons: dict[str, list[DeviceEnd]] = collections.defaultdict(list)
    for end in ends:
        if not end.online:
            reasons[end.reason].append(end)
    for reason, group in sorted(reasons.items(), key=lambda item: -len(item[1])):
        example = group[0].result.error if group[0].result else group[0].problems[0]
        lines.append(f"  {reason:<18}{len(group):>4}  {_short(example or '')}")
    lines += [
        "",
        f"{'':<22}{'before':>10}{'start':>10}{'end':>10}{'after':>10}",
        *(
            f"{name:<22}{getattr(report.before, attr):>10}{getattr(report.start, attr):>10}"
            f"{getattr(report.end, attr):>10}{getattr(report.after, attr):>10}"
            for name, attr in (
                ("open files", "fds"),
                ("asyncio tasks", "tasks"),
                ("threads", "threads"),
                ("  executor workers", "workers"),
                ("cloud connections", "cloud_connections"),
            )
        ),
        "(before: the app not started; start: signed in, before the first device; "
        "end: after the last; after: the app closed)",
        f"steady state allowed: {STEADY}",
    ]
    if report.memory:
        lines += ["", f"{'after device':<14}{'app KiB':>10}{'traced KiB':>12}{'RSS MiB':>10}"]
        for sample in report.memory:
            app, traced, rss = (
                _size(sample.app, 1024, ".1f"),
                _size(sample.traced, 1024, ".1f"),
                _size(sample.rss, 2**20, ".1f"),
            )
            lines.append(f"{sample.device:<14}{app:>10}{traced:>12}{rss:>10}")
        lines.append(
            f"slope over the last {SLOPE_WINDOW} devices: "
            f"app {_size(report.app_slope, 1, '+.0f')} B/device (limit {MEMORY_SLOPE_LIMIT}), "
            f"traced {_size(report.traced_slope, 1, '+.0f')} B/device, "
            f"RSS {_size(report.rss_slope, 1024, '+.1f')} KiB/device"
        )
    per_device = report.seconds / max(1, len(ends))
    lines += ["", f"duration {report.seconds:.1f} s ({per_device:.2f} s per device)"]
    return "\n".join(lines)


def _rowless(ends: list[DeviceEnd]) -> int:
    return sum(1 for e in ends if e.result is not None and e.result.ledger_id is None)


def _size(value: float | None, unit: int, spec: str) -> str:
    return "-" if value is None else format(value / unit, spec)


def _short(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def device_lines(report: SoakReport) -> str:
    """One line per device: how it was connected, its fault, how it ended and why."""
    return "\n".join(device_line(end) for end in report.ends)


def device_line(end: DeviceEnd) -> str:
    plan = end.plan
    link = "usb" if plan.usb else "wifi"
    fault = end.fault if plan.fault is not Fault.NONE else "none"
    if end.result is None:
        how = "; ".join(end.problems)
    elif end.online:
        how = "online"
    else:
        how = f"{end.reason}: {_short(end.result.error or '', 110)}"
    return f"{plan.index:>4} {link:<5}{fault:<36}{end.seconds:>5.1f}s  {how}"
