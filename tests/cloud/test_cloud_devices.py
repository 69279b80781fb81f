"""Claim codes, the customer's devices, renaming, and the event stream."""

from __future__ import annotations

import asyncio
import secrets
from datetime import UTC, datetime, timedelta

import pytest
from cloud_support import Answers, Customer, LeakGuard, MakeCloud, RecordingSleep, new_email

from setup_wizard.cloud import (
    ClientCredentials,
    CloudClient,
    DeviceDenied,
    DeviceQuarantined,
    DeviceStatus,
    NotAllowed,
    NotFound,
    TeamAccess,
    TokenGrant,
)
from setup_wizard.secret import ClaimCode, Token
from setup_wizard.sim.cloud import SimulatedCloud
from setup_wizard.sim.link import Handshake

EVENTS_ONLY = 3600.0
"""A ``status_recheck`` so long that, within a test's timeout, only the first look-up or an
event can end a wait."""


def handshake(device_id: str, code: ClaimCode | None) -> Handshake:
    return Handshake(
        device_id=device_id,
        platform_id=6,
        claim_code=code.reveal() if code is not None else None,
        ssid="Home",
    )


async def claimed_device(sim: SimulatedCloud, cloud: CloudClient, token: Token) -> str:
    """A new device, online and owned by the customer whose ``token`` this is."""
    code = (await cloud.create_claim_code(token, sim.product.id)).claim_code
    device_id = secrets.token_hex(12)
    assert await sim.device_online(handshake(device_id, code))
    return device_id


async def test_claimed_device_shows_up_online_and_can_be_renamed(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer
) -> None:
    token = customer.grant.access_token
    grant = await cloud.create_claim_code(token, sim.product.id)
    assert isinstance(grant.claim_code, ClaimCode)
    assert grant.device_ids == ()
    assert await cloud.list_devices(token) == []

    device_id = secrets.token_hex(12)
    await sim.device_online(handshake(device_id, grant.claim_code))

    devices = await cloud.list_devices(token)
    assert [d.id for d in devices] == [device_id]
    device = await cloud.get_device(token, device_id.upper())
    assert device.online
    assert device.platform_id == 6
    assert device.product_id == sim.product.id

    renamed = await cloud.rename_device(token, device_id, "kitchen-sensor")
    assert renamed.name == "kitchen-sensor"
    assert (await cloud.get_device(token, device_id)).name == "kitchen-sensor"

    again = await cloud.create_claim_code(token, sim.product.id)
    assert again.device_ids == (device_id,)


async def test_a_claim_code_shows_its_one_hour_window_from_issue(
    sim: SimulatedCloud, make_cloud: MakeCloud, customer: Customer
) -> None:
    issued = 1_750_000_000.0
    cloud = make_cloud(now=lambda: issued)
    grant = await cloud.create_claim_code(customer.grant.access_token, sim.product.id)
    assert grant.issued_at == datetime.fromtimestamp(issued, UTC)
    assert grant.expires_at == grant.issued_at + timedelta(hours=1)


async def test_an_unknown_device_is_not_found(
    cloud: CloudClient, customer: Customer, leaks: LeakGuard
) -> None:
    leaks.watch(customer.grant)
    with pytest.raises(NotFound) as caught:
        await cloud.get_device(customer.grant.access_token, secrets.token_hex(12))
    leaks.error(caught.value)
    assert "device" in str(caught.value)


async def test_the_owners_event_stream_shows_the_device_leave_and_come_back(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer
) -> None:
    token = customer.grant.access_token
    device_id = await claimed_device(sim, cloud, token)
    seen = []
    async with asyncio.timeout(10), cloud.events(token) as stream:
        await sim.wait_for_event_streams(count=1)
        await sim.device_offline(device_id)
        async for event in stream:
            if event.name == "spark/status" and event.device_id == device_id:
                seen.append(event)
                if len(seen) == 2:
                    break
                await sim.device_online(handshake(device_id, None))
    assert [e.data for e in seen] == ["offline", "online"]
    assert all(e.published_at is not None for e in seen)


