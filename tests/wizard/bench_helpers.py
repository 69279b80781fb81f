"""A bench in the wizard against the simulated world: a staff account with two-step
verification, a product with a client this computer keeps, several Photons, and a ledger in
the test's folder; plus driving the bench's pages as a support person would."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyotp
from flow_world import HOME, HOME_PASSWORD, FlowWorld, flow_world
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from wizard_helpers import click_next, on_page, page, until

from setup_wizard.flow import MemoryTokenStore, Page
from setup_wizard.flow.bench import Bench, WifiPasswords
from setup_wizard.flow.ledger import Ledger
from setup_wizard.flow.secret_store import MemorySecretStore
from setup_wizard.flow.staff import StaffSession
from setup_wizard.gui.file_dialogs import FileDialogs
from setup_wizard.gui.pages.choose_wifi import ChooseWifiPage
from setup_wizard.gui.pages.connect import ConnectPage
from setup_wizard.gui.pages.customer import CustomerPage
from setup_wizard.gui.pages.done import DonePage
from setup_wizard.gui.pages.name import NamePage
from setup_wizard.gui.pages.password import PasswordPage
from setup_wizard.gui.pages.product import ProductPage
from setup_wizard.gui.pages.staff_sign_in import StaffSignInPage
from setup_wizard.gui.pages.two_step import TwoStepPage
from setup_wizard.gui.pages.usb_bench import UsbBenchPage
from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.runtime import SimulationHints
from setup_wizard.secret import ClientSecret, WifiPassword
from setup_wizard.sim.photon import SimulatedPhoton
from setup_wizard.sim.simulation import Simulation


@dataclass
class FakeDialogs:
    """The file dialogs a person would answer: the files the test gives, folders opened."""

    work_list: Path | None = None
    save_to: dict[str, Path] = field(default_factory=dict)
    """By file suffix (".csv", ".txt"): where "Save as" answers."""
    opened: list[Path] = field(default_factory=list)

    def dialogs(self) -> FileDialogs:
        def save_as(parent: QWidget, caption: str, suggested: Path, kinds: str) -> Path | None:
            return self.save_to.get(suggested.suffix)

        return FileDialogs(
            open_work_list=lambda parent: self.work_list,
            save_as=save_as,
            open_folder=self.opened.append,
        )


@dataclass
class StaffWorld:
    world: FlowWorld
    ledger_path: Path
    client_secrets: MemorySecretStore[ClientSecret]
    wifi_keyring: MemorySecretStore[WifiPassword]
    staff_tokens: MemoryTokenStore = field(default_factory=MemoryTokenStore)
    """This computer's keyring for kept staff sign-ins (every run of the app finds it)."""
    files: FakeDialogs = field(default_factory=FakeDialogs)
    windows: list[SetupWizard] = field(default_factory=list)
    ledgers: list[Ledger] = field(default_factory=list)

    @property
    def sim(self) -> Simulation:
        return self.world.sim

    def code(self) -> str:
        secret = self.sim.cloud.developer.mfa_otp_secret
        assert secret is not None
        return str(pyotp.TOTP(secret).at(self.sim.clock.now()))

    def hints(self) -> SimulationHints:
        developer = self.sim.cloud.developer
        return SimulationHints(
            HOME,
            HOME_PASSWORD,
            staff_username=developer.username,
            staff_password=developer.password,
            two_step_code=self.code,
        )

    def bench(self, *, first: bool = True) -> Bench:
        """The bench of one run of the app: the first run uses the world's flow, a later one
        (after a crash) a new flow, a new sign-in, the same ledger file and keyring."""
        ledger = Ledger(self.ledger_path)
        self.ledgers.append(ledger)
        flow = self.world.flow if first else self.world.new_flow()
        staff = StaffSession(
            flow.services.cloud, tokens=self.staff_tokens, secrets=self.client_secrets
        )
        return Bench(staff, flow, ledger, wifi_passwords=WifiPasswords(self.wifi_keyring))

    def window(self, bench: Bench) -> SetupWizard:
        wizard = SetupWizard(
            bench.flow,
            simulation=True,
            bench=bench,
            simulation_hints=self.hints(),
            dialogs=self.files.dialogs(),
        )
        wizard.show()
        self.windows.append(wizard)
        return wizard

    def ledger(self) -> Ledger:
        """The ledger as another program would read it now."""
        ledger = Ledger(self.ledger_path)
        self.ledgers.append(ledger)
        return ledger


@asynccontextmanager
async def staff_world(
    tmp_path: Path,
    *,
    devices: int = 2,
    keep_client: bool = True,
    quarantine: bool = False,
    usb: bool = False,
) -> AsyncIterator[StaffWorld]:
    """``usb``: every Photon is also plugged in by cable (its console on a pseudo-terminal)."""
    sim = await Simulation.start(
        devices=devices, speed=200, seed=61, mfa=True, quarantine=quarantine, usb=usb
    )
    async with flow_world(tmp_path, sim=sim) as world:
        secrets: MemorySecretStore[ClientSecret] = MemorySecretStore()
        if keep_client:  # as the runtime's simulation does: this computer keeps its secret
            secrets.kept[sim.cloud.client.id] = ClientSecret(sim.cloud.client.secret)
        result = StaffWorld(
            world, tmp_path / "data" / "ledger.sqlite3", secrets, MemorySecretStore()
        )
        try:
            yield result
        finally:
            for wizard in result.windows:
                await wizard.shutdown()
                wizard.hide()
                wizard.deleteLater()
            for ledger in result.ledgers:
                ledger.close()


