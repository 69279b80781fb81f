"""Each journey of the app, as a person (or a script) goes through it, with the distinctive
secrets of :mod:`secret_world`: customer and bench, over the Photon's Wi-Fi and by USB
cable, in the wizard and with ``setup-wizard onboard``.

The wizard runs as ``setup-wizard`` starts it in real mode (``create_main_window`` with the
log and the crash reporter that ``launch.run`` sets up, the product profile's client secret
in the keyring), pointed at the simulator on 127.0.0.1 with ``--wifi manual``; its USB port
list is the simulator's pseudo-terminals (a real computer's list cannot show them). The
command runs in this process through ``setup_wizard.app.main``, on a thread of its own, as
the simulator serves on the test's loop.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pyotp
import pytest
from flow_world import FAST_FLOW
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from secret_world import (
    CUSTOMER_PASSWORD,
    HOME_NETWORK,
    NEW_CUSTOMER_PASSWORD,
    WIFI_PASSWORD,
    WRONG_STAFF_PASSWORD,
    WRONG_WIFI_PASSWORD,
    Computer,
    Screens,
    close_dialogs,
    close_message,
    save_through_dialog,
    unused_port,
)
from wizard_helpers import click_next, on_page, page, until

from setup_wizard import app
from setup_wizard.flow import Page, UsbConnector, UsbSettings
from setup_wizard.flow.softap import SoftApConnector
from setup_wizard.gui.crash import CrashReporter
from setup_wizard.gui.main_window import create_main_window
from setup_wizard.gui.pages.choose_wifi import ChooseWifiPage
from setup_wizard.gui.pages.connect import ConnectPage
from setup_wizard.gui.pages.customer import CustomerPage
from setup_wizard.gui.pages.password import PasswordPage
from setup_wizard.gui.pages.product import ProductPage
from setup_wizard.gui.pages.sign_in import SignInPage
from setup_wizard.gui.pages.staff_sign_in import StaffSignInPage
from setup_wizard.gui.pages.two_step import TwoStepPage
from setup_wizard.gui.pages.usb_bench import PROGRESS, UsbBenchPage
from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.logs import configure_logging
from setup_wizard.network import RestoreJournal, WifiTiming
from setup_wizard.network.backend import RestorePoint
from setup_wizard.profile import KEYRING_SERVICE, default_profile_path, keyring_username
from setup_wizard.runtime import simulated_usb_ports
from setup_wizard.settings import settings_from_args
from setup_wizard.sim.simulation import Simulation

PRODUCT_NAME = "Photon Setup Demo"  # the simulated product's name (its ID changes each run)


class Face(StrEnum):
    WIZARD = "wizard"
    HEADLESS = "headless"
    """``setup-wizard onboard``: bench mode only (there is no customer journey without a
    window)."""


class Mode(StrEnum):
    CUSTOMER = "customer"
    BENCH = "bench"


class Link(StrEnum):
    SOFTAP = "softap"
    USB = "usb"


@dataclass(frozen=True)
class Journey:
    face: Face
    mode: Mode
    link: Link
    built_in: bool = False
    """The app's built-in simulation (``--simulate``); else its real mode, pointed at the
    simulator's addresses. The command finds Photons on cables only in the built-in
    simulation (a real computer's port list cannot show the simulator's pseudo-terminals)."""

    def __str__(self) -> str:
        return f"{self.face}-{self.mode}-{self.link}" + ("-simulate" if self.built_in else "")

    @property
    def usb(self) -> bool:
        return self.link is Link.USB

    @property
    def photons(self) -> int:
        """A bench on cables sets several Photons up at once."""
        return 2 if self.usb and self.mode is Mode.BENCH else 1


@dataclass
class Ran:
    """What a journey leaves for the scan besides its files."""

    customers: list[str]
    """Each must own an online Photon afterwards."""
    typed: list[tuple[str, str]] = field(default_factory=list)
    """(kind, value) of each secret the person typed or gave, the cloud's or not (a wrong
    password, a two-step code)."""
    texts: list[tuple[str, str]] = field(default_factory=list)
    """Text the app showed or handed over: the crash dialog's details, the clipboard."""
    written: list[Path] = field(default_factory=list)
    """Files the journey must have made, or the scan would prove little."""
    keeps: bool = True
    """It keeps sign-ins or secrets in the keyring (the built-in simulation keeps none)."""


