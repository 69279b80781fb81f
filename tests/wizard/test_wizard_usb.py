"""A Photon on a USB cable, set up in the wizard as a person would, against the simulated
console on a pseudo-terminal: the computer keeps its own Wi-Fi from start to finish."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import serial
from flow_world import HOME, HOME_PASSWORD, FlowWorld, flow_world
from PySide6.QtCore import Qt
from test_wizard_journey import EMAIL, sign_in
from wizard_helpers import click_next, on_page, page, until

from setup_wizard.device import Security
from setup_wizard.device.usb import (
    UsbCharacterError,
    UsbCredentialsRefusedError,
    UsbEnterpriseNetworkError,
    UsbField,
    UsbPasswordNeededError,
    UsbProblem,
    UsbTimeoutError,
    UsbUnreachableError,
    UsbWepError,
)
from setup_wizard.flow import (
    FlowEvent,
    LinkKind,
    Page,
    Stage,
    StageChanged,
    StageStatus,
    UsbConnector,
    UsbSettings,
)
from setup_wizard.flow.errors import page_to_fix
from setup_wizard.gui.pages.choose_wifi import ChooseWifiPage
from setup_wizard.gui.pages.connect import ConnectPage
from setup_wizard.gui.pages.done import DonePage
from setup_wizard.gui.pages.password import PasswordPage
from setup_wizard.gui.pages.sending import SendingPage
from setup_wizard.gui.pages.waiting import WaitingPage
from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.network import PhotonWifi
from setup_wizard.network.manual import ManualBackend
from setup_wizard.runtime import simulated_usb_ports
from setup_wizard.sim.photon import PTY_AVAILABLE
from setup_wizard.sim.simulation import Simulation

pytestmark = pytest.mark.skipif(not PTY_AVAILABLE, reason="no pseudo-terminals on this system")


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[FlowWorld]:
    """One simulated Photon, in listening mode and plugged in by its cable."""
    sim = await Simulation.start(devices=1, speed=200, seed=21, usb=True)
    async with flow_world(tmp_path, sim=sim) as world:
        # Its console answers before the test starts: pytest-qt turns Qt's event loop
        # between phases, outside asyncio's, and a console task still to start would fail.
        assert await world.flow.find_photons(LinkKind.USB)
        yield world


async def to_connect(wizard: SetupWizard) -> ConnectPage:
    await sign_in(wizard)
    click_next(wizard)  # Listening mode: the light blinks dark blue
    await on_page(wizard, Page.CONNECT)
    return page(wizard, ConnectPage)


async def connect_by_cable(wizard: SetupWizard, world: FlowWorld) -> ChooseWifiPage:
    connect = await to_connect(wizard)
    photon = world.sim.photons[0]
    await until(lambda: connect.usb_choice.isChecked(), "the cable is chosen: a Photon is on it")
    await until(lambda: connect.photons.count() == 1, "the Photon on the cable is listed")
    item = connect.photons.currentItem()
    assert item is not None
    assert item.text() == f"Photon {photon.device_id.lower()}", "named by its device ID"
    click_next(wizard)
    await on_page(wizard, Page.CHOOSE_WIFI)
    return page(wizard, ChooseWifiPage)


async def send_home_password(wizard: SetupWizard, choose: ChooseWifiPage) -> None:
    current = choose.networks.currentItem()
    assert current is not None
    assert current.text(0) == HOME, "the network this computer is on is pre-selected"
    click_next(wizard)
    await on_page(wizard, Page.PASSWORD)
    page(wizard, PasswordPage).password.setText(HOME_PASSWORD)
    click_next(wizard)


async def test_a_photon_on_a_cable_is_set_up_while_the_computer_keeps_its_wifi(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    networks_seen_on_each_page: list[str | None] = []
    wizard.currentIdChanged.connect(
        lambda _: networks_seen_on_each_page.append(world.backend.current_ssid)
    )
    choose = await connect_by_cable(wizard, world)
    assert "this computer sees" in choose.subTitle()
    names = [
        choose.networks.topLevelItem(i).text(0) for i in range(choose.networks.topLevelItemCount())
    ]
    assert HOME in names
    assert not any(name.startswith("Photon-") for name in names), "no Photon's own network"
    await send_home_password(wizard, choose)
    await on_page(wizard, Page.NAME)
    click_next(wizard)
    await on_page(wizard, Page.DONE)

    assert EMAIL in page(wizard, DonePage).summary.text()
    photon = world.sim.photons[0]
    device = world.sim.cloud.device(photon.device_id.lower())
    assert device is not None
    assert device.online
    assert device.owner == EMAIL
    assert set(networks_seen_on_each_page) == {HOME}, "the computer never left its Wi-Fi"
    restores = [e for e in world.events if _stage_ran(e, Stage.RESTORE_WIFI)]
    assert not restores, "nothing to give back: no Wi-Fi was changed"
    sending = wizard.page(int(Page.SENDING))
    waiting = wizard.page(int(Page.WAITING))
    assert isinstance(sending, SendingPage)
    assert isinstance(waiting, WaitingPage)
    assert sending.steps.shown() == (Stage.SEND_CLAIM_CODE, Stage.SEND_WIFI)
    assert waiting.steps.shown() == (Stage.PHOTON_LEAVES, Stage.CLOUD_ONLINE)


def _stage_ran(event: FlowEvent, stage: Stage) -> bool:
    return (
        isinstance(event, StageChanged)
        and event.record.stage is stage
        and event.record.status is not StageStatus.SKIPPED
    )


async def test_the_cable_is_the_way_when_a_photon_is_plugged_in_unless_wifi_was_chosen(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    connect = await to_connect(wizard)
    await until(lambda: connect.usb_choice.isChecked(), "the cable is chosen by itself")
    assert world.flow.link_kind is LinkKind.USB

    connect.wifi_choice.click()
    assert world.flow.link_kind is LinkKind.SOFTAP
    photon = world.sim.photons[0]
    await until(lambda: connect.photons.count() == 1, "the Photon's own Wi-Fi is listed")
    assert connect.photons.item(0).text() == photon.ssid

    photon.unplug_usb()
    await until(lambda: "No Photon" in connect.usb_choice.detail.text(), "it is unplugged")
    photon.plug_usb()
    await until(lambda: connect.usb_choice.detail.text() == "A Photon is plugged in", "again")
    assert connect.wifi_choice.isChecked(), "the person's choice stays"
    assert world.flow.link_kind is LinkKind.SOFTAP
    assert connect.photons.item(0).text() == photon.ssid


async def test_a_network_the_photon_does_not_see_is_typed_with_its_security(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    choose = await connect_by_cable(wizard, world)
    choose.hidden.setChecked(True)
    choose.ssid.setText("Garage")  # a hidden network: neither the computer nor the Photon lists it
    choose.security.setCurrentIndex(choose.security.findData(Security.WPA2_AES_PSK))
    click_next(wizard)
    await on_page(wizard, Page.PASSWORD)
    page(wizard, PasswordPage).password.setText("garagedoor1")
    click_next(wizard)
    await on_page(wizard, Page.NAME)

    photon = world.sim.photons[0]
    device = world.sim.cloud.device(photon.device_id.lower())
    assert device is not None
    assert device.online
    assert world.backend.current_ssid == HOME


async def test_where_this_computer_cannot_list_networks_the_name_is_typed(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    ports = simulated_usb_ports(world.sim)
    world.flow.services.usb = UsbConnector(PhotonWifi(ManualBackend()), UsbSettings(ports))
    choose = await connect_by_cable(wizard, world)
    assert not choose.networks.isVisible()
    assert choose.typed.isVisible()
    assert "cannot list the Wi-Fi networks" in choose.notice.text.text()
    choose.ssid.setText(HOME)
    assert choose.security.currentData() is Security.WPA2_MIXED_PSK, "the most common kind"
    click_next(wizard)
    await on_page(wizard, Page.PASSWORD)
    page(wizard, PasswordPage).password.setText(HOME_PASSWORD)
    click_next(wizard)
    await on_page(wizard, Page.NAME)


async def test_a_wep_network_is_refused_before_anything_goes_over_the_cable(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    choose = await connect_by_cable(wizard, world)
    choose.hidden.setChecked(True)
    choose.ssid.setText("Old Router")
    choose.security.setCurrentIndex(choose.security.findData(Security.WEP_PSK))
    assert choose.problem.isVisible()
    assert "WEP" in choose.problem.text()
    assert "Connect over Wi-Fi instead" in choose.problem.text()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()

    choose.security.setCurrentIndex(choose.security.findData(Security.WPA2_MIXED_PSK))
    assert not choose.problem.isVisible()
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()


async def test_a_cable_pulled_out_while_sending_says_so_on_the_connect_page(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    photon = world.sim.photons[0]
    pulled: list[str | None] = []

    def pull_cable_as_the_wifi_settings_start(event: FlowEvent) -> None:
        if not pulled and isinstance(event, StageChanged):
            record = event.record
            if record.stage is Stage.SEND_WIFI and record.status is StageStatus.RUNNING:
                pulled.append(photon.usb_port)
                photon.unplug_usb()

    world.flow.events.subscribe(pull_cable_as_the_wifi_settings_start)
    choose = await connect_by_cable(wizard, world)
    await send_home_password(wizard, choose)

    await on_page(wizard, Page.CONNECT)
    connect = page(wizard, ConnectPage)
    await until(lambda: connect.error_panel.isVisible(), "the error is shown")
    message = connect.error_panel.text.text()
    assert "USB connection was lost" in message
    assert "plug it in again" in message
    assert pulled
    assert not world.flow.on_device_link
    assert world.backend.current_ssid == HOME

    port = photon.plug_usb()
    await until(lambda: connect.photons.count() == 1, "the Photon is listed again")
    assert connect.photons.currentItem().data(Qt.ItemDataRole.UserRole) == port, "its new port"
    click_next(wizard)
    choose = await _on_choose(wizard)
    await send_home_password(wizard, choose)
    await on_page(wizard, Page.NAME)


async def _on_choose(wizard: SetupWizard) -> ChooseWifiPage:
    await on_page(wizard, Page.CHOOSE_WIFI)
    return page(wizard, ChooseWifiPage)


async def test_back_from_the_network_list_lets_go_of_the_cable(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    await connect_by_cable(wizard, world)
    assert world.flow.on_device_link
    wizard.back()
    await on_page(wizard, Page.CONNECT)
    connect = page(wizard, ConnectPage)
    await until(lambda: not world.flow.on_device_link, "the port is closed")
    await until(lambda: connect.photons.count() == 1 and connect.isComplete(), "listed again")
    click_next(wizard)
    await _on_choose(wizard)  # the port opens again: nothing kept it


async def test_a_port_another_program_holds_is_named_with_what_to_do(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    photon = world.sim.photons[0]
    assert photon.usb_port is not None
    other_program = serial.Serial(photon.usb_port, exclusive=True)
    try:
        connect = await to_connect(wizard)
        connect.usb_choice.click()
        await until(lambda: "Another program" in connect.search_state.text(), "the reason")
        assert photon.usb_port in connect.search_state.text()
    finally:
        other_program.close()
    await until(lambda: connect.photons.count() == 1, "listed once the port is free")


@pytest.mark.parametrize(
    ("error", "where"),
    [
        (UsbCredentialsRefusedError(), Page.PASSWORD),
        (UsbPasswordNeededError("HomeNetwork"), Page.CHOOSE_WIFI),
        (UsbEnterpriseNetworkError("Office"), Page.CHOOSE_WIFI),
        (UsbWepError(), Page.CHOOSE_WIFI),
        (UsbCharacterError(UsbField.SSID, 0x08), Page.CHOOSE_WIFI),
        (UsbCharacterError(UsbField.PASSWORD, 0x7F), Page.PASSWORD),
        (UsbUnreachableError("/dev/ttyACM0", UsbProblem.LOST), Page.CONNECT),
        (UsbTimeoutError("w", "saving the Wi-Fi settings"), Page.CONNECT),
    ],
)
def test_each_cable_error_sends_the_person_where_it_can_be_fixed(
    error: Exception, where: Page
) -> None:
    assert page_to_fix(error) is where
