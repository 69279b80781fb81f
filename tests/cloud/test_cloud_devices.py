"""Claim codes, the customer's devices, renaming, and the event stream."""

from __future__ import annotations

import asyncio
import secrets

import pytest
from cloud_support import Customer, LeakGuard

from setup_wizard.cloud import CloudClient, DeviceStatus, NotFound
from setup_wizard.secret import ClaimCode
from setup_wizard.sim.cloud import SimulatedCloud
from setup_wizard.sim.link import Handshake


def handshake(device_id: str, code: ClaimCode | None) -> Handshake:
    return Handshake(
        device_id=device_id,
        platform_id=6,
        claim_code=code.reveal() if code is not None else None,
        ssid="Home",
    )


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


async def test_an_unknown_device_is_not_found(
    cloud: CloudClient, customer: Customer, leaks: LeakGuard
) -> None:
    leaks.watch(customer.grant)
    with pytest.raises(NotFound) as caught:
        await cloud.get_device(customer.grant.access_token, secrets.token_hex(12))
    leaks.error(caught.value)
    assert "device" in str(caught.value)


async def test_event_stream_delivers_the_device_coming_online(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer
) -> None:
    token = customer.grant.access_token
    code = (await cloud.create_claim_code(token, sim.product.id)).claim_code
    device_id = secrets.token_hex(12)
    async with asyncio.timeout(10), cloud.events(token) as stream:
        await sim.device_online(handshake(device_id, code))
        async for event in stream:
            if event.name == "spark/status" and event.device_id == device_id:
                break
    assert event.data == "online"
    assert event.published_at is not None


async def test_waiting_for_online_returns_when_the_device_arrives(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer
) -> None:
    token = customer.grant.access_token
    code = (await cloud.create_claim_code(token, sim.product.id)).claim_code
    device_id = secrets.token_hex(12)
    waiter = asyncio.create_task(cloud.wait_for_status(token, device_id))
    await asyncio.sleep(0)
    assert not waiter.done()
    await sim.device_online(handshake(device_id, code))
    async with asyncio.timeout(10):
        await waiter
    assert (await cloud.get_device(token, device_id)).online


async def test_waiting_returns_at_once_for_a_device_already_online_then_sees_it_leave(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer
) -> None:
    token = customer.grant.access_token
    code = (await cloud.create_claim_code(token, sim.product.id)).claim_code
    device_id = secrets.token_hex(12)
    await sim.device_online(handshake(device_id, code))
    async with asyncio.timeout(10):
        await cloud.wait_for_status(token, device_id, DeviceStatus.ONLINE)

    waiter = asyncio.create_task(cloud.wait_for_status(token, device_id, DeviceStatus.OFFLINE))
    await sim.device_offline(device_id)
    async with asyncio.timeout(10):
        await waiter
    assert not (await cloud.get_device(token, device_id)).online


async def test_event_stream_survives_a_failed_open(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer
) -> None:
    sim.inject_failure("GET", "/v1/devices/events/spark", status=503)
    token = customer.grant.access_token
    code = (await cloud.create_claim_code(token, sim.product.id)).claim_code
    device_id = secrets.token_hex(12)
    async with asyncio.timeout(10), cloud.events(token) as stream:
        await sim.device_online(handshake(device_id, code))
        event = await anext(stream)
    assert (event.name, event.device_id, event.data) == ("spark/status", device_id, "online")
