"""One fault-matrix cell, end to end: a fresh world, the app, the setup with the fault at its
step, what the app does about the outcome, and every check; then, after a closed window or
a killed process, the next start.

A cell passes when none of its checks found a problem:

- no crash: the setup ends online, or with one of the typed expected errors
  (``EXPECTED_ERRORS``), or stopped as asked (Cancel, close); "just under" a time limit must
  end online, "just over" must fail cleanly (unless the design lets the step go on: a lost
  ``connect-ap`` reply counts as sent, and the Photon's network lingering only brings help);
- the message says what to do: not empty, not the generic "unexpected error", and it names
  an action (one of ``ACTIONS``);
- the computer's Wi-Fi restored: back on its home network with no restore journal left, or
  the person told to rejoin it by hand; over USB it never changed at all;
- nobody left half-done without being told: "online" is said only of a Photon that is
  online and the customer's in the cloud; a Photon online and claimed by nobody fails the
  cell; one that ends up online and the customer's was not reported as failed or cancelled
  before it was told to connect; and after a fault that passes by itself (the cloud's, a
  Photon slow to come online) doing what the message says (Try again) ends online;
- the ledger true (bench rows): the row's outcome, error, device ID and steps are what
  happened, and its resume point is not "from the device" for a Photon that left;
- after a closed window or a killed process, the next start gives the Wi-Fi back, finds
  the device in progress in the ledger, and carries on from there (to online, or to an
  expected error that says what to do).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager, suppress
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from flow_world import HOME, HOME_PASSWORD
from matrix_app import (
    CUSTOMER,
    App,
    Disk,
    NoPhotonFound,
    finish,
    name_step,
    resume,
    running_app,
    whole_journey,
)
from matrix_cells import CLOUD_FAULTS, Cell, Fault, Row
from matrix_world import QUIET_STEPS, Injection, World, matrix_world

from setup_wizard.flow import (
    EXPECTED_ERRORS,
    LinkKind,
    Notice,
    Stage,
    StageStatus,
    user_message,
)
from setup_wizard.flow.ledger import Outcome, ResumeAt, SetupRow
from setup_wizard.runtime import simulated_usb_ports
from setup_wizard.sim.photon import PhotonState

CHILD = Path(__file__).with_name("matrix_child.py")

ACTIONS = re.compile(
    r"\b(try again|try another|check|choose|sign in|hold|plug|unplug|connect|go back|enter|"
    r"wait|move|put|look|reset|close|ask|use|type|start over|rejoin|join|turn|approve|"
    r"update|keep waiting|set (?:it|the photon) up)\b",
    re.IGNORECASE,
)
"""A message "says what to do" when it names one of these actions."""

_SUCCEEDS_OVER = frozenset({Stage.CONNECT, Stage.PHOTON_LEAVES})
"""Steps whose design lets a Photon past the time limit go on: ``connect-ap``'s reply lost
counts as sent, and a Photon's network still there after the limit only brings help."""


class Ended(StrEnum):
    ONLINE = "online"
    FAILED = "failed"
    CANCELLED = "cancelled"
    CLOSED = "closed"
    KILLED = "killed"
    CRASHED = "crashed"


@dataclass
class Told:
    """How the app ended the setup, as the person saw it."""

    ended: Ended
    error: BaseException | None = None
    at_stage: Stage | None = None
    connected: bool = False
    """The app knew the Photon had been told to connect."""
    online_after_retry: bool = False
    """The person chose Try again, as the message said, and the Photon ended up online."""

    @property
    def online(self) -> bool:
        return self.ended is Ended.ONLINE or self.online_after_retry

    @property
    def message(self) -> str:
        return user_message(self.error) if self.error is not None else ""

    def summary(self) -> str:
        if self.error is None:
            return self.ended.value
        return f"{self.ended.value}: {type(self.error).__name__}"


@dataclass
class CellResult:
    cell: Cell
    told: Told | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def verdict(self) -> str:
        return "pass" if self.passed else "; ".join(self.problems)


# -- running cells -------------------------------------------------------------------------------

