"""The wizard's sign-in pages never send a sign-in or a code by themselves: not after an
error, not when the person goes Back and Next again, not when a page shows again. Only the
person's Next sends, once. Counted in the simulated cloud's request log."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from bench_helpers import enter_code, staff_world
from flow_world import FlowWorld, flow_world
from PySide6.QtWidgets import QWizard
from signin_faults import (
    CODE_GRANT,
    PASSWORD_GRANT,
    TokenFault,
    cloud_client,
    http_client,
    token_faults,
)
from wizard_helpers import click_next, on_page, page, until

from setup_wizard.flow import Page
from setup_wizard.gui.pages.base import FlowPage
from setup_wizard.gui.pages.sign_in import SignInPage
from setup_wizard.gui.pages.staff_sign_in import StaffSignInPage
from setup_wizard.gui.pages.two_step import TwoStepPage
from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.secret import Password

EMAIL = "ada@example.com"
PASSWORD = "analytical-engine"


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[FlowWorld]:
    """A customer who exists already (so signing in is a token request), and a flow whose
    cloud client waits at most a second for an answer."""
    async with flow_world(tmp_path) as world, http_client(world.sim.cloud.url) as http:
        world.flow.services.cloud = cloud_client(http)
        await world.new_flow().sign_in(EMAIL, Password(PASSWORD), keep=False)
        yield world


@pytest.fixture
async def wizard(world: FlowWorld) -> AsyncIterator[SetupWizard]:
    window = SetupWizard(world.flow, simulation=True)
    window.show()
    yield window
    await window.shutdown()
    window.hide()
    window.deleteLater()


def back(wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.BackButton)
    assert button.isEnabled(), f"Back is disabled on {Page(wizard.currentId()).name}"
    button.click()


async def settled(wizard: SetupWizard, kind: type[FlowPage]) -> FlowPage:
    """The page, once it has done what it does by itself on showing (e.g. look for a kept
    sign-in, which needs no network)."""
    shown = page(wizard, kind)
    await until(lambda: not shown.busy, f"{kind.__name__} is idle")
    return shown


async def error_on(shown: FlowPage) -> str:
    await until(lambda: shown.error_panel.isVisible() and not shown.busy, "an error is shown")
    assert not shown._retry_button.isVisible(), "no 'Try again' for a sign-in"
    return shown.error_panel.text.text()


async def to_the_sign_in_page(wizard: SetupWizard) -> SignInPage:
    await until(lambda: wizard.ready, "the wizard is ready")
    click_next(wizard)
    await on_page(wizard, Page.SIGN_IN)
    form = await settled(wizard, SignInPage)
    assert isinstance(form, SignInPage)
    return form


async def test_a_refused_password_is_sent_once_and_back_and_next_send_nothing(
    wizard: SetupWizard, world: FlowWorld
) -> None:
    cloud = world.sim.cloud
    form = await to_the_sign_in_page(wizard)
    form.email.setText(EMAIL)
    form.password.setText("difference-engine")
    click_next(wizard)
    assert "password is not right" in await error_on(form)
    assert cloud.token_requests() == 1

    back(wizard)
    await on_page(wizard, Page.WELCOME)
    click_next(wizard)
    await on_page(wizard, Page.SIGN_IN)
    await settled(wizard, SignInPage)
    assert cloud.token_requests() == 1, "showing the page again sent nothing"
    assert form.password.text() == "difference-engine", "what the person typed is still there"

    click_next(wizard)  # the person's second submission
    await error_on(form)
    assert cloud.token_requests() == 2


@pytest.mark.parametrize("fault", token_faults())
async def test_a_sign_in_the_cloud_fails_is_not_sent_again_by_the_page(
    wizard: SetupWizard, world: FlowWorld, fault: TokenFault
) -> None:
    cloud = world.sim.cloud
    form = await to_the_sign_in_page(wizard)
    form.email.setText(EMAIL)
    form.password.setText(PASSWORD)
    fault.inject(cloud)
    click_next(wizard)
    await error_on(form)
    assert cloud.token_requests() == 1
    assert wizard.currentId() == int(Page.SIGN_IN)

    click_next(wizard)  # the person tries again, and the cloud answers this time
    await on_page(wizard, Page.LISTENING)
    assert cloud.token_requests() == 2


# -- the bench: the staff member's sign-in and the two-step code -------------------------------


async def to_the_staff_sign_in(wizard: SetupWizard) -> StaffSignInPage:
    await until(lambda: wizard.ready, "the wizard is ready")
    click_next(wizard)
    await on_page(wizard, Page.STAFF_SIGN_IN)
    form = await settled(wizard, StaffSignInPage)
    assert isinstance(form, StaffSignInPage)
    return form


async def test_a_refused_staff_password_is_sent_once(tmp_path: Path) -> None:
    async with staff_world(tmp_path, devices=0) as bench:
        wizard = bench.window(bench.bench())
        cloud = bench.sim.cloud
        form = await to_the_staff_sign_in(wizard)
        form.username.setText(cloud.developer.username)
        form.password.setText("not-my-password-1")
        click_next(wizard)
        assert "password is not right" in await error_on(form)
        assert cloud.token_requests() == 1

        back(wizard)
        await on_page(wizard, Page.WELCOME)
        click_next(wizard)
        await on_page(wizard, Page.STAFF_SIGN_IN)
        await settled(wizard, StaffSignInPage)
        assert cloud.token_requests() == 1, "showing the page again sent nothing"


async def test_going_back_from_the_code_sends_nothing_and_asks_for_the_password_again(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=0) as bench:
        wizard = bench.window(bench.bench())
        cloud = bench.sim.cloud
        form = await to_the_staff_sign_in(wizard)
        form.username.setText(cloud.developer.username)
        form.password.setText(cloud.developer.password)
        click_next(wizard)
        await on_page(wizard, Page.TWO_STEP)
        two_step = await settled(wizard, TwoStepPage)
        assert cloud.token_requests(PASSWORD_GRANT) == 1

        wrong = "000000" if bench.code() != "000000" else "111111"
        await enter_code(wizard, wrong)
        await error_on(two_step)
        assert cloud.token_requests(CODE_GRANT) == 1

        back(wizard)
        await on_page(wizard, Page.STAFF_SIGN_IN)
        await settled(wizard, StaffSignInPage)
        assert form.password.text() == "", "the password is not kept to be sent again"
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        assert cloud.token_requests() == 2, "one password, one code: nothing more"

        form.password.setText(cloud.developer.password)  # the person signs in again
        click_next(wizard)
        await on_page(wizard, Page.TWO_STEP)
        await enter_code(wizard, bench.code())
        await on_page(wizard, Page.PRODUCT)
        assert cloud.token_requests(PASSWORD_GRANT) == 2
        assert cloud.token_requests(CODE_GRANT) == 2