@dataclass
class Trip:
    """One journey's surroundings."""

    sim: Simulation
    computer: Computer
    screens: Screens
    monkeypatch: pytest.MonkeyPatch

    def two_step_code(self) -> str:
        return self.two_step_codes(self.sim.clock.now())[-1]

    def two_step_codes(self, since: float) -> list[str]:
        """The staff account's codes from ``since`` to now (the built-in simulation types
        one of them itself)."""
        secret = self.sim.cloud.developer.mfa_otp_secret
        assert secret is not None
        totp, now = pyotp.TOTP(secret), self.sim.clock.now()
        return [str(totp.at(moment)) for moment in range(int(since), int(now) + 1, 30)] + [
            str(totp.at(now))
        ]

    def addresses(self, *, usb: bool) -> list[str]:
        """Where the app finds the cloud and, over Wi-Fi, the Photon (joined by hand); by
        cable the computer is not on the Photon's Wi-Fi, so nothing answers there."""
        photon = self.sim.photons[0]
        tcp, http = (unused_port(), unused_port()) if usb else (photon.tcp_port, photon.http_port)
        return [
            *("--api-url", self.sim.cloud.url),
            *("--device-host", "127.0.0.1"),
            *("--device-tcp-port", str(tcp), "--device-http-port", str(http)),
            *("--wifi", "manual"),
        ]


# -- the wizard ---------------------------------------------------------------------------


@dataclass
class Window:
    wizard: SetupWizard
    reporter: CrashReporter


@asynccontextmanager
async def wizard_app(trip: Trip, args: list[str]) -> AsyncIterator[Window]:
    """``setup-wizard ARGS``: the log and crash reporter as ``launch.run`` sets them up, the
    window as ``create_main_window`` makes it; short waits and the simulator's cables once
    the app is ready."""
    settings = settings_from_args(app.build_parser().parse_args([*args, "--verbose"]))
    logs = configure_logging(level=settings.log_level, verbose=settings.verbose)
    reporter = CrashReporter(log_file=logs.file)
    reporter.install()
    window = await create_main_window(settings)
    assert isinstance(window, SetupWizard)
    wizard = window
    trip.screens.follow(wizard)
    wizard.show()
    try:
        await until(lambda: wizard.ready, "the app got ready behind the Welcome page")
        _short_waits(wizard, trip.sim)
        yield Window(wizard, reporter)
    finally:
        close_dialogs()
        wizard.reject()
        await until(lambda: not wizard.isVisible(), "the window closed")
        await wizard.shutdown()
        wizard.deleteLater()
        reporter.uninstall()
        logs.close()


def _short_waits(wizard: SetupWizard, sim: Simulation) -> None:
    flow = wizard.flow
    flow.timing = FAST_FLOW
    connector = flow.services.connector
    assert isinstance(connector, SoftApConnector)
    wifi = connector.wifi
    wifi.timing = dataclasses.replace(
        WifiTiming(), poll_interval=0.02, probe_timeout=0.5, leave_check=0.1, manual_timeout=10
    )
    flow.services.usb = UsbConnector(wifi, UsbSettings(list_ports=simulated_usb_ports(sim)))


async def _sign_in_as_customer(wizard: SetupWizard, email: str, ran: Ran) -> None:
    click_next(wizard)  # Welcome
    await on_page(wizard, Page.SIGN_IN)
    form = page(wizard, SignInPage)
    await until(lambda: not form.busy, "the kept sign-in was looked for")
    form.email.setText(email)
    form.password.setText(CUSTOMER_PASSWORD)
    ran.typed.append(("customer's password", CUSTOMER_PASSWORD))
    form.keep.setChecked(True)
    click_next(wizard)
    await on_page(wizard, Page.LISTENING)


