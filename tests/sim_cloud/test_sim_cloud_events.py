"""Server-sent event streams: spark/status online/offline, filters, keep-alives, shutdown."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import datetime

import httpx
import pytest
from sim_cloud_api import WAIT, Api, CloudFactory, Connect, bearer

from setup_wizard.sim.cloud import SimulatedCloud

DEVICE = "0123456789abcdef01234567"
OTHER = "fedcba9876543210fedcba98"
FAST = 100  # each claim takes the cloud 1.5 simulated seconds: 15 ms here


@pytest.fixture
async def cloud(cloud_factory: CloudFactory) -> SimulatedCloud:
    return await cloud_factory(speed=FAST)


async def claimed_device(api: Api, token: str) -> None:
    """DEVICE comes online with the customer's claim code, becomes theirs, and goes offline."""
    assert await api.online(DEVICE, await api.claim_code(token)) is True
    await api.cloud.device_offline(DEVICE)


async def test_customer_stream_hears_its_device_come_back_online(api: Api) -> None:
    token = await api.customer_token()
    await claimed_device(api, token)
    async with api.events("/v1/devices/events", token) as stream:
        await api.online(DEVICE)
        name, data = await stream.event()
    assert name == "spark/status"
    assert (data["data"], data["coreid"], data["ttl"]) == ("online", DEVICE, 60)
    published = datetime.fromisoformat(data["published_at"]).timestamp()
    assert abs(published - api.cloud.clock.now()) < 60


async def test_the_claiming_online_event_is_published_before_the_customer_owns_it(
    api: Api,
) -> None:
    token = await api.customer_token()
    code = await api.claim_code(token)
    async with api.events("/v1/devices/events", token) as stream:
        assert await api.online(DEVICE, code) is True
        await api.cloud.device_offline(DEVICE)  # the customer's first event to hear
        name, data = await stream.event()
    assert (name, data["data"], data["coreid"]) == ("spark/status", "offline", DEVICE)


async def test_the_device_is_the_customers_only_after_the_online_event(
    cloud_factory: CloudFactory, connect: Connect
) -> None:
    api = connect(await cloud_factory(speed=3))  # the claim comes 0.5 s after the event
    token = await api.customer_token()
    code = await api.claim_code(token)
    team = await api.developer_token()
    async with api.events(f"/v1/products/{api.cloud.product.id}/events", team) as stream:
        coming_online = asyncio.create_task(api.online(DEVICE, code))
        _, data = await stream.event()
        assert data["data"] == "online"
        listed = await api.http.get("/v1/devices", headers=bearer(token))
        assert listed.json() == []  # online, not yet claimed
        assert await asyncio.wait_for(coming_online, WAIT) is True
    [device] = (await api.http.get("/v1/devices", headers=bearer(token))).json()
    assert (device["id"], device["online"]) == (DEVICE, True)


async def test_a_prefix_stream_carries_only_matching_events(
    cloud_factory: CloudFactory, connect: Connect
) -> None:
    api = connect(await cloud_factory(speed=500, keepalive=9))  # keep-alives every 18 ms
    token = await api.customer_token()
    await claimed_device(api, token)
    async with (
        api.events("/v1/devices/events/spark/status", token) as matching,
        api.events("/v1/devices/events/spark/flash", token) as other,
    ):
        await api.online(DEVICE)
        name, data = await matching.event()
        # Stopping queues the end of every stream behind what was published before it.
        await api.cloud.stop()
        assert all(line == "" for line in await other.rest())  # keep-alives only
    assert (name, data["data"], data["coreid"]) == ("spark/status", "online", DEVICE)


async def test_a_device_stream_hears_it_go_offline(api: Api) -> None:
    token = await api.customer_token()
    await api.online(DEVICE, await api.claim_code(token))
    async with api.events(f"/v1/devices/{DEVICE}/events/spark", token) as stream:
        await api.cloud.device_offline(DEVICE)
        name, data = await stream.event()
    assert (name, data["data"]) == ("spark/status", "offline")


async def test_a_stream_carries_only_the_callers_devices(api: Api) -> None:
    token = await api.customer_token()
    await claimed_device(api, token)
    async with api.events("/v1/devices/events", token) as stream:
        await api.online(OTHER)  # nobody's device
        await api.online(DEVICE)
        _, data = await stream.event()
    assert data["coreid"] == DEVICE