AT_ONCE = 4
"""How many cells run side by side: a cell spends most of its time waiting (for a limit, a
simulated Photon, a process starting), so the matrix takes a fraction of its serial time."""
TIMED = frozenset({Fault.SLOW_UNDER})
"""Cells that must beat a time limit by a margin run one at a time, after the others, so that
no other cell's work delays the Photon or the app (another cell's work only makes a Photon
"just over" a limit later still)."""


async def run_cells(
    cells: list[Cell],
    folder: Path,
    *,
    at_once: int = AT_ONCE,
    done: Callable[[CellResult], None] | None = None,
) -> dict[Cell, CellResult]:
    """Every cell, each in a folder of its own; ``done`` hears each result as it comes."""
    results: dict[Cell, CellResult] = {}

    async def one(index: int, cell: Cell, gate: asyncio.Semaphore) -> None:
        async with gate:
            result = await run_cell(cell, folder / f"cell-{index}")
        results[cell] = result
        if done is not None:
            done(result)

    numbered = list(enumerate(cells))
    side_by_side = asyncio.Semaphore(at_once)
    await asyncio.gather(
        *(one(i, cell, side_by_side) for i, cell in numbered if cell.fault not in TIMED)
    )
    alone = asyncio.Semaphore(1)
    for i, cell in numbered:
        if cell.fault in TIMED:
            await one(i, cell, alone)
    return {cell: results[cell] for cell in cells}


async def run_cell(cell: Cell, folder: Path, *, seed: int = 7) -> CellResult:
    """One cell; a failure of the cell's own machinery is its verdict, not the whole run's."""
    result = CellResult(cell)
    started = time.monotonic()
    usb = cell.row.link is LinkKind.USB
    try:
        async with matrix_world(usb=usb, seed=seed) as world:
            disk = Disk(folder)
            if cell.fault is Fault.KILLED:
                await _killed(world, cell, disk, result)
            else:
                await _in_process(world, cell, disk, result)
    except Exception as error:  # the test world broke: say how, and let the others run
        result.problems.append(f"the cell could not run: {type(error).__name__}: {error}")
    result.seconds = time.monotonic() - started
    return result


async def _in_process(world: World, cell: Cell, disk: Disk, result: CellResult) -> None:
    row = cell.row
    async with _app(world, disk, row) as app:
        journey = asyncio.ensure_future(whole_journey(app, row.link))
        act = journey.cancel if cell.fault in (Fault.CANCEL, Fault.CLOSE) else None
        injection = Injection(world, cell, computer=app.computer, act=act)
        app.flow.events.subscribe(injection.on_event)
        told = await _outcome(app, journey, cell)
        if _passes_by_itself(cell) and told.error is not None:
            await _try_again(app, told, row, result)
        await _app_handles(app, told, cell)
        await injection.aclose()
        result.told = told
        await world.settle()
        _fault_happened(injection, result)
        _no_crash(told, cell, injection, result)
        _says_what_to_do(told, result)
        await _wifi_back(app, row, result)
        _nobody_left_untold(world, app, told, result)
        if app.bench is not None:
            _ledger_true(world, app, told, result)
    if cell.fault is Fault.CLOSE:
        await _next_start(world, disk, row, result)


async def _killed(world: World, cell: Cell, disk: Disk, result: CellResult) -> None:
    row = cell.row
    config = {
        "ready": world.ready,
        "folder": str(disk.folder),
        "mode": row.mode.value,
        "link": row.link.value,
        "stage": row.stage.value,
        "home": HOME,
        "home_password": HOME_PASSWORD,
    }
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        str(CHILD),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    assert child.stderr is not None
    injection = Injection(world, cell, act=lambda: os.kill(child.pid, signal.SIGKILL))
    try:
        child.stdin.write(json.dumps(config).encode() + b"\n")
        await child.stdin.drain()
        line = await child.stdout.readline()
        if line.strip() == b"at-step":
            injection.step_started()
            if (row.link, row.stage) not in QUIET_STEPS:
                child.stdin.write(b"go\n")
                with suppress(ConnectionError):
                    await child.stdin.drain()
        _, raw_errors, returncode = await asyncio.gather(
            child.stdout.read(), child.stderr.read(), child.wait()
        )
        errors = raw_errors.decode(errors="replace").strip()
    finally:
        if child.returncode is None:
            child.kill()
            await child.wait()
    result.told = Told(Ended.KILLED)
    if returncode != -signal.SIGKILL:
        last = errors.splitlines()[-1] if errors else "no error output"
        result.problems.append(f"the app was never killed at its step (exit {returncode}: {last})")
        return
    await world.settle()
    await _next_start(world, disk, row, result)


