"""The wizard window, driven as a person would, against the simulated world."""

from __future__ import annotations

from flow_world import HOME, HOME_PASSWORD, FlowWorld
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from wizard_helpers import click_next, on_page, page, until

from setup_wizard.flow import Page
from setup_wizard.gui.pages.choose_wifi import ChooseWifiPage
from setup_wizard.gui.pages.connect import ConnectPage
from setup_wizard.gui.pages.done import DonePage
from setup_wizard.gui.pages.name import NamePage
from setup_wizard.gui.pages.password import PasswordPage
from setup_wizard.gui.pages.sign_in import SignInPage
from setup_wizard.gui.wizard import SetupWizard

EMAIL = "ada@example.com"


async def sign_in(wizard: SetupWizard) -> None:
    badge = wizard.currentPage().findChild(QLabel, "simulationBadge")
    assert badge is not None, "every page of a simulation says so"
    assert badge.isVisible()
    click_next(wizard)  # Welcome
    await on_page(wizard, Page.SIGN_IN)
    form = page(wizard, SignInPage)
    await until(lambda: not form.busy, "the kept sign-in was looked for")
    form.email.setText(EMAIL)
    form.password.setText("analytical-engine")
    click_next(wizard)
    await on_page(wizard, Page.LISTENING)


async def connect(wizard: SetupWizard, world: FlowWorld) -> None:
    click_next(wizard)  # Listening mode: the light blinks dark blue
    await on_page(wizard, Page.CONNECT)
    connect_page = page(wizard, ConnectPage)
    await until(lambda: connect_page.photons.count() == 1, "the Photon is listed")
    assert connect_page.photons.currentItem().text() == world.sim.photons[0].ssid
    click_next(wizard)
    await on_page(wizard, Page.CHOOSE_WIFI)


async def test_a_person_sets_up_a_photon_from_start_to_finish(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    await sign_in(wizard)
    await connect(wizard, world)

    choose = page(wizard, ChooseWifiPage)
    current = choose.networks.currentItem()
    assert current is not None
    assert current.text(0) == HOME, "the computer's own network is pre-selected"
    click_next(wizard)
    await on_page(wizard, Page.PASSWORD)

    password = page(wizard, PasswordPage)
    password.password.setText("short")
    assert password.problem.isVisible()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    password.password.setText(HOME_PASSWORD)
    click_next(wizard)

    await on_page(wizard, Page.NAME)
    assert world.backend.current_ssid == HOME
    name = page(wizard, NamePage)
    assert name.name.text()
    name.name.setText("hall light")
    assert name.problem.isVisible()
    name.name.setText("hall_light")
    click_next(wizard)

    await on_page(wizard, Page.DONE)
    summary = page(wizard, DonePage).summary.text()
    assert "hall_light" in summary
    assert EMAIL in summary
    device = world.sim.cloud.device(world.sim.photons[0].device_id.lower())
    assert device is not None
    assert device.name == "hall_light"


async def press_enter(wizard: SetupWizard) -> None:
    target = QApplication.focusWidget() or wizard
    QTest.keyClick(target, Qt.Key.Key_Return)


async def test_the_whole_journey_works_from_the_keyboard(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    wizard.activateWindow()
    await press_enter(wizard)
    await on_page(wizard, Page.SIGN_IN)
    form = page(wizard, SignInPage)
    await until(lambda: not form.busy, "the kept sign-in was looked for")
    await until(lambda: QApplication.focusWidget() is form.email, "the e-mail field has focus")
    QTest.keyClicks(form.email, EMAIL)
    QTest.keyClick(form.email, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.password
    QTest.keyClicks(form.password, "analytical-engine")
    await press_enter(wizard)
    await on_page(wizard, Page.LISTENING)
    await press_enter(wizard)
    await on_page(wizard, Page.CONNECT)
    connect_page = page(wizard, ConnectPage)
    await until(lambda: connect_page.photons.count() == 1, "the Photon is listed")
    await until(lambda: connect_page.isComplete(), "the Photon is chosen")
    await press_enter(wizard)
    await on_page(wizard, Page.CHOOSE_WIFI)
    await press_enter(wizard)
    await on_page(wizard, Page.PASSWORD)
    password = page(wizard, PasswordPage)
    await until(lambda: QApplication.focusWidget() is password.password, "the field has focus")
    QTest.keyClicks(password.password, HOME_PASSWORD)
    await press_enter(wizard)
    await on_page(wizard, Page.NAME)
    await press_enter(wizard)
    await on_page(wizard, Page.DONE)
