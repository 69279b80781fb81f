"""No secret is written anywhere, in any mode: each journey of the app (customer and bench,
over the Photon's Wi-Fi and by USB cable, in the wizard and with ``setup-wizard onboard``)
runs with distinctive secrets, then everything it wrote is searched for each of them in
every encoding (``tests/headless/secret_scan.py``): every file under the computer's home
folder (logs, ledger and its rows, settings, the support report and the logs zipped in it,
CSV export, handover report, screenshots), the Wi-Fi journal as it was written (it is
removed once the Wi-Fi is back), the screens' text (no OCR: the text of every widget
visible when each screenshot was taken), the crash dialog, the clipboard, and the standard
output and error. The OS keyring is the one place where sign-ins, client secrets and Wi-Fi
passwords may be kept: the test's keyring is a dictionary behind keyring's own API, which
the app must not swap for another backend, and holds what the person asked to keep.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from headless_helpers import record_secrets
from secret_journeys import JOURNEYS, Journey, Mode, Trip
from secret_scan import SecretScan
from secret_world import WIFI_PASSWORD, Computer, Screens, home_with_secret_wifi
from test_wizard_start import MemoryKeyring

from setup_wizard import redact
from setup_wizard.sim.photon import PTY_AVAILABLE
from setup_wizard.sim.simulation import Simulation


@pytest.fixture
def computer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Computer]:
    """A home folder of its own, every user folder of the app in it, and the OS keyring in
    memory; secrets remembered by an earlier test's app are forgotten."""
    memory = MemoryKeyring()
    machine = Computer(tmp_path / "home", memory)
    machine.documents.mkdir(parents=True)
    for name, value in machine.environment().items():
        monkeypatch.setenv(name, value)
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    redact.forget_all()
    yield machine
    redact.forget_all()
    keyring.set_keyring(previous)


@pytest.mark.parametrize("journey", list(JOURNEYS), ids=str)
async def test_no_secret_is_written_anywhere(
    journey: Journey,
    computer: Computer,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    if journey.usb and not PTY_AVAILABLE:
        pytest.skip("no pseudo-terminals on this system for the simulated USB consoles")
    sim = await Simulation.start(
        devices=journey.photons,
        speed=200,
        seed=83,
        mfa=journey.mode is Mode.BENCH,
        wifi=home_with_secret_wifi(),
        usb=journey.usb,
    )
    issued = record_secrets(sim)
    screens = Screens(computer.home / "screenshots")
    try:
        ran = await JOURNEYS[journey](Trip(sim, computer, screens, monkeypatch))
        secrets = issued()
        known = {
            sim.cloud.developer.password: "staff account's password",
            sim.cloud.client.secret: "product client's secret",
            WIFI_PASSWORD: "Wi-Fi password",
        }
        online = {email: _online_photons(sim, email) for email in ran.customers}
    finally:
        await Simulation.stop(sim)
    output = capfd.readouterr()

    assert all(online.values()), f"each customer owns an online Photon: {online}"
    assert keyring.get_keyring() is computer.keyring, "the OS keyring, not a file"
    kept = computer.keyring.entries
    assert bool(kept) is ran.keeps, "the keyring holds what was asked to be kept"

    scan = SecretScan(computer.home)
    for kind, value in [*ran.typed, *((kind, value) for value, kind in known.items())]:
        scan.secret(value, kind=kind)
    scan.secret(*secrets, kind="token, claim code or secret of the simulated cloud")
    scan.text("standard output", output.out)
    scan.text("standard error", output.err)
    for label, text in [*screens.texts, *ran.texts]:
        scan.text(label, text)
    assert len(scan.secrets) >= 7, "passwords, client secret, tokens, claim code…"
    scan.assert_clean(written=[computer.log_file, *ran.written, *screens.pictures])


def _online_photons(sim: Simulation, email: str) -> int:
    owner = sim.cloud.customer(email)
    devices = [sim.cloud.device(device) for device in owner.device_ids] if owner else []
    return sum(1 for device in devices if device is not None and device.online)