def _app(world: World, disk: Disk, row: Row) -> AbstractAsyncContextManager[App]:
    return running_app(
        world.ready,
        disk,
        mode=row.mode,
        home=HOME,
        home_password=HOME_PASSWORD,
        usb_ports=simulated_usb_ports(world.sim),
    )


async def _outcome(app: App, journey: asyncio.Future[None], cell: Cell) -> Told:
    flow = app.flow
    try:
        await journey
    except asyncio.CancelledError:
        if not journey.cancelled():
            raise  # this test itself was cancelled
        ended = Ended.CLOSED if cell.fault is Fault.CLOSE else Ended.CANCELLED
        told = Told(ended)
    except EXPECTED_ERRORS as error:
        told = Told(Ended.FAILED, error)
    except Exception as error:  # a crash: what this records
        told = Told(Ended.CRASHED, error)
    else:
        told = Told(Ended.ONLINE, app.name_error)  # a naming failure is shown, not fatal
    told.at_stage = _failed_stage(app)
    told.connected = flow.state.connected_at is not None
    return told


def _passes_by_itself(cell: Cell) -> bool:
    """Faults that are over once their step is: the cloud's trouble, and a Photon slow to
    come online. After these, doing what the message says (Try again) must work."""
    slow_online = cell.fault is Fault.SLOW_OVER and cell.row.stage is Stage.CLOUD_ONLINE
    return cell.fault in CLOUD_FAULTS or slow_online


async def _try_again(app: App, told: Told, row: Row, result: CellResult) -> None:
    """The person chooses Try again where the error is shown: the step that failed runs
    again (signing in or the bench's start from the beginning; the wait for the cloud; the
    naming)."""
    stage = told.at_stage
    try:
        if stage in (Stage.SIGN_IN, Stage.CLAIM_CODE):
            await whole_journey(app, row.link)
        elif stage in (Stage.INTERNET, Stage.CLOUD_ONLINE):
            await app.flow.wait_for_cloud()
            await name_step(app)
        elif stage is Stage.NAME:
            app.name_error = None
            await name_step(app)
        else:
            return
    except EXPECTED_ERRORS as error:
        result.problems.append(
            f"trying again as told did not work: {type(error).__name__}: {user_message(error)}"
        )
        return
    if app.name_error is not None:
        result.problems.append(f"naming again as told did not work: {app.name_error}")
        return
    told.online_after_retry = True
    result.notes.append("tried again: online")


def _failed_stage(app: App) -> Stage | None:
    for record in reversed(app.flow.timeline.records):
        if record.status in (StageStatus.FAILED, StageStatus.CANCELLED):
            return record.stage
    return None


async def _app_handles(app: App, told: Told, cell: Cell) -> None:
    """What the app does next: the window's shutdown (Cancel or the close button) or, after
    an error, the person giving up (the headless command does the same at once): the link
    is closed, so the Wi-Fi comes back; at a bench Cancel and an error end the device's row,
    the close button leaves it in progress for the next start."""
    bench = app.bench
    await app.flow.close()
    if bench is None or bench.setup_id is None:  # none begun, or finished (online)
        return
    if told.ended is Ended.FAILED:
        finish(app, Outcome.FAILED, told.message)
    elif told.ended in (Ended.CANCELLED, Ended.CRASHED):
        finish(app, Outcome.CANCELLED if told.ended is Ended.CANCELLED else Outcome.FAILED)


# -- the checks -----------------------------------------------------------------------------------


