"""Bench mode in the wizard, driven as a support person would against the simulator with
two-step verification on: devices for customers in a row, each recorded in the ledger as it
happens, the ledger's own view and files, a customer who exists, a wrong two-step code."""

from __future__ import annotations

import csv
from pathlib import Path

from bench_helpers import (
    connect_to,
    enter_code,
    for_customer,
    name_it,
    next_device,
    send_wifi,
    set_up_device,
    sign_in_as_staff,
    staff_world,
)
from flow_world import HOME, HOME_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_wizard_start import close
from wizard_helpers import click_next, on_page, page, until

from setup_wizard.flow import Page
from setup_wizard.flow.ledger import Outcome
from setup_wizard.gui.main_window import create_main_window
from setup_wizard.gui.pages.done import DonePage
from setup_wizard.gui.pages.name import NamePage
from setup_wizard.gui.pages.password import PasswordPage
from setup_wizard.gui.pages.staff_sign_in import StaffSignInPage
from setup_wizard.gui.pages.two_step import TwoStepPage
from setup_wizard.gui.wizard import SetupWizard
from setup_wizard.secret import Password
from setup_wizard.settings import AppSettings


async def test_two_devices_for_two_customers_in_a_row(tmp_path: Path) -> None:
    async with staff_world(tmp_path, devices=2) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "first@example.com")
        first, second = w.sim.photons
        done = await set_up_device(wizard, first, password=HOME_PASSWORD, name="hall")
        assert "first@example.com" in done.summary.text()
        assert "device list" in done.summary.text(), "the owner was checked in the product"

        await next_device(wizard, "second@example.com")
        assert wizard.visitedIds() == [int(Page.LISTENING)], "a repeat starts at Listening"
        await connect_to(wizard, second)
        password = await send_wifi(wizard)  # pre-selected and pre-filled: nothing typed
        assert password.password.text() == HOME_PASSWORD
        done = await name_it(wizard, "porch")
        assert "second@example.com" in done.summary.text()

        ledger = w.ledger()
        rows = ledger.setups()
        assert [(r.customer, r.device_id, r.device_name, r.ssid, r.outcome) for r in rows] == [
            ("first@example.com", first.device_id.lower(), "hall", HOME, Outcome.ONLINE),
            ("second@example.com", second.device_id.lower(), "porch", HOME, Outcome.ONLINE),
        ]
        for row in rows:
            steps = [(s.stage, s.status) for s in ledger.steps(row.id)]
            assert steps[0] == ("claim-code", "done")
            for stage in ("join-photon", "read-device", "send-wifi", "connect", "cloud-online"):
                assert (stage, "done") in steps
            assert steps[-1] == ("name", "done")
            assert row.operator == w.sim.cloud.developer.username
            owner = w.sim.cloud.customer(row.customer)
            assert owner is not None
            assert row.device_id in owner.device_ids, "claimed for the customer"
        assert w.sim.cloud.customer(w.sim.cloud.developer.username) is None


async def test_devices_done_shows_the_ledger_exports_it_and_writes_a_handover_report(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=1) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "grace@example.com")
        await set_up_device(wizard, w.sim.photons[0], password=HOME_PASSWORD, name="lamp")

        w.files.save_to = {".csv": tmp_path / "out.csv", ".txt": tmp_path / "handover.txt"}
        view = wizard.show_devices_done()
        assert view.table.topLevelItemCount() == 1
        item = view.table.topLevelItem(0)
        shown = [item.text(column) for column in range(1, 6)]
        assert shown == [
            "grace@example.com",
            w.sim.photons[0].device_id.lower(),
            "lamp",
            HOME,
            "online",
        ]
        assert item.text(0).count(":") == 1, "a time of day"

        view.export_button.click()
        with (tmp_path / "out.csv").open(encoding="utf-8") as file:
            exported = list(csv.DictReader(file))
        assert [(r["customer"], r["device name"], r["outcome"]) for r in exported] == [
            ("grace@example.com", "lamp", "online")
        ]
        assert view.saved.isVisible()

        assert view.customer.currentText() == "grace@example.com"
        view.report_button.click()
        report = (tmp_path / "handover.txt").read_text(encoding="utf-8")
        assert "lamp" in report
        assert "1 of 1 online" in report

        view.folder_button.click()
        assert w.files.opened == [w.ledger_path.parent]
        view.close()


async def test_a_customer_who_already_exists_gets_the_device_on_their_own_account(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=1) as w:
        await w.world.new_flow().sign_in("known@example.com", Password("theirs-1234"), keep=False)
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "Known@Example.com")
        done = await set_up_device(wizard, w.sim.photons[0], password=HOME_PASSWORD)
        assert "known@example.com" in done.summary.text()
        owner = w.sim.cloud.customer("known@example.com")
        assert owner is not None
        assert w.sim.photons[0].device_id.lower() in owner.device_ids
        assert w.ledger().setups()[0].customer == "known@example.com"
        # Their own password still signs them in: the bench did not touch it.
        again = await w.world.new_flow().sign_in(
            "known@example.com", Password("theirs-1234"), keep=False
        )
        assert not again.created