async def test_the_team_hears_product_devices(api: Api) -> None:
    code = await api.claim_code(await api.customer_token())
    team = await api.developer_token()
    async with api.events(f"/v1/products/{api.cloud.product.id}/events", team) as stream:
        await api.online(DEVICE, code)
        _, data = await stream.event()
    assert (data["coreid"], data["data"]) == (DEVICE, "online")


async def test_a_stream_opens_with_the_deprecated_query_token(api: Api) -> None:
    token = await api.customer_token()
    await claimed_device(api, token)
    async with api.events("/v1/devices/events", access_token=token) as stream:
        await api.online(DEVICE)
        _, data = await stream.event()
    assert data["coreid"] == DEVICE


async def test_waiting_for_a_stream_lets_a_client_subscribe_first(api: Api) -> None:
    token = await api.customer_token()
    await claimed_device(api, token)

    async def listen() -> str:
        async with api.events("/v1/devices/events", token) as stream:
            return str((await stream.event())[1]["data"])

    listener = asyncio.create_task(listen())
    await asyncio.wait_for(api.cloud.wait_for_event_streams(), WAIT)
    await api.online(DEVICE)
    assert await asyncio.wait_for(listener, WAIT) == "online"


async def test_waiting_for_two_streams_waits_for_the_second(api: Api) -> None:
    token = await api.developer_token()
    waiting = asyncio.create_task(api.cloud.wait_for_event_streams(2))
    async with api.events("/v1/devices/events", token):
        assert not waiting.done()  # the first stream's ":ok" has already come back
        async with api.events("/v1/devices/events", token):
            await asyncio.wait_for(waiting, WAIT)


async def test_an_idle_stream_sends_keepalives_about_every_minute_or_as_configured(
    cloud_factory: CloudFactory, connect: Connect
) -> None:
    assert (await cloud_factory()).keepalive == 60  # Particle's docs: "the 60 second ping"
    api = connect(await cloud_factory(speed=500, keepalive=9))  # 9 simulated s = 18 ms
    async with api.events("/v1/devices/events", await api.developer_token()) as stream:
        lines = [await stream.line() for _ in range(4)]
    assert lines == ["", "", "", ""]  # no event was published: these are keep-alives


async def test_the_101st_stream_opened_in_five_minutes_is_refused_with_529(api: Api) -> None:
    token = await api.developer_token()
    for _ in range(100):
        async with api.events("/v1/devices/events", token):
            pass
    await asyncio.wait_for(api.cloud.wait_for_event_streams_closed(), WAIT)  # opened, not open
    refused = await api.http.get("/v1/devices/events", headers=bearer(token))
    assert refused.status_code == 529
    assert refused.json()["ok"] is False
    assert int(refused.headers["Retry-After"]) >= 1
    assert (await api.http.get("/v1/devices", headers=bearer(token))).status_code == 200
    api.cloud.clock.advance(301)
    async with api.events("/v1/devices/events", token):
        pass


async def test_stopping_the_cloud_ends_open_streams(api: Api) -> None:
    async with api.events("/v1/devices/events", await api.developer_token()) as stream:
        await api.cloud.stop()
        assert all(line == "" for line in await stream.rest())


async def test_a_stream_without_token_is_refused(api: Api) -> None:
    response = await api.http.get("/v1/devices/events")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


async def test_a_stream_of_someone_elses_device_is_refused(api: Api) -> None:
    owner = await api.customer_token("owner@example.com")
    await api.online(DEVICE, await api.claim_code(owner))
    stranger = await api.customer_token("stranger@example.com")
    response = await api.http.get(f"/v1/devices/{DEVICE}/events", headers=bearer(stranger))
    assert response.status_code == 403


async def test_a_101st_stream_open_at_once_is_refused_with_529(
    cloud: SimulatedCloud, connect: Connect
) -> None:
    api = connect(cloud)
    token = await api.developer_token()
    unlimited = httpx.AsyncClient(
        base_url=cloud.url, timeout=WAIT, limits=httpx.Limits(max_connections=None)
    )
    async with unlimited, contextlib.AsyncExitStack() as streams:
        for _ in range(100):
            response = await streams.enter_async_context(
                unlimited.stream("GET", "/v1/devices/events", headers=bearer(token))
            )
            assert response.status_code == 200
        cloud.clock.advance(301)  # past the open-rate window: only the open streams count
        refused = await unlimited.get("/v1/devices/events", headers=bearer(token))
    assert refused.status_code == 529
    assert refused.json()["error"] == "Too many open event streams from this address"
