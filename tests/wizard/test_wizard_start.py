"""The window opens before the app is ready: Welcome at once, Next once the world is built,
and a world that cannot start said on Welcome with what to do, not a crash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest
from PySide6.QtWidgets import QPushButton, QWizard
from wizard_helpers import click_next, on_page, until

from setup_wizard.app import build_parser
from setup_wizard.flow import Page
from setup_wizard.gui.main_window import create_main_window
from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.profile import KEYRING_SERVICE, keyring_username
from setup_wizard.settings import AppSettings, settings_from_args
from setup_wizard.sim.simulation import Simulation


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The OS keyring of these tests: a dictionary."""

    priority = 1.0

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


async def close(wizard: SetupWizard) -> None:
    wizard.reject()
    await until(lambda: not wizard.isVisible(), "the window closed")
    await wizard.shutdown()
    wizard.deleteLater()


async def test_welcome_shows_at_once_and_next_waits_until_the_app_is_ready() -> None:
    window = await create_main_window(AppSettings(simulate=True))
    assert isinstance(window, SetupWizard)
    wizard = window
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    wizard.show()
    try:
        assert wizard.currentId() == int(Page.WELCOME)
        assert not next_button.isEnabled(), "Next waits while the app gets ready"
        assert wizard.welcome.busy_row.isVisible()
        assert wizard.welcome.busy_row.text.text() == "Getting ready…"
        await until(next_button.isEnabled, "Next is enabled once the app is ready")
        assert not wizard.welcome.busy_row.isVisible()
        assert "leaves your Wi-Fi" in wizard.welcome.how.text(), "the Photon link is known now"
        click_next(wizard)
        await on_page(wizard, Page.SIGN_IN)
    finally:
        await close(wizard)


async def test_a_client_secret_missing_from_the_keyring_is_said_on_welcome_then_try_again(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    sim = await Simulation.start(devices=1, speed=200, seed=41)
    try:
        photon = sim.photons[0]
        client_id = sim.cloud.client.id
        profile = tmp_path / "profile.toml"
        profile.write_text(  # the secret is meant to be in the keyring
            f'product = {sim.cloud.product.id}\nclient_id = "{client_id}"\n', encoding="utf-8"
        )
        args = build_parser().parse_args(
            [
                "--product-profile", str(profile),
                "--api-url", sim.cloud.url,
                "--device-host", photon.host,
                "--device-tcp-port", str(photon.tcp_port),
                "--device-http-port", str(photon.http_port),
                "--wifi", "manual",
            ]
        )  # fmt: skip
        settings = settings_from_args(args, environ={})  # no keyring read yet
        window = await create_main_window(settings)
        assert isinstance(window, SetupWizard)
        wizard = window
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        wizard.show()
        try:
            panel = wizard.welcome.error_panel
            await until(panel.isVisible, "Welcome says what is wrong")
            message = panel.text.text()
            assert str(profile) in message
            assert f"keyring set {KEYRING_SERVICE} {keyring_username(client_id)}" in message
            assert not next_button.isEnabled()

            memory_keyring.set_password(
                KEYRING_SERVICE, keyring_username(client_id), sim.cloud.client.secret
            )
            retry = next(b for b in panel.findChildren(QPushButton) if b.text() == "Try again")
            assert retry.isVisible()
            retry.click()
            await until(next_button.isEnabled, "Next is enabled once the secret is found")
            assert not panel.isVisible()
        finally:
            await close(wizard)
    finally:
        await sim.stop()
