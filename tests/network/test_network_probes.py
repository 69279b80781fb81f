"""The internet probe and the polling loop both waits are built on."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from setup_wizard.network.probes import poll_until, url_reachable


@pytest.fixture
async def api() -> AsyncIterator[str]:
    async def anything(request: web.Request) -> web.Response:
        return web.json_response({"error": "invalid_token"}, status=401)

    app = web.Application()
    app.router.add_get("/v1/devices", anything)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}/v1/devices"
    finally:
        await runner.cleanup()


async def test_any_http_answer_means_the_internet_is_back(api: str) -> None:
    assert await url_reachable(api)()


async def test_no_answer_means_not_yet() -> None:
    with socket.socket() as unused:  # a port nobody listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    assert not await url_reachable(f"http://127.0.0.1:{port}/", timeout=2)()


async def test_poll_until_returns_the_first_answer_and_passes_the_time_left() -> None:
    seen: list[float] = []

    async def check(left: float) -> str | None:
        seen.append(left)
        return "found" if len(seen) == 3 else None

    assert await poll_until(check, timeout=30, interval=0.001) == "found"
    assert len(seen) == 3
    assert all(0 < left <= 30 for left in seen)
    assert seen == sorted(seen, reverse=True)


async def test_poll_until_gives_up_with_none() -> None:
    async def never(left: float) -> bool:
        return False

    assert await poll_until(never, timeout=0.05, interval=0.01) is None


async def test_wake_cuts_a_long_pause_short() -> None:
    wake = asyncio.Event()
    calls = 0

    async def check(left: float) -> bool | None:
        nonlocal calls
        calls += 1
        if calls == 1:
            wake.set()  # "check now" pressed during the first attempt
            return None
        return True

    async with asyncio.timeout(10):  # a guard: the pause alone would take an hour
        assert await poll_until(check, timeout=7200, interval=3600, wake=wake)
    assert not wake.is_set()