async def test_a_wrong_two_step_code_says_so_and_the_right_one_then_works(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=1) as w:
        wizard = w.window(w.bench())
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
        two_step = page(wizard, TwoStepPage)
        assert two_step.hint.isVisible()
        assert "the code is now" in two_step.hint.text.text(), "the simulation says it"

        before = w.sim.cloud.requests_served
        wrong = "000000" if w.code() != "000000" else "111111"
        await enter_code(wizard, wrong)
        await until(lambda: two_step.error_panel.isVisible(), "the wrong code is said")
        assert "code is not right" in two_step.error_panel.text.text()
        assert wizard.currentId() == int(Page.TWO_STEP)
        assert not two_step._retry_button.isVisible(), "no automatic or one-click retry"
        assert w.sim.cloud.requests_served == before + 1, "the code was sent once"
        assert two_step.code.selectedText() == wrong, "ready to be typed over"

        await enter_code(wizard, w.code())
        await on_page(wizard, Page.PRODUCT)
        assert wizard.bench.staff.staff is not None


async def test_a_kept_staff_sign_in_is_offered_next_time_and_sign_out_removes_it(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=1) as w:
        wizard = w.window(w.bench())
        await until(lambda: wizard.ready, "the wizard is ready")
        click_next(wizard)
        await on_page(wizard, Page.STAFF_SIGN_IN)
        form = page(wizard, StaffSignInPage)
        await until(lambda: not form.busy, "the kept sign-in was looked for")
        developer = w.sim.cloud.developer
        form.username.setText(developer.username)
        form.password.setText(developer.password)
        form.keep.setChecked(True)
        click_next(wizard)
        await on_page(wizard, Page.TWO_STEP)
        await enter_code(wizard, w.code())
        await on_page(wizard, Page.PRODUCT)
        wizard.back()
        wizard.back()
        await on_page(wizard, Page.STAFF_SIGN_IN)
        assert form.signed_in.isVisible(), "Back shows who is signed in"
        wizard.close()
        await until(lambda: not wizard.isVisible(), "the window closed")

        again = w.window(w.bench(first=False))  # the next run, on the same computer
        await until(lambda: again.ready, "the wizard is ready")
        click_next(again)
        await on_page(again, Page.STAFF_SIGN_IN)
        kept = page(again, StaffSignInPage)
        await until(lambda: kept.signed_in.isVisible(), "the kept sign-in is offered")
        assert developer.username in kept.signed_in_text.text()
        assert "kept on this computer" in kept.signed_in_text.text()
        assert not kept.form.isVisible()
        kept.other_account.click()
        await until(lambda: kept.form.isVisible(), "the sign-in form is back")
        assert await w.staff_tokens.load("staff") is None, "sign-out removed it"


async def test_the_wifi_password_is_asked_once_per_network(tmp_path: Path) -> None:
    async with staff_world(tmp_path, devices=2) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "ada@example.com")
        await connect_to(wizard, w.sim.photons[0])
        click_next(wizard)
        await on_page(wizard, Page.PASSWORD)
        form = page(wizard, PasswordPage)
        await until(lambda: not form.busy, "the known password was looked for")
        assert form.password.text() == "", "not known yet"
        assert form.keep.isVisible()
        form.password.setText(HOME_PASSWORD)
        form.keep.setChecked(True)
        click_next(wizard)
        await name_it(wizard, None)
        assert await w.wifi_keyring.load(HOME) is not None, "kept in the keyring as asked"

        # The next run of the app on this computer finds it in the keyring.
        again = w.bench(first=False)
        assert await again.wifi_passwords.get(HOME) == w.wifi_keyring.kept[HOME]


async def test_skipping_the_name_records_the_device_online_and_enter_sets_up_the_next(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=2) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await for_customer(wizard, "quick@example.com")
        await connect_to(wizard, w.sim.photons[0])
        await send_wifi(wizard, HOME_PASSWORD)
        await on_page(wizard, Page.NAME)
        page(wizard, NamePage).skip.click()
        await on_page(wizard, Page.DONE)
        row = w.ledger().setups()[0]
        assert row.outcome is Outcome.ONLINE
        assert ("name", "done") not in [(s.stage, s.status) for s in w.ledger().steps(row.id)]

        wizard.activateWindow()
        done = page(wizard, DonePage)
        await until(lambda: done.next_button.hasFocus(), "the next device has the focus")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        await on_page(wizard, Page.LISTENING)
        assert wizard.isVisible(), "Enter did not close the bench"


async def test_the_app_started_as_a_bench_opens_on_the_staff_sign_in() -> None:
    window = await create_main_window(AppSettings(simulate=True, staff=True))
    assert isinstance(window, SetupWizard)
    wizard = window
    wizard.show()
    try:
        assert "Bench" in wizard.windowTitle()
        assert wizard.welcome.title() == "Set up Photons for customers"
        await until(lambda: wizard.ready, "the bench is ready behind the Welcome page")
        click_next(wizard)
        await on_page(wizard, Page.STAFF_SIGN_IN)
        form = page(wizard, StaffSignInPage)
        await until(lambda: form.hint.isVisible(), "the simulation says how to sign in")
        assert "developer@example.com" in form.hint.text.text()
    finally:
        await close(wizard)
