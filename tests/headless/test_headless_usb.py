"""``setup-wizard onboard --usb``: the Photons on USB cables, all set up at once.

One run goes through the whole command as a script would (a process of its own, the built-in
simulation). The others run the command in this process, so that the test can hold the
simulated Photons while it runs: pull one's cable, or press Ctrl+C, at a chosen moment. Their
simulation is started by the test and handed to the command where it starts its own.
"""

from __future__ import annotations

import asyncio
import io
import signal
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from headless_helpers import SIMULATION_LEDGER, Computer, Onboarded, SecretScan
from photon_logs import PhotonLog, photon_logs

from setup_wizard.app import build_parser
from setup_wizard.flow.ledger import Ledger, Outcome, SetupRow, Step
from setup_wizard.headless.command import run_until_signal, settings_for
from setup_wizard.headless.options import OnboardRequest
from setup_wizard.headless.run import HeadlessRun
from setup_wizard.headless.terminal import Terminal
from setup_wizard.sim.photon import PTY_AVAILABLE, PhotonFaults, PhotonState, SimulatedPhoton
from setup_wizard.sim.simulation import Simulation

pytestmark = pytest.mark.skipif(not PTY_AVAILABLE, reason="no pseudo-terminals on this system")

SPEED = 50
HOME = "HomeNetwork"
HOME_PASSWORD = "correct horse battery"  # the simulated home's, from setup_wizard/sim/wifi.py
PRODUCT = "Photon Setup Demo"
SCAN_HANGS = "the scan hangs"  # what a simulated console logs when its scan never returns


class _Stderr(io.StringIO):
    """The command's stderr, read line by line as it is written, as a person watching it."""

    def __init__(self, watch: Callable[[str], None]) -> None:
        super().__init__()
        self._watch = watch

    def write(self, text: str) -> int:
        written = super().write(text)
        self._watch(text)
        return written


@dataclass
class UsbBench:
    """A bench whose simulated Photons are plugged in by USB, held by the test."""

    sim: Simulation
    data: Path
    photons: list[SimulatedPhoton] = field(default_factory=list)

    def ids(self) -> list[str]:
        return [photon.device_id.lower() for photon in self.photons]

    async def onboard(
        self,
        *args: str,
        watch: Callable[[str], None] = lambda _text: None,
    ) -> Onboarded:
        """``setup-wizard onboard --simulate ARGS`` in this process; Ctrl+C (SIGINT) stops
        it as it stops the command."""
        parsed = build_parser().parse_args(
            ["onboard", "--simulate", "--simulation-speed", str(SPEED), "--product", PRODUCT, *args]
        )
        out, err = io.StringIO(), _Stderr(watch)
        run = HeadlessRun(
            OnboardRequest.from_args(parsed),
            settings_for(parsed),
            Terminal(stdin=io.StringIO(), stream=err, interactive=False),
            environ={},
            out=out,
        )
        code = await run_until_signal(run)
        return Onboarded(code, out.getvalue(), err.getvalue())

    def rows(self) -> list[SetupRow]:
        ledger = Ledger(self.data / "photon-setup" / SIMULATION_LEDGER)
        try:
            return ledger.setups()
        finally:
            ledger.close()

    def steps(self, row: SetupRow) -> list[Step]:
        ledger = Ledger(self.data / "photon-setup" / SIMULATION_LEDGER)
        try:
            return ledger.steps(row.id)
        finally:
            ledger.close()


StartBench = Callable[..., Any]