async def test_waiting_sees_a_new_device_online_though_it_announced_itself_before_the_claim(
    sim: SimulatedCloud, make_cloud: MakeCloud, customer: Customer, answers: Answers
) -> None:
    # The cloud publishes "online" while the device is nobody's yet, so the customer's
    # stream never shows it: only looking the device up again can see it arrive.
    cloud = make_cloud(status_recheck=0.05)
    token = customer.grant.access_token
    code = (await cloud.create_claim_code(token, sim.product.id)).claim_code
    device_id = secrets.token_hex(12)
    async with asyncio.timeout(10), asyncio.TaskGroup() as tasks:
        tasks.create_task(cloud.wait_for_status(token, device_id))
        await sim.wait_for_event_streams(count=1)
        await answers.wait(f"/v1/devices/{device_id}")  # not the customer's yet
        assert await sim.device_online(handshake(device_id, code))  # online, then claimed
    assert (await cloud.get_device(token, device_id)).online


async def test_waiting_returns_at_once_for_a_device_already_online(
    sim: SimulatedCloud, make_cloud: MakeCloud, customer: Customer
) -> None:
    cloud = make_cloud(status_recheck=EVENTS_ONLY)
    token = customer.grant.access_token
    device_id = await claimed_device(sim, cloud, token)
    async with asyncio.timeout(10):
        await cloud.wait_for_status(token, device_id, DeviceStatus.ONLINE)


@pytest.mark.parametrize("status", [DeviceStatus.OFFLINE, DeviceStatus.ONLINE])
async def test_a_waiter_hears_its_device_change_status_on_the_event_stream(
    sim: SimulatedCloud,
    make_cloud: MakeCloud,
    customer: Customer,
    answers: Answers,
    status: DeviceStatus,
) -> None:
    cloud = make_cloud(status_recheck=EVENTS_ONLY)
    token = customer.grant.access_token
    device_id = await claimed_device(sim, cloud, token)
    if status is DeviceStatus.ONLINE:
        await sim.device_offline(device_id)
    async with asyncio.timeout(10), asyncio.TaskGroup() as tasks:
        tasks.create_task(cloud.wait_for_status(token, device_id, status))
        await sim.wait_for_event_streams(count=1)
        await answers.wait(f"/v1/devices/{device_id}")  # not there yet: now only the event
        if status is DeviceStatus.ONLINE:
            await sim.device_online(handshake(device_id, None))
        else:
            await sim.device_offline(device_id)
    assert (await cloud.get_device(token, device_id)).online is (status is DeviceStatus.ONLINE)


async def test_event_stream_survives_a_failed_open(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer
) -> None:
    token = customer.grant.access_token
    device_id = await claimed_device(sim, cloud, token)
    await sim.device_offline(device_id)
    sim.inject_failure("GET", "/v1/devices/events/spark", status=503)
    async with asyncio.timeout(10), cloud.events(token) as stream:
        await sim.wait_for_event_streams(count=1)
        await sim.device_online(handshake(device_id, None))
        event = await anext(stream)
    assert (event.name, event.device_id, event.data) == ("spark/status", device_id, "online")


async def test_the_team_sees_the_device_its_owner_and_that_it_is_admitted(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer, developer: TokenGrant
) -> None:
    device_id = await claimed_device(sim, cloud, customer.grant.access_token)
    seen = await cloud.get_product_device(developer.access_token, sim.product.slug, device_id)
    assert seen.id == device_id
    assert seen.owner == customer.email
    assert seen.product_id == sim.product.id
    assert (seen.online, seen.quarantined, seen.denied) == (True, False, False)
    assert seen.last_handshake_at is not None
    assert seen.last_heard is not None


async def test_someone_elses_device_is_refused_without_sending_a_customer_to_a_team(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer, product_client: ClientCredentials
) -> None:
    device_id = await claimed_device(sim, cloud, customer.grant.access_token)
    stranger = await cloud.create_customer(sim.product.id, product_client, new_email(), None)
    with pytest.raises(NotAllowed) as caught:
        await cloud.get_device(stranger.access_token, device_id)
    assert "belongs to another account" in str(caught.value)
    assert "team" not in str(caught.value)


