"""The real path (a product profile, the Particle Cloud, joining by hand), aimed at the
simulator through the addresses a product maker could set: the same code a customer runs."""

from __future__ import annotations

from pathlib import Path

from flow_world import HOME, HOME_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from wizard_helpers import click_next, on_page, page, until

from setup_wizard.app import build_parser
from setup_wizard.flow import Page
from setup_wizard.gui.main_window import create_main_window
from setup_wizard.gui.pages.choose_wifi import ChooseWifiPage
from setup_wizard.gui.pages.connect import ConnectPage
from setup_wizard.gui.pages.password import PasswordPage
from setup_wizard.gui.pages.sign_in import SignInPage
from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.settings import settings_from_args
from setup_wizard.sim.simulation import Simulation


async def test_a_product_profile_sets_up_a_photon_joined_by_hand(tmp_path: Path) -> None:
    sim = await Simulation.start(devices=1, speed=200, seed=31)
    try:
        photon = sim.photons[0]
        profile = tmp_path / "profile.toml"
        profile.write_text(
            f"product = {sim.cloud.product.id}\n"
            f'client_id = "{sim.cloud.client.id}"\n'
            f'client_secret = "{sim.cloud.client.secret}"\n'
            'brand = "Acme Lights"\n'
            'support_url = "https://acme.example/help"\n',
            encoding="utf-8",
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
        settings = settings_from_args(args, environ={})
        assert not settings.simulate
        window = await create_main_window(settings)
        assert isinstance(window, SetupWizard)
        wizard = window
        wizard.show()
        try:
            assert "Acme Lights" in wizard.windowTitle()
            assert not wizard.simulation
            assert wizard.currentPage().findChild(QLabel, "simulationBadge") is None
            await until(lambda: wizard.ready, "the app got ready behind the Welcome page")
            click_next(wizard)
            await on_page(wizard, Page.SIGN_IN)
            form = page(wizard, SignInPage)
            await until(lambda: not form.busy, "the kept sign-in was looked for")
            form.email.setText("grace@example.com")
            form.password.setText("a-real-looking-password")
            click_next(wizard)
            await on_page(wizard, Page.LISTENING)
            click_next(wizard)
            await on_page(wizard, Page.CONNECT)
            connect = page(wizard, ConnectPage)
            assert connect.joined.isVisible(), "joining by hand offers 'I have joined it'"
            assert "join the network" in connect.instructions.text()
            await on_page(wizard, Page.CHOOSE_WIFI)  # the Photon answered at its address
            choose = page(wizard, ChooseWifiPage)
            home = choose.networks.findItems(HOME, Qt.MatchFlag.MatchExactly, 0)[0]
            choose.networks.setCurrentItem(home)  # nothing pre-selected: joined by hand
            click_next(wizard)
            await on_page(wizard, Page.PASSWORD)
            page(wizard, PasswordPage).password.setText(HOME_PASSWORD)
            click_next(wizard)
            await on_page(wizard, Page.NAME)
            click_next(wizard)
            await on_page(wizard, Page.DONE)
            owner = sim.cloud.customer("grace@example.com")
            assert owner is not None
            assert photon.device_id.lower() in owner.device_ids
        finally:
            wizard.reject()
            await until(lambda: not wizard.isVisible(), "the window closed")
            await wizard.shutdown()
            wizard.deleteLater()
    finally:
        await sim.stop()