@pytest.fixture
async def usb_bench(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> AsyncIterator[Callable[..., Any]]:
    """Start a simulation with ``devices`` Photons on USB (and, with ``faults``, that many
    more with those faults) that the command then uses instead of starting its own; it
    outlives the command, so the test can look at the Photons afterwards."""
    started: list[Simulation] = []
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    async def start(devices: int = 3, faulty: int = 0, faults: PhotonFaults | None = None) -> Any:
        sim = await Simulation.start(devices=devices, speed=SPEED, seed=7, mfa=True, usb=True)
        started.append(sim)
        for index in range(faulty):
            photon = SimulatedPhoton(
                clock=sim.clock, wifi=sim.wifi, link=sim.cloud, faults=faults, seed=70 + index
            )
            sim.photons.append(photon)
            photon.plug_usb()
            await photon.start()
        bench = UsbBench(sim, tmp_path / "data", list(sim.photons))

        async def the_test_simulation(cls: type[Simulation], **options: Any) -> Simulation:
            assert options["usb"] is True, "--usb plugs the simulated Photons in"
            return sim

        async def kept() -> None:
            """The command's clean-up leaves the test's Photons running."""

        monkeypatch.setattr(Simulation, "start", classmethod(the_test_simulation))
        monkeypatch.setattr(sim, "stop", kept)
        return bench

    yield start
    for sim in started:
        await Simulation.stop(sim)


def work_list(tmp_path: Path, *rows: str) -> str:
    path = tmp_path / "work.csv"
    path.write_text("customer_email,device_name,wifi_ssid\n" + "".join(rows), encoding="utf-8")
    return str(path)


# -- as a script runs it ---------------------------------------------------------------------


def test_three_photons_on_cables_are_set_up_for_three_customers_from_a_work_list(
    computer: Computer, scan: SecretScan, tmp_path: Path
) -> None:
    work = work_list(
        tmp_path,
        "ann@example.com,kitchen,HomeNetwork\n",
        "ben@example.com,,HomeNetwork\n",
        "cat@example.com,attic,HomeNetwork\n",
    )
    run = computer.onboard(
        *("--simulate", "--simulation-speed", str(SPEED), "--usb", "--json"),
        *("--product", PRODUCT, "--work-list", work),
    )
    scan.secret(HOME_PASSWORD)
    scan.output(run)

    assert run.code == 0, run.stderr
    lines = sorted(run.lines, key=lambda line: str(line["customer"]))
    assert [(line["customer"], line["outcome"]) for line in lines] == [
        ("ann@example.com", "online"),
        ("ben@example.com", "online"),
        ("cat@example.com", "online"),
    ]
    assert [lines[0]["device_name"], lines[2]["device_name"]] == ["kitchen", "attic"]
    ids = {line["device_id"] for line in lines}
    assert len(ids) == 3, "three Photons, one per row"
    rows = computer.ledger_rows(SIMULATION_LEDGER)
    assert sorted((r.customer, r.work_line, r.outcome, r.device_id) for r in rows) == [
        (line["customer"], number, Outcome.ONLINE, line["device_id"])
        for number, line in enumerate(lines, start=2)
    ]
    for device_id in ids:  # each device's progress says which Photon it is about
        assert f"Photon {device_id}: ✓ Send the Wi-Fi settings" in run.stderr
    assert "This computer stayed on its own network." in run.stderr
    scan.assert_clean()


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--wifi", "manual"], "--wifi manual"),
        (["--wifi-security", "wep"], "A WEP network cannot be set up over the USB cable"),
    ],
    ids=["wifi-manual", "wep"],
)
def test_options_a_cable_cannot_serve_are_refused_before_anything_runs(
    computer: Computer, options: list[str], said: str
) -> None:
    run = computer.onboard(
        *("--product", "p", "--customer", "a@example.com", "--wifi-ssid", HOME, "--usb"),
        *options,
    )
    assert run.code == 2, run.stderr
    assert said in run.stderr
    assert run.stdout == ""
    assert not (computer.root / "xdg_data_home").exists(), "no ledger: nothing ran"


# -- in this process, holding the Photons ------------------------------------------------------


async def test_one_photon_on_a_cable_comes_online_as_the_customers(usb_bench: StartBench) -> None:
    bench: UsbBench = await usb_bench(devices=1)
    run = await bench.onboard(
        *("--usb", "--customer", "Ada.Owner@example.com", "--wifi-ssid", HOME),
        *("--device-name", "greenhouse", "--json"),
    )

    assert run.code == 0, run.stderr
    (device_id,) = bench.ids()
    line = run.line
    assert line == {
        "customer": "Ada.Owner@example.com",
        "device_id": device_id,
        "device_name": "greenhouse",
        "ssid": HOME,
        "outcome": "online",
        "error": None,
        "seconds": line["seconds"],
        "ledger_id": 1,
    }
    (photon,) = bench.photons
    assert photon.state is PhotonState.ONLINE
    assert photon.claimed
    (row,) = bench.rows()
    assert (row.id, row.outcome, row.device_id, row.customer) == (
        1,
        Outcome.ONLINE,
        device_id,
        "ada.owner@example.com",
    )
    assert f"Photon {device_id}: ✓ Send the claim code" in run.stderr


async def test_usb_port_sets_up_only_the_photon_on_that_port(usb_bench: StartBench) -> None:
    bench: UsbBench = await usb_bench(devices=3)
    chosen = bench.photons[1]
    assert chosen.usb_port is not None
    run = await bench.onboard(
        *("--usb", chosen.usb_port, "--customer", "bo@example.com", "--wifi-ssid", HOME),
        "--json",
    )

    assert run.code == 0, run.stderr
    assert run.line["device_id"] == chosen.device_id.lower()
    assert chosen.state is PhotonState.ONLINE
    others = [bench.photons[0], bench.photons[2]]
    assert [(p.state, p.claimed, p.credentials) for p in others] == [
        (PhotonState.LISTENING, False, []),
        (PhotonState.LISTENING, False, []),
    ], "the Photons on the other ports were not touched"
    assert [row.device_id for row in bench.rows()] == [chosen.device_id.lower()]