async def _sign_in_as_staff(wizard: SetupWizard, trip: Trip, ran: Ran) -> None:
    """The staff sign-in, kept, after a wrong password; then the two-step code."""
    click_next(wizard)  # Welcome
    await on_page(wizard, Page.STAFF_SIGN_IN)
    form = page(wizard, StaffSignInPage)
    await until(lambda: not form.busy, "the kept sign-in was looked for")
    developer = trip.sim.cloud.developer
    form.username.setText(developer.username)
    form.keep.setChecked(True)
    for password, kind in (
        (WRONG_STAFF_PASSWORD, "wrong staff password"),
        (developer.password, "staff password"),
    ):
        ran.typed.append((kind, password))
        form.password.setText(password)
        click_next(wizard)
        await until(lambda: not form.busy, "the sign-in was answered")
        if password == WRONG_STAFF_PASSWORD:
            await until(form.error_panel.isVisible, "the wrong password is said")
            trip.screens.take("wrong-staff-password")
    await on_page(wizard, Page.TWO_STEP)
    code = trip.two_step_code()
    ran.typed.append(("two-step code", code))
    page(wizard, TwoStepPage).code.setText(code)
    click_next(wizard)
    await on_page(wizard, Page.PRODUCT)


async def _connect(wizard: SetupWizard, *, usb: bool) -> ChooseWifiPage:
    click_next(wizard)  # Listening mode
    await on_page(wizard, Page.CONNECT)
    if usb:
        connect = page(wizard, ConnectPage)
        await until(
            lambda: connect.usb_choice.isChecked(), "the cable is chosen: a Photon is on it"
        )
        await until(lambda: connect.isComplete(), "the Photon on the cable is listed and chosen")
        # The wait for a Photon joined by hand stops a loop turn after the switch; a Next
        # before that is lost (its connection is cancelled with the wait).
        await until(lambda: not wizard.runner.busy, "the wait over Wi-Fi has stopped")
        click_next(wizard)
    await on_page(wizard, Page.CHOOSE_WIFI)  # over Wi-Fi: the Photon answered at its address
    return page(wizard, ChooseWifiPage)


def _choose_home(choose: ChooseWifiPage) -> None:
    """From the Photon's scan over Wi-Fi; typed by cable (this computer cannot list
    networks with ``--wifi manual``)."""
    if choose.networks.isVisible():
        (home,) = choose.networks.findItems(HOME_NETWORK, Qt.MatchFlag.MatchExactly, 0)
        choose.networks.setCurrentItem(home)
    else:
        choose.ssid.setText(HOME_NETWORK)


async def _send_wifi(
    wizard: SetupWizard, ran: Ran, password: str = WIFI_PASSWORD, *, keep: bool = False
) -> None:
    _choose_home(page(wizard, ChooseWifiPage))
    click_next(wizard)
    await on_page(wizard, Page.PASSWORD)
    form = page(wizard, PasswordPage)
    await until(lambda: not form.busy, "a known password was looked for")
    form.password.setText(password)
    kind = "Wi-Fi password" if password == WIFI_PASSWORD else "wrong Wi-Fi password"
    ran.typed.append((kind, password))
    if keep:
        assert form.keep.isVisible(), "a bench offers to keep it in the keyring"
        form.keep.setChecked(True)
    click_next(wizard)


async def _name_and_finish(window: Window, trip: Trip, ran: Ran) -> None:
    """The Name page, where an unexpected error happens while the setup is in progress
    (every secret of the run is in play), then Done."""
    wizard = window.wizard
    await on_page(wizard, Page.NAME)
    await _crash(window, trip, ran)
    click_next(wizard)
    await on_page(wizard, Page.DONE)
    trip.screens.take("done")


