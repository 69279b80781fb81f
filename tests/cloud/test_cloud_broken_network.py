"""Networks between the app and the cloud that break its answers: a proxy that garbles
compression, a sign-in page that redirects every request.

The simulated cloud answers as the cloud does, so these cases use a tiny loopback server
that behaves like the broken middlebox instead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from cloud_support import RecordingSleep

from setup_wizard.cloud import (
    CloudClient,
    CloudSettings,
    CloudUnreachable,
    RetryPolicy,
    make_http_client,
)
from setup_wizard.secret import Password, Token

PORTAL = "http://wifi-login.example.net/portal?session=4f1c"


class Middlebox:
    """Answers every device look-up with a body that claims gzip but is not, and every
    token request with a captive portal's redirect."""

    def __init__(self) -> None:
        self.requests = 0

    async def garbled(self, request: web.Request) -> web.Response:
        self.requests += 1
        return web.Response(
            body=b"\x1f\x8b this is not gzip at all",
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        )

    async def portal(self, request: web.Request) -> web.Response:
        self.requests += 1
        raise web.HTTPFound(PORTAL)  # body: "302: Found"


@pytest.fixture
async def middlebox() -> AsyncIterator[tuple[Middlebox, str]]:
    box = Middlebox()
    app = web.Application()
    app.router.add_get("/v1/devices", box.garbled)
    app.router.add_post("/oauth/token", box.portal)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield box, f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def test_a_garbled_answer_is_a_cloud_error_that_blames_the_network(
    middlebox: tuple[Middlebox, str],
) -> None:
    box, url = middlebox
    sleeps = RecordingSleep()
    async with make_http_client(CloudSettings(api_url=url, connect_timeout=2)) as http:
        cloud = CloudClient(http, retry=RetryPolicy(attempts=2), sleep=sleeps)
        with pytest.raises(CloudUnreachable) as caught:
            await cloud.list_devices(Token("tok-abcdef"))
    assert "damaged" in str(caught.value)
    assert "proxy" in str(caught.value)
    assert box.requests == 2  # a read: sent again once, as a lost answer would be


async def test_a_captive_portal_redirect_is_explained_not_shown_as_302_found(
    middlebox: tuple[Middlebox, str],
) -> None:
    box, url = middlebox
    async with make_http_client(CloudSettings(api_url=url, connect_timeout=2)) as http:
        cloud = CloudClient(http)
        with pytest.raises(CloudUnreachable) as caught:
            await cloud.sign_in("dev@example.com", Password("pw-3141"))
    message = str(caught.value)
    assert "302" not in message
    assert "Found" not in message
    assert "wifi-login.example.net" in message
    assert "session=" not in message
    assert box.requests == 1
