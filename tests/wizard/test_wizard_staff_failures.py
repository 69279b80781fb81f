"""Bench mode when things go wrong or get interrupted: a wrong Wi-Fi password on the second
device, a crash in the middle of a device and its resume in a new window, Cancel during a
device and after an error, a quarantined device."""

from __future__ import annotations

from pathlib import Path

from bench_helpers import (
    connect_to,
    for_customer,
    name_it,
    next_device,
    send_wifi,
    set_up_device,
    sign_in_as_staff,
    staff_world,
)
from flow_world import HOME, HOME_PASSWORD
from PySide6.QtWidgets import QWizard
from wizard_helpers import click_next, on_page, page, until

from setup_wizard.flow import Page
from setup_wizard.flow.ledger import Outcome, ResumeAt
from setup_wizard.gui.pages.choose_wifi import ChooseWifiPage
from setup_wizard.gui.pages.password import PasswordPage
from setup_wizard.gui.pages.resume import ResumePage
from setup_wizard.gui.pages.waiting import WaitingPage
from setup_wizard.gui.wizard import SetupWizard


def shown_error(wizard: SetupWizard) -> str:
    current = wizard.currentPage()
    panel = getattr(current, "error_panel", None)
    return panel.text.text() if panel is not None and panel.isVisible() else ""


async def test_a_wrong_wifi_password_on_the_second_device_goes_back_to_the_networks(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=2) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "one@example.com")
        first, second = w.sim.photons
        await set_up_device(wizard, first, password=HOME_PASSWORD)
        await next_device(wizard, "two@example.com")
        await connect_to(wizard, second)
        await send_wifi(wizard, "not the password at all")

        await on_page(wizard, Page.WAITING)
        await on_page(wizard, Page.CHOOSE_WIFI)
        notice = page(wizard, ChooseWifiPage).notice
        assert "password was probably wrong" in notice.text.text()
        form = await send_wifi(wizard)  # the remembered one, not the wrong one
        assert form.password.text() == HOME_PASSWORD
        await name_it(wizard, "porch")

        rows = w.ledger().setups()
        assert [(r.customer, r.outcome) for r in rows] == [
            ("one@example.com", Outcome.ONLINE),
            ("two@example.com", Outcome.ONLINE),
        ]
        steps = [(s.stage, s.status) for s in w.ledger().steps(rows[1].id)]
        assert steps.count(("send-wifi", "done")) == 2, "sent twice, both recorded"
        assert steps[-1] == ("name", "done")
        assert rows[1].device_id == second.device_id.lower()


async def test_a_crash_in_the_middle_of_the_second_device_is_resumed_in_a_new_window(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=2) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "one@example.com")
        first, second = w.sim.photons
        await set_up_device(wizard, first, password=HOME_PASSWORD, name="hall")
        await next_device(wizard, "two@example.com")
        await connect_to(wizard, second)
        await send_wifi(wizard)
        await on_page(wizard, Page.WAITING)  # "connect" was sent; the app dies now
        wizard.close()
        await until(lambda: not wizard.isVisible(), "the window closed")
        assert w.world.backend.current_ssid == HOME, "the Wi-Fi is back all the same"

        in_progress = w.ledger().unfinished()
        assert in_progress is not None
        assert in_progress.customer == "two@example.com"
        assert in_progress.resume_at is ResumeAt.CLOUD
        steps_before = len(w.ledger().steps(in_progress.id))

        again = w.window(w.bench(first=False))  # the app started again
        await sign_in_as_staff(again, w)
        await on_page(again, Page.RESUME)
        resume = page(again, ResumePage)
        assert resume.resume.isChecked()
        assert "two@example.com" in resume.resume.text()
        assert "Waiting for the cloud" in resume.resume.text()
        click_next(again)
        await on_page(again, Page.WAITING)
        assert not again.button(QWizard.WizardButton.BackButton).isEnabled(), "decided"
        done = await name_it(again, "porch")
        assert "two@example.com" in done.summary.text()

        ledger = w.ledger()
        rows = ledger.setups()
        assert [(r.customer, r.device_id, r.device_name, r.outcome) for r in rows] == [
            ("one@example.com", first.device_id.lower(), "hall", Outcome.ONLINE),
            ("two@example.com", second.device_id.lower(), "porch", Outcome.ONLINE),
        ], "one row per device: the resumed one was not started again"
        steps = ledger.steps(rows[1].id)
        assert len(steps) > steps_before, "the steps before the crash are kept"
        assert (steps[-2].stage, steps[-2].status) == ("cloud-online", "done")
        assert ledger.unfinished() is None