async def _support_report(wizard: SetupWizard, trip: Trip, ran: Ran) -> None:
    """ "Save support report…" (what an error's panel offers), as a zip with the logs."""
    report = trip.computer.documents / "support-report.zip"
    await save_through_dialog(wizard.save_support_report, report)
    await close_message(trip.screens, "support-report-saved")
    ran.written.append(report)


async def _crash(window: Window, trip: Trip, ran: Ran) -> None:
    """An unexpected error whose message holds every secret of the run so far, shown in
    the crash dialog and copied from it."""
    kept = [value for value in trip.computer.keyring.entries.values() if value]
    assert kept, "something was kept in the keyring to put in the error"
    typed = [value for _, value in ran.typed]

    def bug_in_a_slot() -> None:
        """A bug whose message carries the secrets as a library's error might: in a URL,
        a form, a Basic header, a JSON document."""
        raise RuntimeError(
            " | ".join(
                [
                    *(f"GET /v1/devices?access_token={quote(value)}" for value in kept),
                    *(f"password={quote_plus(value)}" for value in typed),
                    *(f"Basic {_basic('client-id', value)}" for value in kept),
                    json.dumps(typed),
                ]
            )
        )

    QTimer.singleShot(0, bug_in_a_slot)
    await until(lambda: window.reporter.dialog is not None, "the crash dialog opened")
    dialog = window.reporter.dialog
    assert dialog is not None
    await until(dialog.isVisible, "the crash dialog is shown")
    trip.screens.take("crash")
    dialog.copy_button.click()
    ran.texts += [
        ("crash details", dialog.details.toPlainText()),
        ("crash report (Copy details)", dialog.report()),
        ("clipboard", QGuiApplication.clipboard().text()),
    ]
    assert "RuntimeError" in dialog.details.toPlainText(), "the error itself is reported"
    dialog.close()


def _basic(user: str, password: str) -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode()


async def _devices_done(wizard: SetupWizard, trip: Trip, ran: Ran) -> None:
    """The bench's "Devices done": its CSV export and a handover report."""
    view = wizard.show_devices_done()
    trip.screens.take("devices-done")
    csv = trip.computer.documents / "devices.csv"
    handover = trip.computer.documents / "handover.txt"
    await save_through_dialog(view.export_csv, csv)
    await save_through_dialog(view.save_handover_report, handover)
    trip.screens.take("devices-done-saved")
    ran.written += [csv, handover]
    view.close()


async def wizard_customer(trip: Trip, *, usb: bool) -> Ran:
    """A customer signs in (kept) and sends the Wi-Fi password; by cable a wrong one first
    (joined by hand, the computer cannot tell a Photon back in listening mode from one
    still joining: only the cloud's time limit would end that wait)."""
    client = trip.sim.cloud.client
    trip.computer.keyring.set_password(KEYRING_SERVICE, keyring_username(client.id), client.secret)
    profile = default_profile_path()
    profile.parent.mkdir(parents=True, exist_ok=True)
    profile.write_text(
        f'product = {trip.sim.cloud.product.id}\nclient_id = "{client.id}"\n', encoding="utf-8"
    )
    email = "ada@example.com"
    ran = Ran([email])
    async with wizard_app(trip, trip.addresses(usb=usb)) as window:
        wizard = window.wizard
        await _sign_in_as_customer(wizard, email, ran)
        await _connect(wizard, usb=usb)
        if usb:
            await _send_wifi(wizard, ran, WRONG_WIFI_PASSWORD)
            await on_page(wizard, Page.CHOOSE_WIFI)  # the Photon is back: the password was wrong
            notice = page(wizard, ChooseWifiPage).notice
            await until(notice.isVisible, "the wrong password is said")
            trip.screens.take("wrong-password")
        await _send_wifi(wizard, ran)
        await _name_and_finish(window, trip, ran)
        await _support_report(wizard, trip, ran)
    return ran