def _fault_happened(injection: Injection, result: CellResult) -> None:
    if injection.hits == 0:
        result.problems.append("the fault never happened at this step (nothing reached it)")


def _no_crash(told: Told, cell: Cell, injection: Injection, result: CellResult) -> None:
    if told.ended is Ended.CRASHED:
        assert told.error is not None
        result.problems.append(f"crash: {type(told.error).__name__}: {told.error}")
        return
    wanted_stop = cell.fault in (Fault.CANCEL, Fault.CLOSE)
    if wanted_stop and told.ended not in (Ended.CANCELLED, Ended.CLOSED):
        result.notes.append(f"the step ended ({told.summary()}) before it could be stopped")
    stage = cell.row.stage
    if cell.fault is Fault.SLOW_UNDER and told.ended is not Ended.ONLINE:
        result.problems.append(f"failed under the time limit: {told.summary()}")
    if cell.fault is Fault.SLOW_OVER and told.ended is Ended.ONLINE:
        if stage not in _SUCCEEDS_OVER:
            result.problems.append("went on past the time limit")
        elif stage is Stage.PHOTON_LEAVES and not injection.helped:
            result.problems.append("no help shown past the time limit")


def _says_what_to_do(told: Told, result: CellResult) -> None:
    if told.ended is not Ended.FAILED and told.error is None:
        return
    message = told.message
    if not message.strip():
        result.problems.append("empty message")
    elif "unexpected error" in message.lower():
        result.problems.append(f"generic message: {message}")
    elif not ACTIONS.search(message):
        result.problems.append(f"message names no action: {message}")


async def _wifi_back(app: App, row: Row, result: CellResult) -> None:
    computer = app.computer
    journal = await app.journal.load()
    if row.link is LinkKind.USB:
        if set(computer.history) != {app.home}:
            result.problems.append(f"the computer's Wi-Fi changed over USB: {computer.history}")
        if journal is not None:
            result.problems.append("a Wi-Fi journal was written over USB")
        return
    if computer.current_ssid == app.home and journal is None:
        return
    told_to_rejoin = any(
        isinstance(event, Notice) and event.action_needed and app.home in event.message
        for event in app.events
    )
    if computer.current_ssid != app.home and not told_to_rejoin:
        result.problems.append(f"Wi-Fi not restored: still on {computer.current_ssid}")
    if journal is not None and computer.current_ssid == app.home:
        result.problems.append("Wi-Fi journal left behind")


def _cloud_says(world: World) -> tuple[bool, str | None]:
    device = world.sim.cloud.device(world.photon.device_id.lower())
    if device is None:
        return False, None
    return device.online, device.owner


def _nobody_left_untold(world: World, app: App, told: Told, result: CellResult) -> None:
    online, owner = _cloud_says(world)
    theirs = online and owner == CUSTOMER
    if told.online:
        if not theirs:
            result.problems.append(f"said online and the customer's; cloud: {online=}, {owner=}")
        elif app.flow.state.device_id != world.photon.device_id.lower():
            result.problems.append("said online for another device ID")
        return
    if online and owner is None:
        result.problems.append("the Photon is online, claimed by nobody")
    if theirs and not told.connected and told.ended is not Ended.CLOSED:
        row = _row(app)
        if row is None or row.resume_at is ResumeAt.DEVICE:
            result.problems.append(
                f"said {told.ended.value} before the Photon was told to connect, yet it is "
                "online and the customer's"
            )


def _row(app: App) -> SetupRow | None:
    if app.ledger is None:
        return None
    rows = app.ledger.setups()
    return rows[-1] if rows else None


_OUTCOMES = {
    Ended.ONLINE: Outcome.ONLINE,
    Ended.FAILED: Outcome.FAILED,
    Ended.CANCELLED: Outcome.CANCELLED,
    Ended.CLOSED: Outcome.IN_PROGRESS,
    Ended.CRASHED: Outcome.FAILED,
}


