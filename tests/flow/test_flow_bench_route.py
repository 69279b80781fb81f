"""The bench's way through the wizard's pages, headless (the wizard asks :class:`BenchRoute`
for each next page), and the small flow pieces the bench's pages rely on."""

from __future__ import annotations

from pathlib import Path

import pytest
from flow_world import HOME, HOME_PASSWORD
from test_flow_bench import make_bench_world, set_up, sign_in_and_choose

from setup_wizard.flow import Page, WifiChoice
from setup_wizard.flow.bench import Job, WifiPasswords
from setup_wizard.flow.ledger import Outcome
from setup_wizard.flow.pages import BenchRoute
from setup_wizard.flow.secret_store import MemorySecretStore
from setup_wizard.secret import WifiPassword


def customer_route(page: Page) -> Page | None:
    """The device pages' own order, as the flow gives it (an encrypted network here)."""
    return {Page.CHOOSE_WIFI: Page.PASSWORD, Page.DONE: None}.get(page, Page(page + 1))


def walk(route: BenchRoute, start: Page = Page.WELCOME) -> list[Page]:
    pages, page = [start], start
    while (following := route.next_page(page, customer_route)) is not None:
        pages.append(following)
        page = following
    return pages


DEVICE_PAGES = [
    Page.LISTENING,
    Page.CONNECT,
    Page.CHOOSE_WIFI,
    Page.PASSWORD,
    Page.SENDING,
    Page.WAITING,
    Page.NAME,
    Page.DONE,
]


def test_a_bench_signs_in_as_staff_picks_the_product_and_the_customer_first() -> None:
    assert walk(BenchRoute()) == [
        Page.WELCOME,
        Page.STAFF_SIGN_IN,
        Page.PRODUCT,
        Page.CUSTOMER,
        *DEVICE_PAGES,
    ]


def test_the_two_step_page_comes_only_when_the_cloud_asks_for_the_code() -> None:
    pages = walk(BenchRoute(code_needed=True))
    assert pages[:4] == [Page.WELCOME, Page.STAFF_SIGN_IN, Page.TWO_STEP, Page.PRODUCT]


@pytest.mark.parametrize(
    ("resume_at", "then"),
    [
        (None, [Page.CUSTOMER, *DEVICE_PAGES]),
        (Page.LISTENING, DEVICE_PAGES),
        (Page.WAITING, [Page.WAITING, Page.NAME, Page.DONE]),
        (Page.NAME, [Page.NAME, Page.DONE]),
    ],
)
def test_a_device_left_in_progress_is_offered_after_the_product(
    resume_at: Page | None, then: list[Page]
) -> None:
    offered = walk(BenchRoute(resume_offered=True, resume_at=resume_at))
    assert offered[:4] == [Page.WELCOME, Page.STAFF_SIGN_IN, Page.PRODUCT, Page.RESUME]
    assert offered[4:] == then


def test_set_up_next_device_needs_no_page_but_the_devices() -> None:
    assert walk(BenchRoute(), start=Page.LISTENING) == DEVICE_PAGES


def test_customer_mode_page_ids_and_order_are_unchanged() -> None:
    assert [p.name for p in Page][:10] == [
        "WELCOME",
        "SIGN_IN",
        "LISTENING",
        "CONNECT",
        "CHOOSE_WIFI",
        "PASSWORD",
        "SENDING",
        "WAITING",
        "NAME",
        "DONE",
    ]
    assert [int(p) for p in Page][:10] == list(range(10))


async def test_a_device_in_progress_can_be_abandoned_and_is_then_not_offered(
    tmp_path: Path,
) -> None:
    async for w in make_bench_world(tmp_path, devices=1):
        await sign_in_and_choose(w)
        await w.bench.start(Job("left@example.com", HOME))
        again = w.restart()
        row = again.ledger.unfinished()
        assert row is not None
        again.abandon(row)
        assert again.ledger.unfinished() is None
        ended = again.ledger.setup(row.id)
        assert ended.outcome is Outcome.CANCELLED
        assert ended.error is not None
        assert "abandoned" in ended.error
        with pytest.raises(ValueError, match="in progress"):
            again.abandon(ended)
        again.ledger.close()


async def test_the_ledger_has_the_typed_name_when_the_job_had_none(tmp_path: Path) -> None:
    async for w in make_bench_world(tmp_path, devices=1):
        await sign_in_and_choose(w)
        await w.bench.start(Job("named@example.com", HOME))
        await set_up(w.bench, w.sim.photons[0])
        await w.bench.flow.name_device("garden")
        assert w.ledger.setups()[0].device_name == "garden", "recorded as the stage ended"


async def test_the_jobs_network_is_preselected_over_the_computers_own(tmp_path: Path) -> None:
    async for w in make_bench_world(tmp_path, devices=1):
        await sign_in_and_choose(w)
        await w.bench.start(Job("pre@example.com", HOME))
        flow = w.bench.flow
        await flow.connect_photon(w.sim.photons[0].ssid)
        other = next(n for n in flow.state.networks if n.ssid != HOME)
        assert flow.preselected() is not None
        assert flow.preselected(other.ssid) == other
        assert flow.preselected("Not Seen Here") == flow.preselected()
        flow.choose_network(WifiChoice.scanned(other))
        assert flow.preselected(HOME) == other, "a choice made on this device comes first"
        await flow.leave_photon()


async def test_wifi_passwords_can_be_kept_only_with_a_keyring() -> None:
    assert not WifiPasswords().can_keep
    keyring: MemorySecretStore[WifiPassword] = MemorySecretStore()
    assert WifiPasswords(keyring).can_keep
    await WifiPasswords(keyring).put(HOME, WifiPassword(HOME_PASSWORD), keep=True)
    assert keyring.kept[HOME] == WifiPassword(HOME_PASSWORD)