async def wizard_bench_softap(trip: Trip) -> Ran:
    """Staff sign in (kept) with a two-step code, type the product client's secret (kept),
    create a customer with a password, keep the Wi-Fi password; then Devices done."""
    email = "grace@example.com"
    ran = Ran([email])
    async with wizard_app(trip, ["--staff", *trip.addresses(usb=False)]) as window:
        wizard = window.wizard
        await _sign_in_as_staff(wizard, trip, ran)
        product = page(wizard, ProductPage)
        client = trip.sim.cloud.client
        await until(lambda: product.client.count() > 1, "the product's clients are listed")
        labels = [product.client.itemText(i) for i in range(product.client.count())]
        product.client.setCurrentIndex(next(i for i, t in enumerate(labels) if client.id in t))
        assert product.secret.isVisible(), "its secret is not on this computer yet"
        product.secret.setText(client.secret)
        ran.typed.append(("client secret", client.secret))
        assert product.keep_secret.isChecked()
        trip.screens.take("client-secret-typed")
        click_next(wizard)
        await on_page(wizard, Page.CUSTOMER)
        customer = page(wizard, CustomerPage)
        customer.email.setText(email)
        customer.with_password.setChecked(True)
        customer.password.setText(NEW_CUSTOMER_PASSWORD)
        ran.typed.append(("new customer's password", NEW_CUSTOMER_PASSWORD))
        click_next(wizard)
        await on_page(wizard, Page.LISTENING)
        await _connect(wizard, usb=False)
        await _send_wifi(wizard, ran, keep=True)
        await _name_and_finish(window, trip, ran)
        await _devices_done(wizard, trip, ran)
        await _support_report(wizard, trip, ran)
    ran.written.append(trip.computer.ledger)
    return ran


async def wizard_bench_usb(trip: Trip) -> Ran:
    """Staff sign in, create a new product client, and set every Photon on a cable up at
    once for two customers; then Devices done."""
    customers = ["ann@example.com", "ben@example.com"]
    ran = Ran(customers)
    async with wizard_app(trip, ["--staff", *trip.addresses(usb=True)]) as window:
        wizard = window.wizard
        await _sign_in_as_staff(wizard, trip, ran)
        product = page(wizard, ProductPage)
        await until(lambda: product.isComplete(), "a new client is offered")
        assert product.client.currentData().option is None, "Create a new client…"
        click_next(wizard)
        await on_page(wizard, Page.CUSTOMER)
        offer = page(wizard, CustomerPage).usb_offer
        await until(lambda: offer.button.isVisible(), "the Photons on cables are offered")
        offer.button.click()
        await on_page(wizard, Page.USB_BENCH)
        bench = page(wizard, UsbBenchPage)
        rows = trip.sim.photons
        await until(lambda: bench.table.rowCount() == len(rows), "every Photon is listed")
        for row, customer in enumerate(customers):
            bench.table.item(row, 1).setText(customer)
        bench.all_network.setEditText(HOME_NETWORK)
        await until(lambda: HOME_NETWORK in bench.passwords, "its password is asked")
        bench.passwords[HOME_NETWORK].setText(WIFI_PASSWORD)
        ran.typed.append(("Wi-Fi password", WIFI_PASSWORD))
        trip.screens.take("usb-bench-ready")
        bench.start_button.click()
        await until(lambda: bench.more_button.isVisible(), "every Photon's setup ended")
        trip.screens.take("usb-bench-ended")
        results = [bench.table.item(row, PROGRESS).text() for row in range(len(rows))]
        assert results == ["Online ✓"] * len(rows), results
        await _crash(window, trip, ran)
        await _devices_done(wizard, trip, ran)
        await _support_report(wizard, trip, ran)
    ran.written.append(trip.computer.ledger)
    return ran


# -- setup-wizard onboard -------------------------------------------------------------------


async def _onboard(*args: str) -> int:
    """``setup-wizard onboard ARGS`` in this process, on a thread of its own."""
    return await asyncio.to_thread(app.main, ["onboard", *args, "--verbose"])


