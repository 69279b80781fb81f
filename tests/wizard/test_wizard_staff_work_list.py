"""A bench working through a work list (a CSV picked in a file dialog) and creating the
product's OAuth client, whose secret no widget ever shows."""

from __future__ import annotations

from pathlib import Path

from bench_helpers import (
    StaffWorld,
    connect_to,
    name_it,
    next_device,
    send_wifi,
    sign_in_as_staff,
    staff_world,
    texts_of,
)
from flow_world import HOME, HOME_PASSWORD
from wizard_helpers import click_next, on_page, page, until

from setup_wizard.flow import Page
from setup_wizard.flow.ledger import Outcome
from setup_wizard.gui.pages.customer import CustomerPage
from setup_wizard.gui.pages.done import DonePage
from setup_wizard.gui.pages.name import NamePage
from setup_wizard.gui.pages.product import ProductPage
from setup_wizard.gui.pages.staff_sign_in import StaffSignInPage
from setup_wizard.gui.pages.two_step import TwoStepPage
from setup_wizard.gui.wizard import SetupWizard

WORK_LIST = (
    "customer_email,device_name,wifi_ssid\n"
    f"a@example.com,kitchen,{HOME}\n"
    f"b@example.com,,{HOME}\n"
    f"c@example.com,attic,{HOME}\n"
)


def states(customer: CustomerPage) -> list[tuple[str, str]]:
    rows = customer.rows
    return [
        (rows.topLevelItem(i).text(1), rows.topLevelItem(i).text(4))
        for i in range(rows.topLevelItemCount())
    ]


async def test_a_work_list_of_three_rows_is_taken_in_turn(tmp_path: Path) -> None:
    async with staff_world(tmp_path, devices=3) as w:
        work = tmp_path / "work.csv"
        work.write_text(WORK_LIST, encoding="utf-8")
        w.files.work_list = work
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await on_page(wizard, Page.CUSTOMER)
        customer = page(wizard, CustomerPage)
        customer.import_button.click()
        assert states(customer) == [
            ("a@example.com", "next"),
            ("b@example.com", "to do"),
            ("c@example.com", "to do"),
        ]
        assert customer.email.text() == "a@example.com"
        assert not customer.email.isEnabled(), "the row says whom it is for"
        click_next(wizard)
        await on_page(wizard, Page.LISTENING)

        names = ["kitchen", None, "attic"]
        for index, (photon, name) in enumerate(zip(w.sim.photons, names, strict=True)):
            if index:
                await next_device(wizard)  # the work list's next row
            await connect_to(wizard, photon)
            await send_wifi(wizard, HOME_PASSWORD if index == 0 else None)
            await on_page(wizard, Page.NAME)
            naming = page(wizard, NamePage)
            if name is not None:
                assert naming.name.text() == name, "the row's name is proposed"
            done = await name_it(wizard, None)
        assert "of the work list are done" in done.work_state.text()

        rows = w.ledger().setups()
        assert [(r.customer, r.work_line, r.outcome) for r in rows] == [
            ("a@example.com", 2, Outcome.ONLINE),
            ("b@example.com", 3, Outcome.ONLINE),
            ("c@example.com", 4, Outcome.ONLINE),
        ]
        assert [r.device_name for r in rows][0::2] == ["kitchen", "attic"]
        assert rows[1].device_name, "a suggested name for the row without one"
        assert all(r.work_list == str(work) for r in rows)

        done.change_button.click()
        await on_page(wizard, Page.CUSTOMER)
        assert states(customer) == [
            ("a@example.com", "done"),
            ("b@example.com", "done"),
            ("c@example.com", "done"),
        ]
        assert customer.email.isEnabled(), "nothing left: typed in again"


async def test_a_work_list_with_mistakes_says_every_one_with_its_line(tmp_path: Path) -> None:
    async with staff_world(tmp_path, devices=1) as w:
        work = tmp_path / "work.csv"
        work.write_text("nobody,hall,Home\nb@example.com,bad name,\n", encoding="utf-8")
        w.files.work_list = work
        wizard = w.window(w.bench())
        await sign_in_as_staff(wizard, w)
        await on_page(wizard, Page.CUSTOMER)
        customer = page(wizard, CustomerPage)
        customer.import_button.click()
        message = customer.error_panel.text.text()
        assert customer.error_panel.isVisible()
        assert "Line 1" in message
        assert "Line 2" in message
        assert not customer.rows.isVisible()
        assert wizard.bench.work_list is None