# -- driving the pages ----------------------------------------------------------------------


async def sign_in_as_staff(wizard: SetupWizard, w: StaffWorld) -> None:
    """Welcome, the staff sign-in, the two-step code, the product and its kept client."""
    await until(lambda: wizard.ready, "the wizard is ready")
    click_next(wizard)
    await on_page(wizard, Page.STAFF_SIGN_IN)
    form = page(wizard, StaffSignInPage)
    await until(lambda: not form.busy, "the kept sign-in was looked for")
    developer = w.sim.cloud.developer
    form.username.setText(developer.username)
    form.password.setText(developer.password)
    click_next(wizard)
    await on_page(wizard, Page.TWO_STEP)
    await enter_code(wizard, w.code())
    await choose_product(wizard)


async def enter_code(wizard: SetupWizard, code: str) -> None:
    two_step = page(wizard, TwoStepPage)
    two_step.code.setText(code)
    click_next(wizard)


async def choose_product(wizard: SetupWizard) -> None:
    await on_page(wizard, Page.PRODUCT)
    product = page(wizard, ProductPage)
    await until(lambda: product.isComplete(), "the product and a kept client are chosen")
    click_next(wizard)


async def for_customer(wizard: SetupWizard, email: str) -> None:
    await on_page(wizard, Page.CUSTOMER)
    customer = page(wizard, CustomerPage)
    customer.email.setText(email)
    click_next(wizard)
    await on_page(wizard, Page.LISTENING)


async def connect_to(wizard: SetupWizard, photon: SimulatedPhoton) -> None:
    click_next(wizard)  # Listening mode
    await on_page(wizard, Page.CONNECT)
    connect = page(wizard, ConnectPage)

    def listed() -> bool:
        found = connect.photons.findItems(photon.ssid, Qt.MatchFlag.MatchExactly)
        if found:
            connect.photons.setCurrentItem(found[0])
        return bool(found) and connect.isComplete()

    await until(listed, f"{photon.ssid} is listed and chosen")
    click_next(wizard)
    await on_page(wizard, Page.CHOOSE_WIFI)


async def send_wifi(wizard: SetupWizard, password: str | None = None) -> PasswordPage:
    """Next on the network list (the job's network pre-selected), then the password: typed
    when given, else the one the bench remembered."""
    choose = page(wizard, ChooseWifiPage)
    current = choose.networks.currentItem()
    assert current is not None
    assert current.text(0) == HOME, "the bench's network is pre-selected"
    click_next(wizard)
    await on_page(wizard, Page.PASSWORD)
    form = page(wizard, PasswordPage)
    await until(lambda: not form.busy, "the known password was looked for")
    if password is not None:
        form.password.setText(password)
    click_next(wizard)
    return form


async def name_it(wizard: SetupWizard, name: str | None) -> DonePage:
    await on_page(wizard, Page.NAME)
    naming = page(wizard, NamePage)
    if name is not None:
        naming.name.setText(name)
    click_next(wizard)
    await on_page(wizard, Page.DONE)
    return page(wizard, DonePage)


async def set_up_device(
    wizard: SetupWizard,
    photon: SimulatedPhoton,
    *,
    password: str | None = None,
    name: str | None = None,
) -> DonePage:
    await connect_to(wizard, photon)
    await send_wifi(wizard, password)
    return await name_it(wizard, name)


async def next_device(wizard: SetupWizard, customer: str | None = None) -> None:
    """ "Set up next device" on the Done page (for another customer if given)."""
    done = page(wizard, DonePage)
    if customer is not None:
        done.next_customer.setText(customer)
    assert done.next_button.isEnabled()
    done.next_button.click()
    await on_page(wizard, Page.LISTENING)


def texts_of(root: QWidget) -> list[str]:
    """Every text a widget tree shows or tells a screen reader (labels, fields, buttons,
    list and table items, tool tips, accessible names and descriptions)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QTreeWidget,
    )

    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        found += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            found += [widget.item(i).text() for i in range(widget.count())]
        if isinstance(widget, QTreeWidget):
            for i in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(i)
                found += [item.text(c) for c in range(item.columnCount())]
                found += [item.toolTip(c) for c in range(item.columnCount())]
    return [text for text in found if text]


async def to_usb_bench(wizard: SetupWizard, photons: int) -> UsbBenchPage:
    """From the customer page, "Set up all Photons on cables at once", once it is offered;
    then until the bench page lists ``photons`` Photons."""
    await on_page(wizard, Page.CUSTOMER)
    offer = page(wizard, CustomerPage).usb_offer
    await until(lambda: offer.button.isVisible(), "the Photons on cables are offered")
    offer.button.click()
    await on_page(wizard, Page.USB_BENCH)
    bench = page(wizard, UsbBenchPage)
    await until(lambda: bench.table.rowCount() == photons, f"{photons} Photons are listed")
    await until(lambda: bool(bench.passwords), "the computer's network is chosen for them")
    return bench
