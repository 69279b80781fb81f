"""The wizard in German, from the committed catalogue, against the simulated world: page
titles, an error the network layer raised (with the Photon's network name in it), the
steps of the journey, a network's security and the device layer's check of a password.
Without a translation, the same window is English, word for word."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import qasync
from flow_world import HOME, flow_world
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWizard

from setup_wizard.flow import Page
from setup_wizard.gui.i18n import install_translations
from setup_wizard.gui.pages.choose_wifi import ChooseWifiPage
from setup_wizard.gui.pages.connect import ConnectPage
from setup_wizard.gui.pages.password import PasswordPage
from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.secret import Password


@dataclass(frozen=True)
class Words:
    lang: str | None
    titles: dict[Page, str]
    gone: str
    """The error for a Photon whose network went away, with ``{ssid}``."""
    step: str
    retry: str
    password_for: str
    """The password page's subtitle for a WPA2 network, with ``{ssid}``."""
    too_short: str
    """The device layer's word on a WPA password of fewer than 8 characters."""


ENGLISH = Words(
    None,
    {Page.WELCOME: "Set up your Photon", Page.CHOOSE_WIFI: "Choose your Wi-Fi"},
    "The simulated network “{ssid}” is not in range: its Photon is not in listening mode. "
    "Put it back in listening mode and try again.",
    "Send the Wi-Fi settings",
    "Try again",
    "Enter the password of “{ssid}” (WPA2 Personal).",
    "This Wi-Fi password is too short: WPA/WPA2 passwords have at least 8 characters. "
    "Check the password.",
)
GERMAN = Words(
    "de",
    {Page.WELCOME: "Photon einrichten", Page.CHOOSE_WIFI: "WLAN auswählen"},
    "Das simulierte Netzwerk „{ssid}“ ist nicht in Reichweite: Sein Photon ist nicht im "
    "Listening-Modus. Versetzen Sie ihn wieder in den Listening-Modus und versuchen Sie es "
    "erneut.",
    "WLAN-Einstellungen senden",
    "Erneut versuchen",
    "Geben Sie das Passwort von „{ssid}“ ein (WPA2-Personal).",
    "Dieses WLAN-Passwort ist zu kurz: WPA/WPA2-Passwörter haben mindestens 8 Zeichen. "
    "Prüfen Sie das Passwort.",
)


@pytest.fixture
def run(qapp: QApplication) -> Iterator[Callable[[Coroutine[Any, Any, None]], None]]:
    """Runs a coroutine on qasync's loop, the app's one loop for Qt and asyncio."""
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp)
    try:
        yield loop.run_until_complete
    finally:
        loop.close()
        qapp.setQuitOnLastWindowClosed(True)


async def until(condition: Callable[[], object], what: str, limit: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while not condition():
        assert loop.time() < deadline, f"timed out waiting until {what}"
        await asyncio.sleep(0.01)


def titles(wizard: QWizard) -> dict[Page, str]:
    return {Page(i): wizard.page(i).title() for i in wizard.pageIds()}


@pytest.mark.parametrize("words", [GERMAN, ENGLISH], ids=["German", "English"])
def test_the_wizard_speaks_the_installed_language(
    words: Words, tmp_path: Path, run: Callable[[Coroutine[Any, Any, None]], None]
) -> None:
    run(_journey(words, tmp_path))


async def _journey(words: Words, tmp_path: Path) -> None:
    async with flow_world(tmp_path) as world:
        await world.flow.sign_in("ada@example.com", Password("analytical-engine"), keep=False)
        untranslated = SetupWizard(world.flow, simulation=True)  # its pages follow the flow too
        english = titles(untranslated)
        installed = install_translations(words.lang) if words.lang else None
        wizard = SetupWizard(world.flow, simulation=True)
        try:
            shown = titles(wizard)
            assert {page: shown[page] for page in words.titles} == words.titles
            if words.lang is None:
                assert shown == english
            else:
                assert all(shown[page] != english[page] for page in shown), "every page"
            steps = wizard.page(int(Page.SENDING)).findChildren(QLabel)
            assert words.step in [label.text() for label in steps]

            wizard.restart_at(Page.CONNECT)
            wizard.show()
            connect = wizard.currentPage()
            assert isinstance(connect, ConnectPage)
            await until(lambda: connect.photons.count() == 1, "the Photon is listed")
            photon = world.sim.photons[0]
            await photon.stop()  # unplugged: its network is gone
            wizard.next()
            await until(connect.error_panel.isVisible, "the error is shown")
            assert connect.error_panel.text.text() == words.gone.format(ssid=photon.ssid)
            buttons = [b.text() for b in connect.error_panel.findChildren(QPushButton)]
            assert words.retry in buttons
        finally:
            await wizard.shutdown()
            wizard.deleteLater()
            untranslated.deleteLater()
            if installed is not None:
                installed.remove()


@pytest.mark.parametrize("words", [GERMAN, ENGLISH], ids=["German", "English"])
def test_the_password_page_says_what_is_wrong_in_the_installed_language(
    words: Words, tmp_path: Path, run: Callable[[Coroutine[Any, Any, None]], None]
) -> None:
    run(_too_short_password(words, tmp_path))


async def _too_short_password(words: Words, tmp_path: Path) -> None:
    async with flow_world(tmp_path) as world:
        await world.flow.sign_in("ada@example.com", Password("analytical-engine"), keep=False)
        installed = install_translations(words.lang) if words.lang else None
        wizard = SetupWizard(world.flow, simulation=True)
        try:
            wizard.restart_at(Page.CONNECT)
            wizard.show()
            connect = wizard.currentPage()
            assert isinstance(connect, ConnectPage)
            await until(lambda: connect.photons.count() == 1, "the Photon is listed")
            wizard.next()
            await until(lambda: wizard.currentId() == int(Page.CHOOSE_WIFI), "networks shown")
            choose = wizard.currentPage()
            assert isinstance(choose, ChooseWifiPage)
            await until(lambda: choose.choice() is not None, "a network is chosen")
            chosen = choose.choice()
            assert chosen is not None
            assert chosen.ssid == HOME, "the computer's own network is pre-selected"
            wizard.next()
            await until(lambda: wizard.currentId() == int(Page.PASSWORD), "the password page")
            page = wizard.currentPage()
            assert isinstance(page, PasswordPage)
            assert page.subTitle() == words.password_for.format(ssid=HOME)

            page.password.setText("short")
            assert page.problem.isVisibleTo(page)
            assert page.problem.text() == words.too_short
        finally:
            await wizard.shutdown()
            wizard.deleteLater()
            if installed is not None:
                installed.remove()