async def headless_softap(trip: Trip) -> Ran:
    """The command in real mode, its secrets from the environment as DESIGN.md says; the
    product's client is created and kept in the keyring."""
    email = "hedy@example.com"
    developer = trip.sim.cloud.developer
    code = trip.two_step_code()
    for name, value in {
        "SETUP_WIZARD_USERNAME": developer.username,
        "SETUP_WIZARD_PASSWORD": developer.password,
        "SETUP_WIZARD_OTP": code,
        "SETUP_WIZARD_WIFI_PASSWORD": WIFI_PASSWORD,
    }.items():
        trip.monkeypatch.setenv(name, value)
    exit_code = await _onboard(
        *trip.addresses(usb=False),
        *("--product", PRODUCT_NAME, "--customer", email, "--wifi-ssid", HOME_NETWORK),
    )
    assert exit_code == 0
    typed = [
        ("staff password", developer.password),
        ("two-step code", code),
        ("Wi-Fi password", WIFI_PASSWORD),
    ]
    return Ran([email], typed=typed, written=[trip.computer.ledger])


async def headless_simulated(trip: Trip, *, usb: bool) -> Ran:
    """``onboard --simulate`` with the test's simulation as the built-in one (its own
    account signs in): by cable every Photon at once; over Wi-Fi the simulated Wi-Fi
    switches networks, so the Wi-Fi journal is written (and removed once the Wi-Fi is
    back: each version is read as it is written)."""
    sim = trip.sim

    async def the_test_simulation(cls: type[Simulation], **options: Any) -> Simulation:
        assert options["usb"] is usb
        return sim

    async def kept() -> None:
        """The test stops it, once it has read its secrets."""

    journal: list[str] = []
    save = RestoreJournal.save

    async def save_and_read(self: RestoreJournal, point: RestorePoint) -> None:
        await save(self, point)
        assert self.path.is_relative_to(trip.computer.home)
        journal.append(self.path.read_text(encoding="utf-8"))

    trip.monkeypatch.setattr(Simulation, "start", classmethod(the_test_simulation))
    trip.monkeypatch.setattr(sim, "stop", kept)
    trip.monkeypatch.setattr(RestoreJournal, "save", save_and_read)
    email = "ida@example.com"
    started = sim.clock.now()
    exit_code = await _onboard(
        "--simulate",
        *(["--usb"] if usb else []),
        *("--product", PRODUCT_NAME, "--customer", email, "--wifi-ssid", HOME_NETWORK),
    )
    assert exit_code == 0
    assert bool(journal) is not usb, "over Wi-Fi (only) the journal was written"
    ledger = trip.computer.ledger.with_name("ledger-simulation.sqlite3")
    texts = [("Wi-Fi journal as written", text) for text in journal]
    typed = [("two-step code", code) for code in trip.two_step_codes(started)]
    return Ran([email], typed=typed, texts=texts, written=[ledger], keeps=False)


JOURNEYS: dict[Journey, Callable[[Trip], Awaitable[Ran]]] = {
    Journey(Face.WIZARD, Mode.CUSTOMER, Link.SOFTAP): partial(wizard_customer, usb=False),
    Journey(Face.WIZARD, Mode.CUSTOMER, Link.USB): partial(wizard_customer, usb=True),
    Journey(Face.WIZARD, Mode.BENCH, Link.SOFTAP): wizard_bench_softap,
    Journey(Face.WIZARD, Mode.BENCH, Link.USB): wizard_bench_usb,
    Journey(Face.HEADLESS, Mode.BENCH, Link.SOFTAP): headless_softap,
    Journey(Face.HEADLESS, Mode.BENCH, Link.SOFTAP, built_in=True): partial(
        headless_simulated, usb=False
    ),
    Journey(Face.HEADLESS, Mode.BENCH, Link.USB, built_in=True): partial(
        headless_simulated, usb=True
    ),
}
