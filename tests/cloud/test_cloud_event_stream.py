"""A dead event stream is noticed and reopened; a broken answer is still a CloudError.

The simulated cloud keeps its streams healthy and its answers whole, so these cases use a
tiny loopback server that goes silent on the first connection, as a stream dropped by a
NAT does, or stalls in the middle of an error answer.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from httpx_sse import ServerSentEvent

from setup_wizard.cloud import (
    NO_RETRY,
    CloudClient,
    CloudSettings,
    DeviceEvent,
    ServerTrouble,
    make_http_client,
)
from setup_wizard.cloud.events import event_from_sse
from setup_wizard.secret import Token

DEVICE = "0123456789abcdef01234567"
CLAIM_EVENT = "spark/device/claim/code"
SILENCE = 1.5
"""The client's ``event_silence``: it also bounds the wait for the first answer, so it is
long enough that a slow answer on a loaded machine does not count as a dead stream."""


class SilentThenLive:
    """First stream: a greeting, then silence. Later streams: a device comes online.

    The device reads as online from the second stream on; with ``announce`` off, its
    ``spark/status`` event is never sent, as when it fell between two streams.
    """

    def __init__(self) -> None:
        self.opened = 0
        self.announce = True
        self.auth: list[str] = []
        self.done = asyncio.Event()

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.opened += 1
        self.auth.append(request.headers.get("Authorization", ""))
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        await response.write(b":ok\n\n")
        if self.opened > 1 and self.announce:
            payload = {
                "data": "online",
                "ttl": 60,
                "published_at": "2026-01-01T00:00:00.000Z",
                "coreid": DEVICE.upper(),
            }
            await response.write(f"event: spark/status\ndata: {json.dumps(payload)}\n\n".encode())
        await self.done.wait()
        return response

    async def device(self, request: web.Request) -> web.Response:
        return web.json_response({"id": request.match_info["id"], "online": self.opened > 1})

    async def garbled_then_live(self, request: web.Request) -> web.StreamResponse:
        """First stream: compression a proxy broke. Later streams: the device online."""
        self.opened += 1
        headers = {"Content-Type": "text/event-stream"}
        if self.opened == 1:
            headers["Content-Encoding"] = "gzip"
        response = web.StreamResponse(headers=headers)
        await response.prepare(request)
        if self.opened == 1:
            await response.write(b"\x1f\x8b not gzip at all, not at all")
        else:
            payload = json.dumps({"data": "online", "coreid": DEVICE})
            await response.write(f":ok\n\nevent: spark/status\ndata: {payload}\n\n".encode())
        await self.done.wait()
        return response

    async def stalled_error(self, request: web.Request) -> web.StreamResponse:
        """A 503 whose body stops halfway: the rest never comes."""
        response = web.StreamResponse(
            status=503, headers={"Content-Type": "application/json", "Content-Length": "100"}
        )
        await response.prepare(request)
        await response.write(b'{"ok": false,')
        await self.done.wait()
        return response


@pytest.fixture
async def server() -> AsyncIterator[tuple[SilentThenLive, str]]:
    state = SilentThenLive()
    app = web.Application()
    app.router.add_get("/v1/devices/events/spark", state.handle)
    app.router.add_get("/v1/devices/{id}", state.device)
    app.router.add_get("/v1/devices/events/broken", state.stalled_error)
    app.router.add_get("/v1/devices/events/garbled", state.garbled_then_live)
    runner = web.AppRunner(app, shutdown_timeout=1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield state, f"http://127.0.0.1:{port}"
    finally:
        state.done.set()
        await runner.cleanup()


async def test_a_silent_stream_is_reopened_and_the_event_still_arrives(
    server: tuple[SilentThenLive, str],
) -> None:
    state, url = server
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    async with make_http_client(CloudSettings(api_url=url, connect_timeout=2)) as http:
        cloud = CloudClient(http, sleep=sleep, event_silence=SILENCE)
        async with asyncio.timeout(10), cloud.events(Token("tok-abc")) as stream:
            event = await anext(stream)
    assert event == DeviceEvent(
        name="spark/status",
        data="online",
        device_id=DEVICE,
        published_at=event.published_at,
        ttl=60,
    )
    assert event.published_at is not None
    assert event.published_at.year == 2026
    assert stream.connections == 2
    assert state.opened == 2
    assert len(waits) == 1  # one pause before reopening, not a hot loop
    assert state.auth == ["Bearer tok-abc", "Bearer tok-abc"]


@pytest.mark.parametrize(
    ("sse", "data"),
    [
        (
            ServerSentEvent("spark/status", json.dumps({"data": "offline", "coreid": DEVICE})),
            "offline",
        ),
        (ServerSentEvent(CLAIM_EVENT, json.dumps({"data": "c" * 63, "coreid": DEVICE})), None),
    ],
)
def test_event_data_is_kept_except_a_claim_code(sse: ServerSentEvent, data: str | None) -> None:
    event = event_from_sse(sse)
    assert event is not None
    assert event.data == data
    assert "ccccc" not in repr(event)


@pytest.mark.parametrize(
    "sse",
    [
        ServerSentEvent("message", "hello"),
        ServerSentEvent("spark/status", "not json"),
        ServerSentEvent("spark/status", "[1]"),
        ServerSentEvent("spark/status", ""),
    ],
)
def test_messages_that_are_not_device_events_are_skipped(sse: ServerSentEvent) -> None:
    assert event_from_sse(sse) is None


async def test_a_device_that_came_online_while_the_stream_was_down_is_still_noticed(
    server: tuple[SilentThenLive, str],
) -> None:
    state, url = server
    state.announce = False

    async def sleep(seconds: float) -> None:
        return None

    async with make_http_client(CloudSettings(api_url=url, connect_timeout=2)) as http:
        cloud = CloudClient(http, sleep=sleep, event_silence=SILENCE)
        async with asyncio.timeout(10):
            await cloud.wait_for_status(Token("tok-abc"), DEVICE)
    assert state.opened == 2


async def test_an_error_answer_whose_body_stalls_is_still_reported_as_cloud_trouble(
    server: tuple[SilentThenLive, str],
) -> None:
    _, url = server
    async with make_http_client(CloudSettings(api_url=url, connect_timeout=2)) as http:
        cloud = CloudClient(http, retry=NO_RETRY, event_silence=SILENCE)
        with pytest.raises(ServerTrouble) as caught:
            async with asyncio.timeout(10), cloud.events(Token("tok-abc"), prefix="broken"):
                pass
    assert "HTTP 503" in str(caught.value)


async def test_a_stream_a_proxy_garbles_is_reopened_not_a_crash(
    server: tuple[SilentThenLive, str],
) -> None:
    state, url = server

    async def sleep(seconds: float) -> None:
        return None

    async with make_http_client(CloudSettings(api_url=url, connect_timeout=2)) as http:
        cloud = CloudClient(http, sleep=sleep, event_silence=SILENCE)
        async with asyncio.timeout(10), cloud.events(Token("tok-abc"), prefix="garbled") as stream:
            event = await anext(stream)
    assert (event.name, event.data) == ("spark/status", "online")
    assert state.opened == 2
