"""Each page's failures, as a person meets them: the message on the page says what to do,
and the computer always gets its Wi-Fi back."""

from __future__ import annotations

import zipfile
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from flow_world import FAST_FLOW, HOME, HOME_PASSWORD, FlowWorld, flow_world
from PySide6.QtWidgets import QWizard
from test_wizard_journey import EMAIL, connect, sign_in
from wizard_helpers import click_next, on_page, page, until

from setup_wizard.cloud import RetryPolicy
from setup_wizard.device import Security
from setup_wizard.flow import Page
from setup_wizard.flow.report import ConversationLog
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.pages.choose_wifi import ChooseWifiPage
from setup_wizard.gui.pages.connect import ConnectPage
from setup_wizard.gui.pages.listening import ListeningPage
from setup_wizard.gui.pages.name import NamePage
from setup_wizard.gui.pages.password import PasswordPage
from setup_wizard.gui.pages.sign_in import SignInPage
from setup_wizard.gui.pages.waiting import WaitingPage
from setup_wizard.gui.support import SupportReportSaver
from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.secret import Password
from setup_wizard.sim.link import NoCloud
from setup_wizard.sim.photon import PhotonState, SimulatedPhoton
from setup_wizard.sim.simulation import Simulation


def error_text(wizard: SetupWizard) -> str:
    current = wizard.currentPage()
    assert isinstance(current, FlowPage)
    return current.error_panel.text.text() if current.error_panel.isVisible() else ""


async def error_shown(wizard: SetupWizard) -> str:
    await until(lambda: error_text(wizard), "an error is shown on the page")
    return error_text(wizard)


async def choose_home_and_send(wizard: SetupWizard, password: str) -> None:
    choose = page(wizard, ChooseWifiPage)
    assert choose.choice() is not None
    click_next(wizard)
    await on_page(wizard, Page.PASSWORD)
    page(wizard, PasswordPage).password.setText(password)
    click_next(wizard)