@pytest.mark.parametrize("status", [403, 503])
async def test_waiting_needs_no_event_stream(
    sim: SimulatedCloud, make_cloud: MakeCloud, customer: Customer, status: int
) -> None:
    cloud = make_cloud(status_recheck=0.05)
    token = customer.grant.access_token
    code = (await cloud.create_claim_code(token, sim.product.id)).claim_code
    device_id = secrets.token_hex(12)
    sim.inject_failure("GET", "/v1/devices/events*", status=status, count=1000)
    async with asyncio.timeout(10), asyncio.TaskGroup() as tasks:
        waiting = tasks.create_task(cloud.wait_for_status(token, device_id))
        assert await sim.device_online(handshake(device_id, code))
    assert waiting.result().online


async def test_after_the_stream_limit_the_stream_is_left_alone_for_a_minute_then_used(
    sim: SimulatedCloud,
    make_cloud: MakeCloud,
    customer: Customer,
    answers: Answers,
    sleeps: RecordingSleep,
) -> None:
    cloud = make_cloud(status_recheck=EVENTS_ONLY)
    token = customer.grant.access_token
    device_id = await claimed_device(sim, cloud, token)
    await sim.device_offline(device_id)
    sim.inject_failure("GET", "/v1/devices/events/spark", status=529)
    async with asyncio.timeout(10), asyncio.TaskGroup() as tasks:
        tasks.create_task(cloud.wait_for_status(token, device_id))
        await sim.wait_for_event_streams(count=1)  # opened again, after the pause
        await answers.wait(f"/v1/devices/{device_id}", count=2)  # looked again once opened
        await sim.device_online(handshake(device_id, None))  # now only the event can tell
    assert sleeps.delays == [60.0]  # one pause, a minute long: no retry within seconds
    assert answers.count("/v1/devices/events/spark") == 2


@pytest.mark.parametrize("sim", [{"quarantine_new_devices": True}], indirect=True)
async def test_staff_waiting_for_a_quarantined_device_is_told_at_once(
    sim: SimulatedCloud,
    make_cloud: MakeCloud,
    developer: TokenGrant,
    product_client: ClientCredentials,
    answers: Answers,
) -> None:
    cloud = make_cloud(status_recheck=0.05)
    customer = await cloud.customer_token(
        product_client, await _new_customer(cloud, sim, product_client)
    )
    code = (await cloud.create_claim_code(customer.access_token, sim.product.id)).claim_code
    device_id = secrets.token_hex(12)
    team = TeamAccess(developer.access_token, sim.product.id)
    async with asyncio.timeout(10):
        waiting = asyncio.create_task(
            cloud.wait_for_status(customer.access_token, device_id, team=team)
        )
        await answers.wait(f"/v1/products/{sim.product.id}/devices/{device_id}")  # unseen
        assert not await sim.device_online(handshake(device_id, code))  # online, held
        with pytest.raises(DeviceQuarantined) as caught:
            await waiting
    blocked = caught.value
    assert blocked.device_id == device_id
    assert "quarantine" in str(blocked)
    assert "approve" in str(blocked)


@pytest.mark.parametrize("sim", [{"quarantine_new_devices": True}], indirect=True)
async def test_staff_waiting_for_a_denied_device_is_told_so(
    sim: SimulatedCloud, cloud: CloudClient, developer: TokenGrant, customer: Customer
) -> None:
    token = customer.grant.access_token
    code = (await cloud.create_claim_code(token, sim.product.id)).claim_code
    device_id = secrets.token_hex(12)
    assert not await sim.device_online(handshake(device_id, code))
    sim.deny_device(device_id)
    seen = await cloud.get_product_device(developer.access_token, sim.product.id, device_id)
    assert (seen.denied, seen.quarantined, seen.owner) == (True, False, None)
    team = TeamAccess(developer.access_token, sim.product.id)
    with pytest.raises(DeviceDenied):
        async with asyncio.timeout(10):
            await cloud.wait_for_status(token, device_id, team=team)


async def test_a_customer_whose_own_device_is_denied_is_told_so(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer
) -> None:
    token = customer.grant.access_token
    device_id = await claimed_device(sim, cloud, token)
    await sim.device_offline(device_id)
    sim.deny_device(device_id)
    assert (await cloud.get_device(token, device_id)).denied
    with pytest.raises(DeviceDenied):
        async with asyncio.timeout(10):
            await cloud.wait_for_status(token, device_id)


async def _new_customer(
    cloud: CloudClient, sim: SimulatedCloud, product_client: ClientCredentials
) -> str:
    email = new_email()
    await cloud.create_customer(sim.product.id, product_client, email, None)
    return email