def _ledger_true(world: World, app: App, told: Told, result: CellResult) -> None:
    assert app.ledger is not None
    rows = app.ledger.setups()
    reached_device = any(r.stage is not Stage.CLAIM_CODE for r in app.flow.timeline)
    if not rows:
        if reached_device:
            result.problems.append("ledger: no row for a device whose setup began")
        return
    if len(rows) > 1:
        result.problems.append(f"ledger: {len(rows)} rows for one device")
    row = rows[-1]
    wanted = Outcome.ONLINE if told.online else _OUTCOMES[told.ended]
    if row.outcome is not wanted:
        result.problems.append(f"ledger: {row.outcome.value}, not {wanted.value}")
    if told.ended is Ended.FAILED and not told.online and row.error != told.message:
        result.problems.append("ledger: the error is not the message shown")
    device_id = app.flow.state.device_id
    if device_id is not None and row.device_id != device_id:
        result.problems.append(f"ledger: device {row.device_id}, not {device_id}")
    steps = [(s.stage, s.status) for s in app.ledger.steps(row.id)]
    records = app.flow.timeline.records[: app.recorded_steps]
    timeline = [(r.stage.value, r.status.value) for r in records]
    if steps != timeline:
        result.problems.append(f"ledger steps {steps} are not the timeline {timeline}")
    _resume_point_true(world, row, result)
    sends_off = Stage.SEND_WIFI if app.flow.link_kind is LinkKind.USB else Stage.CONNECT
    last = app.flow.timeline.latest(sends_off)
    failed = last is not None and last.status is StageStatus.FAILED
    if failed and row.resume_at is not ResumeAt.DEVICE:
        result.problems.append(
            f"ledger: resume at {row.resume_at.value}, though sending the Photon off failed"
        )


def _resume_point_true(world: World, row: SetupRow, result: CellResult) -> None:
    if row.outcome is Outcome.ONLINE:
        return
    left = world.photon.state is PhotonState.ONLINE
    if left and row.resume_at is ResumeAt.DEVICE:
        result.problems.append(
            "ledger: resume from the device, but the Photon was told to connect (it is online)"
        )


async def _next_start(world: World, disk: Disk, row: Row, result: CellResult) -> None:
    """After a closed window or a killed process: the app started again on this computer."""
    async with _app(world, disk, row) as again:
        report = await again.wifi.recover()
        if again.computer.current_ssid != again.home:
            result.problems.append(
                f"next start: Wi-Fi not restored (on {again.computer.current_ssid})"
            )
        if await again.journal.load() is not None:
            result.problems.append("next start: the Wi-Fi journal is still there")
        if report is not None and report.problems:
            result.notes.append(f"next start said: {report.message}")
        carry_on: Callable[[], Awaitable[None]]
        if again.ledger is not None:
            unfinished = again.ledger.unfinished()
            rows = again.ledger.setups()
            if unfinished is None:
                if rows:
                    result.problems.append(
                        f"next start: the device is not in progress ({rows[-1].outcome.value})"
                    )
                result.notes.append("next start: nothing to resume; the job starts again")
                carry_on = lambda: whole_journey(again, row.link)  # noqa: E731
            else:
                _resume_point_true(world, unfinished, result)
                result.notes.append(f"resumed at {unfinished.resume_at.value}")
                carry_on = lambda: resume(again, unfinished, row.link)  # noqa: E731
        else:
            carry_on = lambda: whole_journey(again, row.link)  # noqa: E731
        try:
            await carry_on()
        except EXPECTED_ERRORS as error:
            message = user_message(error)
            if not ACTIONS.search(message):
                result.problems.append(f"next start: message names no action: {message}")
            kind = "no Photon found" if isinstance(error, NoPhotonFound) else type(error).__name__
            result.notes.append(f"next start ended: {kind}")
            await again.flow.close()
            finish(again, Outcome.FAILED, message)
        except Exception as error:  # a crash: what this records
            result.problems.append(f"next start crashed: {type(error).__name__}: {error}")
            await again.flow.close()
        else:
            online, owner = _cloud_says(world)
            if not (online and owner == CUSTOMER):
                result.problems.append("next start said online; the cloud disagrees")
            result.notes.append("next start: online")