async def test_a_photon_unplugged_in_the_middle_fails_its_row_while_the_others_go_online(
    usb_bench: StartBench, tmp_path: Path
) -> None:
    bench: UsbBench = await usb_bench(
        devices=2, faulty=1, faults=PhotonFaults(console_scan_hangs=True)
    )
    first, second, pulled = bench.photons
    others_named = asyncio.Event()
    named: set[str] = set()

    def watch(text: str) -> None:
        for photon in (first, second):
            if f"Photon {photon.device_id.lower()}: ✓ Name the Photon" in text:
                named.add(photon.device_id)
        if len(named) == 2:
            others_named.set()

    with photon_logs(SCAN_HANGS) as hanging:

        async def pull_the_cable() -> None:
            """Once the other two are online while this one is still in its `w` dialogue
            (which proves they ran at once), its cable is pulled out."""
            await others_named.wait()
            assert hanging, "its scan is still under way"
            pulled.unplug_usb()

        puller = asyncio.ensure_future(pull_the_cable())
        work = work_list(
            tmp_path,
            "ann@example.com,,HomeNetwork\n",
            "ben@example.com,,HomeNetwork\n",
            "cat@example.com,porch,HomeNetwork\n",
        )
        run = await bench.onboard("--usb", "--work-list", work, "--json", watch=watch)
        await puller

    assert run.code == 7, run.stderr
    by_customer = {line["customer"]: line for line in run.lines}
    assert [by_customer[c]["outcome"] for c in ("ann@example.com", "ben@example.com")] == [
        "online",
        "online",
    ]
    failed = by_customer["cat@example.com"]
    assert failed["outcome"] == "failed"
    assert failed["device_id"] == pulled.device_id.lower()
    assert "USB connection was lost" in failed["error"]
    assert "plug it in again" in failed["error"], "it says what to do"
    assert "1 of 3 rows failed: line 4 (cat@example.com)" in run.stderr

    row = next(r for r in bench.rows() if r.customer == "cat@example.com")
    assert (row.id, row.outcome, row.device_id) == (
        failed["ledger_id"],
        Outcome.FAILED,
        pulled.device_id.lower(),
    )
    assert "USB connection was lost" in (row.error or "")
    last = bench.steps(row)[-1]
    assert (last.stage, last.status) == ("send-wifi", "failed"), "where it stopped"


async def test_the_only_photon_unplugged_exits_4_saying_to_plug_it_in_again(
    usb_bench: StartBench,
) -> None:
    bench: UsbBench = await usb_bench(
        devices=0, faulty=1, faults=PhotonFaults(console_scan_hangs=True)
    )
    (pulled,) = bench.photons
    with photon_logs(SCAN_HANGS, then=lambda _seen: pulled.unplug_usb()):
        run = await bench.onboard(
            *("--usb", "--customer", "gil@example.com", "--wifi-ssid", HOME, "--json")
        )

    assert run.code == 4, "the Photon stopped answering: not a problem of the Wi-Fi settings"
    assert "plug it in again" in run.line["error"]
    (row,) = bench.rows()
    assert (row.outcome, row.device_id) == (Outcome.FAILED, pulled.device_id.lower())


async def test_ctrl_c_cancels_every_photon_and_the_ledger_says_so(usb_bench: StartBench) -> None:
    bench: UsbBench = await usb_bench(
        devices=0, faulty=3, faults=PhotonFaults(console_scan_hangs=True)
    )

    def ctrl_c(hanging: PhotonLog) -> None:
        """Once all three are in their `w` dialogue (none of them can end by itself)."""
        if len(hanging) == 3:
            signal.raise_signal(signal.SIGINT)

    with photon_logs(SCAN_HANGS, then=ctrl_c):
        run = await bench.onboard(
            *("--usb", "--customer", "dee@example.com", "--wifi-ssid", HOME, "--json")
        )

    assert run.code == 130, run.stderr
    lines = run.lines
    assert sorted(line["device_id"] for line in lines) == sorted(bench.ids())
    assert {(line["outcome"], line["error"]) for line in lines} == {
        ("cancelled", "Interrupted before the device was set up.")
    }
    rows = bench.rows()
    assert sorted(r.device_id or "" for r in rows) == sorted(bench.ids())
    assert {r.outcome for r in rows} == {Outcome.CANCELLED}


async def test_a_network_name_the_cable_cannot_carry_is_refused_before_any_photon_is_touched(
    usb_bench: StartBench,
) -> None:
    bench: UsbBench = await usb_bench(devices=2)
    run = await bench.onboard(
        *("--usb", "--customer", "eve@example.com", "--wifi-ssid", "Home\rNetwork"),
        *("--wifi-security", "open", "--json"),
    )

    assert run.code == 5, run.stderr
    assert run.line["outcome"] == "failed"
    assert (
        "cannot be sent to the Photon over a USB cable (a carriage return)" in (run.line["error"])
    )
    assert bench.rows() == [], "nothing started"
    assert [(p.state, p.claimed, p.claim_code) for p in bench.photons] == [
        (PhotonState.LISTENING, False, None)
    ] * 2


async def test_one_device_name_for_several_photons_is_refused(usb_bench: StartBench) -> None:
    bench: UsbBench = await usb_bench(devices=2)
    run = await bench.onboard(
        *("--usb", "--customer", "fay@example.com", "--wifi-ssid", HOME),
        *("--device-name", "kitchen", "--json"),
    )
    assert run.code == 2, run.stderr
    assert "--device-name names one device, but 2 Photons" in run.line["error"]
    assert bench.rows() == []