async def test_a_wrong_account_password_is_said_on_the_sign_in_page(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    await world.new_flow().sign_in(EMAIL, Password("analytical-engine"), keep=False)
    click_next(wizard)
    await on_page(wizard, Page.SIGN_IN)
    form = page(wizard, SignInPage)
    await until(lambda: not form.busy, "the kept sign-in was looked for")
    form.email.setText(EMAIL)
    form.password.setText("difference-engine")
    click_next(wizard)
    message = await error_shown(wizard)
    assert "password is not right" in message
    assert wizard.currentId() == int(Page.SIGN_IN)


async def test_no_internet_at_sign_in_says_to_check_the_connection(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    await world.sim.cloud.stop()
    click_next(wizard)
    await on_page(wizard, Page.SIGN_IN)
    form = page(wizard, SignInPage)
    await until(lambda: not form.busy, "the kept sign-in was looked for")
    form.email.setText(EMAIL)
    form.password.setText("analytical-engine")
    click_next(wizard)
    message = await error_shown(wizard)
    assert "internet" in message
    assert wizard.currentId() == int(Page.SIGN_IN)


async def test_a_photon_that_went_away_is_explained_and_can_be_retried(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    await sign_in(wizard)
    click_next(wizard)
    await on_page(wizard, Page.CONNECT)
    connect_page = page(wizard, ConnectPage)
    await until(lambda: connect_page.photons.count() == 1, "the Photon is listed")
    photon = world.sim.photons[0]
    await photon.stop()  # unplugged: its network is gone until it is plugged in again
    click_next(wizard)
    message = await error_shown(wizard)
    assert "listening mode" in message
    assert world.backend.current_ssid == HOME

    await photon.start()  # plugged in again: a new Photon listens at once
    connect_page._retry_button.click()
    await on_page(wizard, Page.CHOOSE_WIFI)


async def test_a_network_the_photon_cannot_see_leads_back_to_choose_another(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    await sign_in(wizard)
    await connect(wizard, world)
    choose = page(wizard, ChooseWifiPage)
    choose.hidden.setChecked(True)
    choose.ssid.setText("Neighbours Hidden")
    choose.security.setCurrentIndex(choose.security.findData(Security.WPA2_MIXED_PSK))
    click_next(wizard)
    await on_page(wizard, Page.PASSWORD)
    page(wizard, PasswordPage).password.setText("whatever-it-is")
    click_next(wizard)
    await on_page(wizard, Page.SENDING)
    message = await error_shown(wizard)
    assert "cannot see the network" in message
    sending = wizard.currentPage()
    assert isinstance(sending, FlowPage)
    assert sending._fix_button.isVisible()
    sending._fix_button.click()
    await on_page(wizard, Page.CHOOSE_WIFI)
    choose.hidden.setChecked(False)
    await choose_home_and_send(wizard, HOME_PASSWORD)
    await on_page(wizard, Page.NAME)


async def test_a_wrong_wifi_password_brings_the_person_back_to_the_network_list(
    tmp_path: Path,
) -> None:
    async with flow_world(tmp_path, speed=50) as world:
        wizard = SetupWizard(world.flow, simulation=True)
        wizard.show()
        try:
            await sign_in(wizard)
            await connect(wizard, world)
            await choose_home_and_send(wizard, "definitely not it")
            await on_page(wizard, Page.WAITING)
            await on_page(wizard, Page.CHOOSE_WIFI)
            notice = page(wizard, ChooseWifiPage).notice
            assert notice.isVisible()
            assert "password was probably wrong" in notice.text.text()
            await choose_home_and_send(wizard, HOME_PASSWORD)
            await on_page(wizard, Page.NAME)
        finally:
            await wizard.shutdown()


@pytest.fixture
async def lonely_world(tmp_path: Path) -> AsyncIterator[FlowWorld]:
    """A Photon whose cloud never answers, and a short limit for waiting on it."""
    sim = await Simulation.start(devices=0, speed=200, seed=5)
    lonely = SimulatedPhoton(clock=sim.clock, wifi=sim.wifi, link=NoCloud(), seed=9)
    await lonely.start()
    sim.photons.append(lonely)
    timing = replace(FAST_FLOW, cloud_limit=1.0, cloud_help_after=0.3)
    async with flow_world(tmp_path, sim=sim, timing=timing) as world:
        yield world


async def test_a_photon_the_cloud_never_sees_gets_help_then_a_clear_end(
    lonely_world: FlowWorld,
) -> None:
    wizard = SetupWizard(lonely_world.flow, simulation=True)
    wizard.show()
    try:
        await sign_in(wizard)
        await connect(wizard, lonely_world)
        await choose_home_and_send(wizard, HOME_PASSWORD)
        await on_page(wizard, Page.WAITING)
        message = await error_shown(wizard)
        assert "has not seen your Photon" in message
        waiting = page(wizard, WaitingPage)
        assert waiting.notice.isVisible(), "help was shown before the limit"
        assert waiting.start_over.isVisible()
        waiting.start_over.click()
        await on_page(wizard, Page.LISTENING)
        assert lonely_world.backend.current_ssid == HOME
    finally:
        await wizard.shutdown()


async def test_a_quarantined_photon_is_named_as_a_possible_cause(tmp_path: Path) -> None:
    sim = await Simulation.start(devices=1, speed=200, seed=6, quarantine=True)
    timing = replace(FAST_FLOW, cloud_limit=1.5, cloud_help_after=0.3)
    async with flow_world(tmp_path, sim=sim, timing=timing) as world:
        wizard = SetupWizard(world.flow, simulation=True)
        wizard.show()
        try:
            await sign_in(wizard)
            await connect(wizard, world)
            await choose_home_and_send(wizard, HOME_PASSWORD)
            await on_page(wizard, Page.WAITING)
            message = await error_shown(wizard)
            assert "quarantine" in message
            assert world.sim.photons[0].state is PhotonState.ONLINE
        finally:
            await wizard.shutdown()


async def test_cancel_on_the_photon_gives_the_wifi_back_and_leaves_no_journal(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    await sign_in(wizard)
    await connect(wizard, world)
    assert world.backend.current_ssid == world.sim.photons[0].ssid
    assert await world.journal.load() is not None
    wizard.button(QWizard.WizardButton.CancelButton).click()
    await until(lambda: not wizard.isVisible(), "the window closed")
    assert world.backend.current_ssid == HOME
    assert await world.journal.load() is None


async def test_back_from_the_network_list_leaves_the_photon(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    await sign_in(wizard)
    await connect(wizard, world)
    wizard.back()
    await on_page(wizard, Page.CONNECT)
    await until(lambda: not wizard.flow.on_device_link, "the link is closed")
    assert world.backend.current_ssid == HOME
    await until(lambda: not page(wizard, ConnectPage).busy, "the Wi-Fi is back")
    click_next(wizard)
    await on_page(wizard, Page.CHOOSE_WIFI)


async def test_a_name_the_cloud_refuses_to_save_can_be_tried_again(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    await sign_in(wizard)
    await connect(wizard, world)
    await choose_home_and_send(wizard, HOME_PASSWORD)
    await on_page(wizard, Page.NAME)
    attempts = RetryPolicy().attempts  # every try the client makes fails
    world.sim.cloud.inject_failure("PUT", "/v1/devices/*", status=503, count=attempts)
    name = page(wizard, NamePage)
    click_next(wizard)
    message = await error_shown(wizard)
    assert "Try again" in message
    name._retry_button.click()
    await on_page(wizard, Page.DONE)


async def test_my_light_looks_different_opens_the_picker(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    await sign_in(wizard)
    listening = page(wizard, ListeningPage)
    dialog = listening.show_picker()
    assert dialog.isVisible()
    dialog.close()


async def test_a_support_report_is_saved_from_an_error_and_holds_no_secret(
    world: FlowWorld, tmp_path: Path
) -> None:
    conversation = ConversationLog()
    conversation.attach()
    saved = tmp_path / "report.zip"
    saver = SupportReportSaver(
        world.flow,
        conversation,
        details={"Mode": "test"},
        log_files=[],
        choose_path=lambda parent, suggested: saved,
        confirm=False,
    )
    wizard = SetupWizard(world.flow, simulation=True, report_saver=saver)
    wizard.show()
    try:
        await sign_in(wizard)
        await connect(wizard, world)
        choose = page(wizard, ChooseWifiPage)
        choose.hidden.setChecked(True)
        choose.ssid.setText("Neighbours Hidden")
        click_next(wizard)
        await on_page(wizard, Page.PASSWORD)
        page(wizard, PasswordPage).password.setText("a-very-secret-wifi-pw")
        click_next(wizard)
        await error_shown(wizard)
        wizard.save_support_report()
        assert saved.exists()
        text = zipfile.ZipFile(saved).read("report.txt").decode()
        assert "cannot see the network" in text
        assert "send-wifi" in text
        for secret in ("a-very-secret-wifi-pw", "analytical-engine"):
            assert secret not in text
        claim = world.flow.state.claim
        assert claim is not None
        assert claim.claim_code.reveal() not in text
    finally:
        await wizard.shutdown()
        conversation.detach()
