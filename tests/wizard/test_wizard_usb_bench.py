"""The bench's USB page in the wizard, driven as a support person would against three
simulated Photons on cables: three customers at once, one unplugged in the middle, and all
for one customer by keyboard followed by "Set up more"."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench_helpers import StaffWorld, sign_in_as_staff, staff_world, to_usb_bench
from flow_world import HOME, HOME_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWizard
from wizard_helpers import until

from setup_wizard.flow import Page, Stage
from setup_wizard.flow.batch import BatchDevice
from setup_wizard.flow.ledger import Outcome
from setup_wizard.gui.pages.usb_bench import CUSTOMER, PHOTON, PROGRESS, WIFI, UsbBenchPage
from setup_wizard.sim.photon import PTY_AVAILABLE, SimulatedPhoton

pytestmark = pytest.mark.skipif(not PTY_AVAILABLE, reason="no pseudo-terminals on this system")

CUSTOMERS = ["ada@example.com", "grace@example.com", "hedy@example.com"]


def row_of(bench: UsbBenchPage, photon: SimulatedPhoton) -> int:
    """The table row of ``photon``, found by its device ID as the person reads it."""
    for row in range(bench.table.rowCount()):
        if photon.device_id.lower() in bench.table.item(row, PHOTON).text():
            return row
    raise AssertionError(f"{photon.device_id} is not listed")


def progress(bench: UsbBenchPage, photon: SimulatedPhoton) -> str:
    return bench.table.item(row_of(bench, photon), PROGRESS).text()


async def ended(bench: UsbBenchPage) -> None:
    await until(lambda: bench.more_button.isVisible(), "every Photon's setup ended")


def owned_by(w: StaffWorld, customer: str) -> set[str]:
    owner = w.sim.cloud.customer(customer)
    return set(owner.device_ids) if owner is not None else set()


async def test_three_photons_on_cables_for_three_customers_end_online_at_once(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=3, usb=True) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        bench = await to_usb_bench(wizard, 3)
        photons = w.sim.photons
        await until(
            lambda: all(bench.table.item(r, WIFI).text() == HOME for r in range(3)),
            "the computer's own network is chosen for every Photon",
        )
        for photon, customer in zip(photons, CUSTOMERS, strict=True):
            bench.table.item(row_of(bench, photon), CUSTOMER).setText(customer)
        assert list(bench.passwords) == [HOME], "one password for the one network"
        assert not bench.start_button.isEnabled()
        assert HOME in bench.hint.text()
        bench.passwords[HOME].setText(HOME_PASSWORD)
        assert bench.start_button.isEnabled()

        bench.start_button.click()
        await until(lambda: bench.stop_button.isVisible(), "the Photons are being set up")
        await ended(bench)

        assert [progress(bench, p) for p in photons] == ["Online ✓"] * 3
        assert "3 of 3" in bench.summary.text.text()
        rows = w.ledger().setups()
        assert sorted((r.customer, r.device_id, r.outcome) for r in rows) == sorted(
            (customer, photon.device_id.lower(), Outcome.ONLINE)
            for customer, photon in zip(CUSTOMERS, photons, strict=True)
        )
        for customer, photon in zip(CUSTOMERS, photons, strict=True):
            assert photon.device_id.lower() in owned_by(w, customer), "claimed for its customer"
        assert w.world.backend.current_ssid == HOME


async def test_a_photon_unplugged_midway_shows_its_error_and_the_others_end_online(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=3, usb=True) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        bench = await to_usb_bench(wizard, 3)
        unplugged, *others = w.sim.photons
        for photon, customer in zip(w.sim.photons, CUSTOMERS, strict=True):
            bench.table.item(row_of(bench, photon), CUSTOMER).setText(customer)
        bench.passwords[HOME].setText(HOME_PASSWORD)
        cable = unplugged.usb_port

        def pull_the_cable(device: BatchDevice) -> None:
            if device.port == cable and device.stage is Stage.SEND_WIFI:
                unplugged.unplug_usb()

        assert bench.batch is not None
        bench.batch.subscribe(pull_the_cable)
        bench.start_button.click()
        await ended(bench)

        assert "USB connection was lost" in progress(bench, unplugged)
        assert [progress(bench, p) for p in others] == ["Online ✓"] * 2
        bench.table.setCurrentCell(row_of(bench, unplugged), PROGRESS)
        assert "USB connection was lost" in bench.details.text()
        assert "2 of 3" in bench.summary.text.text()
        assert "where they stopped" in bench.summary.text.text()

        ledger = w.ledger()
        (lost,) = [r for r in ledger.setups() if r.device_id == unplugged.device_id.lower()]
        assert lost.outcome is Outcome.FAILED
        assert lost.customer == CUSTOMERS[0]
        assert lost.error is not None
        assert "USB connection was lost" in lost.error
        steps = [(s.stage, s.status) for s in ledger.steps(lost.id)]
        assert steps[-1] == ("send-wifi", "failed"), "the ledger says where it stopped"
        for photon, customer in zip(others, CUSTOMERS[1:], strict=True):
            assert photon.device_id.lower() in owned_by(w, customer)
        assert not owned_by(w, CUSTOMERS[0])


async def test_one_customer_for_all_by_keyboard_one_row_changed_then_set_up_more(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=3, usb=True) as w:
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        bench = await to_usb_bench(wizard, 3)
        wizard.activateWindow()
        bench.all_customer.setFocus()
        QTest.keyClicks(bench.all_customer, "one@example.com")
        assert [bench.table.item(r, CUSTOMER).text() for r in range(3)] == ["one@example.com"] * 3
        first, second, third = w.sim.photons
        bench.table.setFocus()
        bench.table.setCurrentCell(row_of(bench, third), CUSTOMER)
        QTest.keyClick(bench.table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit), "F2 edits the customer's cell"
        editor.selectAll()
        QTest.keyClicks(editor, "other@example.com")
        QTest.keyClick(editor, Qt.Key.Key_Return)
        await until(
            lambda: bench.table.item(row_of(bench, third), CUSTOMER).text() == "other@example.com",
            "Enter ended the cell's editing",
        )
        assert bench.start_button.isVisible(), "Enter in a cell only ends its editing"

        field = bench.passwords[HOME]
        QTest.keyClicks(field, HOME_PASSWORD)
        QTest.keyClick(field, Qt.Key.Key_Return)  # Enter starts; it never presses Finish
        await ended(bench)
        assert wizard.isVisible()
        assert wizard.currentId() == int(Page.USB_BENCH)
        assert owned_by(w, "one@example.com") == {
            first.device_id.lower(),
            second.device_id.lower(),
        }
        assert owned_by(w, "other@example.com") == {third.device_id.lower()}

        again = second
        again.enter_listening_mode()  # its button held again: a Photon to set up
        QTest.keyClick(bench.more_button, Qt.Key.Key_Space)
        await until(lambda: bench.table.rowCount() == 1, "only the Photon waiting is listed")
        assert again.device_id.lower() in bench.table.item(0, PHOTON).text()
        assert bench.table.item(0, CUSTOMER).text() == "one@example.com"
        await until(
            lambda: HOME in bench.passwords and bench.passwords[HOME].text() == HOME_PASSWORD,
            "the network's password is filled in: the session knows it",
        )
        assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