async def test_a_new_clients_secret_is_kept_and_never_shown(tmp_path: Path) -> None:
    async with staff_world(tmp_path, devices=1, keep_client=False) as w:
        wizard = w.window(w.bench())
        await until(lambda: wizard.ready, "the wizard is ready")
        click_next(wizard)
        await on_page(wizard, Page.STAFF_SIGN_IN)
        form = page(wizard, StaffSignInPage)
        await until(lambda: not form.busy, "the kept sign-in was looked for")
        form.username.setText(w.sim.cloud.developer.username)
        form.password.setText(w.sim.cloud.developer.password)
        click_next(wizard)
        await on_page(wizard, Page.TWO_STEP)
        page(wizard, TwoStepPage).code.setText(w.code())
        click_next(wizard)
        await on_page(wizard, Page.PRODUCT)
        product = page(wizard, ProductPage)
        await until(lambda: product.client.count() > 0, "the clients are listed")
        assert "secret not on this computer" in product.client.itemText(0)
        assert product.client.currentIndex() == product.client.count() - 1, (
            "with no secret kept, creating a client is proposed"
        )
        assert product.new_name.isVisible()
        click_next(wizard)
        await on_page(wizard, Page.CUSTOMER)

        assert len(w.client_secrets.kept) == 1, "the new secret went to the keyring"
        (client_id, secret) = next(iter(w.client_secrets.kept.items()))
        assert client_id != w.sim.cloud.client.id
        await connect_to_customer_and_finish(wizard, w)
        revealed = secret.reveal()
        for shown in [*texts_of(wizard), *texts_of(wizard.show_devices_done())]:
            assert revealed not in shown
        assert revealed.encode() not in w.ledger_path.read_bytes()
        assert product.client.itemText(0).startswith("Photon Setup bench")


async def connect_to_customer_and_finish(wizard: SetupWizard, w: StaffWorld) -> None:
    customer = page(wizard, CustomerPage)
    customer.email.setText("new.client@example.com")
    click_next(wizard)
    await on_page(wizard, Page.LISTENING)
    await connect_to(wizard, w.sim.photons[0])
    await send_wifi(wizard, HOME_PASSWORD)
    done = await name_it(wizard, None)
    assert isinstance(done, DonePage)


async def test_a_clients_secret_typed_in_is_kept_when_asked_and_then_works(
    tmp_path: Path,
) -> None:
    async with staff_world(tmp_path, devices=1, keep_client=False) as w:
        wizard = w.window(w.bench())
        await until(lambda: wizard.ready, "the wizard is ready")
        click_next(wizard)
        await on_page(wizard, Page.STAFF_SIGN_IN)
        form = page(wizard, StaffSignInPage)
        await until(lambda: not form.busy, "the kept sign-in was looked for")
        form.username.setText(w.sim.cloud.developer.username)
        form.password.setText(w.sim.cloud.developer.password)
        click_next(wizard)
        await on_page(wizard, Page.TWO_STEP)
        page(wizard, TwoStepPage).code.setText(w.code())
        click_next(wizard)
        await on_page(wizard, Page.PRODUCT)
        product = page(wizard, ProductPage)
        await until(lambda: product.client.count() > 1 and not product.busy, "listed")
        product.client.setCurrentIndex(0)  # the product's client, its secret not kept here
        assert product.secret.isVisible()
        assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
        product.secret.setText(w.sim.cloud.client.secret)
        assert product.keep_secret.isChecked()
        click_next(wizard)
        await on_page(wizard, Page.CUSTOMER)
        assert w.client_secrets.kept[w.sim.cloud.client.id].reveal() == w.sim.cloud.client.secret
        assert product.secret.text() == "", "not left in the field"
        await connect_to_customer_and_finish(wizard, w)