async def test_a_device_in_progress_can_be_marked_abandoned_instead(tmp_path: Path) -> None:
    async with staff_world(tmp_path, devices=1) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "left@example.com")
        wizard.close()  # closed at "Listening mode": the device stays in progress
        await until(lambda: not wizard.isVisible(), "the window closed")

        again = w.window(w.bench(first=False))
        await sign_in_as_staff(again, w)
        await on_page(again, Page.RESUME)
        resume = page(again, ResumePage)
        assert "Listening mode" in resume.resume.text()
        resume.abandon.setChecked(True)
        click_next(again)
        await on_page(again, Page.CUSTOMER)
        row = w.ledger().setups()[0]
        assert row.outcome is Outcome.CANCELLED
        assert row.error is not None
        assert "abandoned" in row.error


async def test_cancel_during_a_device_records_it_cancelled(tmp_path: Path) -> None:
    async with staff_world(tmp_path, devices=1) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "gone@example.com")
        await connect_to(wizard, w.sim.photons[0])
        wizard.button(QWizard.WizardButton.CancelButton).click()
        await until(lambda: not wizard.isVisible(), "the window closed")
        assert w.world.backend.current_ssid == HOME
        row = w.ledger().setups()[0]
        assert row.outcome is Outcome.CANCELLED
        assert row.device_id == w.sim.photons[0].device_id.lower()
        assert w.ledger().unfinished() is None, "nothing to resume: it was cancelled"


async def test_a_quarantined_device_is_reported_and_giving_up_records_it_failed(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=1, quarantine=True) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "held@example.com")
        await connect_to(wizard, w.sim.photons[0])
        await send_wifi(wizard, HOME_PASSWORD)
        await on_page(wizard, Page.WAITING)
        await until(lambda: shown_error(wizard), "an error is shown")
        assert "quarantine" in shown_error(wizard)
        waiting = page(wizard, WaitingPage)
        assert waiting.start_over.isVisible()

        waiting.start_over.click()  # give up on it: the next Photon, same customer
        await on_page(wizard, Page.LISTENING)
        rows = w.ledger().setups()
        assert [(r.customer, r.outcome) for r in rows] == [
            ("held@example.com", Outcome.FAILED),
            ("held@example.com", Outcome.IN_PROGRESS),
        ]
        assert rows[0].error is not None
        assert "quarantine" in rows[0].error

        wizard.button(QWizard.WizardButton.CancelButton).click()
        await until(lambda: not wizard.isVisible(), "the window closed")
        assert w.ledger().setups()[1].outcome is Outcome.CANCELLED


async def test_cancel_after_an_error_records_the_device_failed_with_it(tmp_path: Path) -> None:
    async with staff_world(tmp_path, devices=1) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "fail@example.com")
        await connect_to(wizard, w.sim.photons[0])
        choose = page(wizard, ChooseWifiPage)
        choose.hidden.setChecked(True)
        choose.ssid.setText("Neighbours Hidden")
        click_next(wizard)
        await on_page(wizard, Page.PASSWORD)
        form = page(wizard, PasswordPage)
        await until(lambda: not form.busy, "the known password was looked for")
        form.password.setText("whatever-it-is")
        click_next(wizard)
        await until(lambda: shown_error(wizard), "an error is shown")
        message = shown_error(wizard)
        wizard.button(QWizard.WizardButton.CancelButton).click()
        await until(lambda: not wizard.isVisible(), "the window closed")
        row = w.ledger().setups()[0]
        assert row.outcome is Outcome.FAILED
        assert row.error == message


async def test_a_resumed_device_that_fails_starts_over_at_listening_mode(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=1, quarantine=True) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "held@example.com")
        await connect_to(wizard, w.sim.photons[0])
        await send_wifi(wizard, HOME_PASSWORD)
        await on_page(wizard, Page.WAITING)
        wizard.close()
        await until(lambda: not wizard.isVisible(), "the window closed")

        again = w.window(w.bench(first=False))
        await sign_in_as_staff(again, w)
        await on_page(again, Page.RESUME)
        click_next(again)
        await on_page(again, Page.WAITING)
        await until(lambda: shown_error(again), "an error is shown")
        assert "quarantine" in shown_error(again)
        page(again, WaitingPage).start_over.click()
        await on_page(again, Page.LISTENING)  # never shown in this window before
        rows = w.ledger().setups()
        assert [r.outcome for r in rows] == [Outcome.FAILED, Outcome.IN_PROGRESS]


async def test_back_to_the_customer_to_change_it_cancels_the_device_not_begun(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=1) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "typo@exmaple.com")
        wizard.back()
        await on_page(wizard, Page.CUSTOMER)
        click_next(wizard)  # unchanged: the same device goes on, nothing new recorded
        await on_page(wizard, Page.LISTENING)
        assert len(w.ledger().setups()) == 1
        wizard.back()
        await for_customer(wizard, "right@example.com")
        rows = w.ledger().setups()
        assert [(r.customer, r.outcome) for r in rows] == [
            ("typo@exmaple.com", Outcome.CANCELLED),
            ("right@example.com", Outcome.IN_PROGRESS),
        ]
