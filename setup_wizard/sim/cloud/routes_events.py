"""Server-sent event streams: the caller's devices, one device, or a product's devices.

More than ``MAX_OPEN_STREAMS`` open from one address is refused with HTTP 529, the status
Particle's API reference gives for the stream limits (not 429), with the legacy body.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from aiohttp import web

from setup_wizard.sim.cloud.context import CloudContext
from setup_wizard.sim.cloud.errors import LegacyError
from setup_wizard.sim.cloud.events import KEEPALIVE, OPENING, STREAM_LIMIT_STATUS, CloudEvent

MAX_OPEN_STREAMS = 100  # per client address, as the reference states
Filter = Callable[[CloudEvent], bool]


class EventRoutes:
    def __init__(self, ctx: CloudContext) -> None:
        self.ctx = ctx

    def register(self, router: web.UrlDispatcher) -> None:
        # Before /v1/devices/{device}, which would otherwise take "events" for an ID.
        for path, handler in (
            ("/v1/devices/events", self.my_devices),
            ("/v1/devices/{device}/events", self.one_device),
            ("/v1/products/{product}/events", self.product_devices),
        ):
            router.add_get(path, handler)
            router.add_get(path + "/{prefix:.+}", handler)

    async def my_devices(self, request: web.Request) -> web.StreamResponse:
        account = (await self.ctx.caller(request)).account
        return await self._stream(request, lambda e: e.device.owner is account)

    async def one_device(self, request: web.Request) -> web.StreamResponse:
        account = (await self.ctx.caller(request)).account
        device = self.ctx.own_device(request, account)
        return await self._stream(request, lambda e: e.device is device and device.owner is account)

    async def product_devices(self, request: web.Request) -> web.StreamResponse:
        account = (await self.ctx.caller(request)).account
        product = self.ctx.team_product(request, account)
        return await self._stream(request, lambda e: e.device.product_id == product.id)

    async def _stream(self, request: web.Request, visible: Filter) -> web.StreamResponse:
        remote = request.remote or ""
        if self.ctx.events.open_streams(remote) >= MAX_OPEN_STREAMS:
            raise LegacyError(STREAM_LIMIT_STATUS, "Too many open event streams from this address")
        prefix = request.match_info.get("prefix", "")
        subscription = self.ctx.events.subscribe(
            lambda e: e.name.startswith(prefix) and visible(e), remote
        )
        response = web.StreamResponse(headers={"Cache-Control": "no-cache"})
        response.content_type = "text/event-stream"
        keepalive = self.ctx.keepalive / self.ctx.clock.speed  # simulated seconds → wall
        try:
            await response.prepare(request)
            await response.write(OPENING)
            while True:
                try:
                    event = await asyncio.wait_for(subscription.queue.get(), keepalive)
                except TimeoutError:
                    await response.write(KEEPALIVE)
                    continue
                if event is None:  # the cloud is stopping
                    break
                await response.write(event.frame())
            await response.write_eof()
        except ConnectionError:
            pass  # the client went away
        finally:
            self.ctx.events.unsubscribe(subscription)
        return response
