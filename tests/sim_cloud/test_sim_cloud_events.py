"""Server-sent event streams: spark/status online/offline, filters, keep-alives, shutdown."""

from __future__ import annotations

from datetime import datetime

from sim_cloud_api import Api, CloudFactory, Connect, bearer

DEVICE = "0123456789abcdef01234567"
OTHER = "fedcba9876543210fedcba98"


async def test_customer_stream_hears_the_device_come_online(api: Api) -> None:
    token = await api.customer_token()
    code = await api.claim_code(token)
    async with api.events("/v1/devices/events", token) as stream:
        await api.online(DEVICE, code)
        name, data = await stream.event()
    assert name == "spark/status"
    assert (data["data"], data["coreid"], data["ttl"]) == ("online", DEVICE, 60)
    published = datetime.fromisoformat(data["published_at"]).timestamp()
    assert abs(published - api.cloud.clock.now()) < 60


async def test_a_prefix_stream_carries_only_matching_events(
    cloud_factory: CloudFactory, connect: Connect
) -> None:
    api = connect(await cloud_factory(speed=500))  # keep-alives every 18 ms
    token = await api.customer_token()
    code = await api.claim_code(token)
    async with (
        api.events("/v1/devices/events/spark/status", token) as matching,
        api.events("/v1/devices/events/spark/flash", token) as other,
    ):
        await api.online(DEVICE, code)
        name, data = await matching.event()
        # Published events are written before any later keep-alive: blanks mean filtered.
        assert [await other.line() for _ in range(3)] == ["", "", ""]
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
    code = await api.claim_code(token)
    async with api.events("/v1/devices/events", token) as stream:
        await api.online(OTHER)  # nobody's device
        await api.online(DEVICE, code)
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
    code = await api.claim_code(token)
    async with api.events("/v1/devices/events", access_token=token) as stream:
        await api.online(DEVICE, code)
        _, data = await stream.event()
    assert data["coreid"] == DEVICE


async def test_an_idle_stream_sends_keepalives(
    cloud_factory: CloudFactory, connect: Connect
) -> None:
    api = connect(await cloud_factory(speed=500))  # 9 simulated seconds = 18 ms
    async with api.events("/v1/devices/events", await api.developer_token()) as stream:
        lines = [await stream.line() for _ in range(4)]
    assert lines == ["", "", "", ""]  # no event was published: these are keep-alives


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
