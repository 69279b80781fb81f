"""``SimulatedCloud``: the HTTP server on 127.0.0.1 and the ``CloudLink`` the Photons call.

A Photon publishes its claim code right after its cloud handshake, and only then does the
cloud make it the code's account's (reference §5). So ``spark/status online`` goes out
while the device is not yet the new owner's: the product's stream and a previous owner's
stream carry it, the claiming customer's ``/v1/devices/events`` does not; the claim
follows ``CLAIM_SECONDS`` of simulated time later. Whether a customer's stream would carry
the device's ``spark/device/claim/code`` event is unverified, so none is published: a
client must not count on it (and its data would be the claim code itself).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web
from aiohttp.typedefs import Handler

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.cloud.auth import TOKEN_PATH
from setup_wizard.sim.cloud.context import CloudContext
from setup_wizard.sim.cloud.errors import ApiError, LegacyError, not_found
from setup_wizard.sim.cloud.events import KEEPALIVE_SECONDS, CloudEvent, EventBus
from setup_wizard.sim.cloud.exists import CustomerExistsAnswer
from setup_wizard.sim.cloud.faults import FailureInjector, NoAnswer
from setup_wizard.sim.cloud.ids import Ids
from setup_wizard.sim.cloud.model import (
    ClientInfo,
    CustomerView,
    DeveloperInfo,
    DeviceView,
    Product,
)
from setup_wizard.sim.cloud.ratelimit import RateLimiter
from setup_wizard.sim.cloud.routes_account import AccountRoutes
from setup_wizard.sim.cloud.routes_devices import DeviceRoutes
from setup_wizard.sim.cloud.routes_events import EventRoutes
from setup_wizard.sim.cloud.routes_oauth import OAuthRoutes
from setup_wizard.sim.cloud.routes_products import ProductRoutes
from setup_wizard.sim.cloud.store import CloudStore
from setup_wizard.sim.cloud.traffic import LoggedRequest, Traffic
from setup_wizard.sim.link import Handshake

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")
SEEDED_DEVELOPER = "developer@example.com"
SEEDED_PRODUCT = "Photon Setup Demo"
SEEDED_CLIENT = "Photon Setup"
CLAIM_SECONDS = 1.5  # simulated time from the online event until the claim is applied


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every answer is JSON, errors included (unknown routes: 404)."""
    try:
        return await handler(request)
    except ApiError as error:
        return error.response()
    except (web.HTTPNotFound, web.HTTPMethodNotAllowed):
        return not_found().response()
    except web.HTTPException as error:
        return LegacyError(error.status, error.reason).response()
    except Exception:
        log.exception("simulated cloud: %s %s failed", request.method, request.path)
        return LegacyError(500, "Internal Server Error").response()


class SimulatedCloud:
    """A Particle Cloud on loopback with one product, its OAuth client and one developer.

    ``customer_exists`` is how creating an existing customer is answered (by default one
    of the shapes seen in the wild, chosen by ``seed``); ``keepalive`` the simulated
    seconds between keep-alives of an idle event stream; ``quarantine_new_devices``
    makes the product quarantine devices it does not know (their IDs were never added),
    as Particle's products do by default, instead of admitting them (auto-approve).
    ``latency`` holds every request that many simulated seconds (a network's round trip,
    for benchmarks); ``requests_served`` counts the requests that arrived, and
    ``request_log`` lists them.
    """

    def __init__(
        self,
        *,
        clock: SimClock,
        host: str = "127.0.0.1",
        port: int = 0,
        mfa: bool = False,
        seed: int | None = None,
        customer_exists: CustomerExistsAnswer | None = None,
        keepalive: float = KEEPALIVE_SECONDS,
        quarantine_new_devices: bool = False,
        latency: float = 0.0,
    ) -> None:
        if host not in LOOPBACK_HOSTS:
            raise ValueError(f"the simulated cloud serves loopback only, not {host!r}")
        if keepalive <= 0:
            raise ValueError("keepalive must be positive")
        self.clock = clock
        self._host, self._port = host, port
        self.customer_exists = customer_exists or CustomerExistsAnswer.for_seed(seed)
        self.keepalive = keepalive
        ids = Ids(seed)
        self._store = CloudStore(ids)
        self._events = EventBus()
        self._faults = FailureInjector()
        self._limiter = RateLimiter(clock)
        self._traffic = Traffic(clock, latency)
        self._runner: web.AppRunner | None = None
        self._url: str | None = None

        password = ids.password()
        otp_secret = ids.otp_secret() if mfa else None
        developer = self._store.add_developer(SEEDED_DEVELOPER, password, mfa_secret=otp_secret)
        self.product: Product = self._store.add_product(SEEDED_PRODUCT, developer)
        client = self._store.add_client(self.product, SEEDED_CLIENT, "installed")
        self.client = ClientInfo(id=client.id, secret=client.secret)
        self.developer = DeveloperInfo(
            username=developer.username, password=password, mfa_otp_secret=otp_secret
        )
        self.quarantine_new_devices = quarantine_new_devices

    @property
    def url(self) -> str:
        if self._url is None:
            raise RuntimeError("the simulated cloud is not started")
        return self._url

    async def start(self) -> None:
        if self._runner is not None:
            return
        app = web.Application(
            middlewares=[
                self._traffic.middleware(),
                self._faults.middleware(),
                self._limiter.middleware(),
                json_errors,
            ]
        )
        ctx = CloudContext(
            self._store, self.clock, self._events, self.customer_exists, self.keepalive
        )
        # Event routes first: their paths would otherwise match /v1/devices/{device}.
        for routes in (
            EventRoutes(ctx),
            OAuthRoutes(ctx),
            AccountRoutes(ctx),
            DeviceRoutes(ctx),
            ProductRoutes(ctx),
        ):
            routes.register(app.router)
        # Cancelling a handler whose client left ends an idle event stream at once (not at
        # its next keep-alive), so it stops counting towards the open-stream limit.
        runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await runner.setup()
        try:
            await web.TCPSite(runner, self._host, self._port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        host, port = runner.addresses[0][:2]
        self._url = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
        log.info("simulated cloud at %s", self._url)

    async def stop(self) -> None:
        """Ends the event streams, then closes the server (idempotent)."""
        runner, self._runner = self._runner, None
        if runner is None:
            return
        self._events.close()
        await runner.cleanup()

    # --- CloudLink ---

    async def device_online(self, handshake: Handshake) -> bool:
        """Online first, then (``CLAIM_SECONDS`` later) the claim; see the module docstring."""
        now = self.clock.now()
        device = self._store.connect(handshake, now)
        self._events.publish(CloudEvent("spark/status", "online", now, device))
        if handshake.claim_code is None:
            return False
        await self.clock.sleep(CLAIM_SECONDS)
        return self._store.claim(device, handshake.claim_code, self.clock.now())

    async def device_offline(self, device_id: str) -> None:
        device = self._store.devices.get(device_id.lower())
        if device is None or not device.online:
            return
        device.online = False
        self._events.publish(CloudEvent("spark/status", "offline", self.clock.now(), device))

    # --- for tests and the simulator command ---

    @property
    def latency(self) -> float:
        return self._traffic.latency

    @property
    def requests_served(self) -> int:
        """Requests that arrived since start, whatever their answer (benchmarks count them)."""
        return self._traffic.requests

    @property
    def request_log(self) -> tuple[LoggedRequest, ...]:
        """The requests that arrived, oldest first (the latest few thousand), whatever their
        answer, injected failures included."""
        return tuple(self._traffic.log)

    def token_requests(self, grant_type: str | None = None) -> int:
        """How many ``POST /oauth/token`` arrived (of ``grant_type``: "password",
        "urn:custom:mfa-otp", …; None: of any grant)."""
        return sum(
            1
            for logged in self._traffic.log
            if logged.method == "POST"
            and logged.path == TOKEN_PATH
            and (grant_type is None or logged.grant_type == grant_type)
        )

    async def wait_for_event_streams(self, count: int = 1) -> None:
        """Returns once at least ``count`` event streams are open (no timeout of its own),
        so a test can let its client subscribe before making things happen."""
        await self._events.wait_for_streams(lambda open_now: open_now >= count)

    async def wait_for_event_streams_closed(self) -> None:
        """Returns once no event stream is open (no timeout of its own)."""
        await self._events.wait_for_streams(lambda open_now: open_now == 0)

    def add_developer(self, username: str, password: str, *, member_of_product: bool) -> None:
        account = self._store.add_developer(username, password)
        if member_of_product:
            account.team.add(self.product.id)

    def inject_failure(
        self,
        method: str,
        path: str,
        *,
        status: int,
        count: int = 1,
        retry_after: float | None = None,
        body: dict[str, Any] | None = None,
    ) -> None:
        """The next ``count`` requests matching ``method`` ("*" = any) and ``path`` (exact,
        or a shell-style pattern) fail with ``status``; the body defaults to the route's
        usual error shape, and ``retry_after`` adds a ``Retry-After`` header."""
        self._faults.add(
            method, path, status=status, count=count, retry_after=retry_after, body=body
        )

    def inject_no_answer(
        self, method: str, path: str, *, how: NoAnswer = NoAnswer.HANG, count: int = 1
    ) -> None:
        """The next ``count`` requests matching ``method`` and ``path`` (as for
        :meth:`inject_failure`) get no answer: held until the client gives up, or their
        connection closed at once."""
        self._faults.add_no_answer(method, path, how, count=count)

    def inject_page(
        self, method: str, path: str, html: str, *, status: int = 200, count: int = 1
    ) -> None:
        """The next ``count`` matching requests get the HTML page ``html`` with ``status``
        (200 by default), as from a proxy or a network's sign-in page; the route never runs."""
        self._faults.add_page(method, path, html, status=status, count=count)

    def inject_cut_short(self, method: str, path: str, *, count: int = 1) -> None:
        """The next ``count`` matching requests are carried out, and their JSON answer
        arrives cut in half (event streams are not cut)."""
        self._faults.add_cut_short(method, path, count=count)

    def clear_injections(self) -> None:
        """Forget every injected failure not used yet."""
        self._faults.clear()

    @property
    def on_request(self) -> Callable[[str, str], None] | None:
        """Called with the method and path of each request as it arrives, before anything
        answers it (a test acts at the moment a request reached the cloud)."""
        return self._faults.on_request

    @on_request.setter
    def on_request(self, observer: Callable[[str, str], None] | None) -> None:
        self._faults.on_request = observer

    def cut_off(self, on: bool = True) -> None:
        """While on, the clients cannot get through to the cloud: every request's connection
        is closed before any answer and event streams end, as when this computer loses its
        way out. The Photons' own way to the cloud is not affected."""
        self._faults.offline = on
        if on:
            self._events.drop_streams()

    def cut_event_streams(self, on: bool) -> None:
        """While on, every event stream ends right after it opens (and those open end now),
        as behind a proxy that drops long requests."""
        self._events.cutting = on
        if on:
            self._events.drop_streams()

    def customer(self, email: str) -> CustomerView | None:
        return self._store.view_customer(email)

    @property
    def quarantine_new_devices(self) -> bool:
        """Whether the product quarantines devices it does not know (may change any time)."""
        return self.product.id in self._store.quarantining

    @quarantine_new_devices.setter
    def quarantine_new_devices(self, on: bool) -> None:
        if on:
            self._store.quarantining.add(self.product.id)
        else:
            self._store.quarantining.discard(self.product.id)

    def add_product_device(self, device_id: str) -> None:
        """Add a device ID to the product ahead of time, or approve it (as the team would)."""
        self._store.approve(self.product, device_id)

    def deny_device(self, device_id: str) -> None:
        """The team denies a device the product has seen (as from its quarantine list)."""
        device = self._store.devices.get(device_id.lower())
        if device is None or device.product_id != self.product.id:
            raise ValueError(f"the product has not seen device {device_id}")
        self._store.deny(self.product, device)

    def device(self, device_id: str) -> DeviceView | None:
        return self._store.view_device(device_id)

    def ready_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "product": {"id": self.product.id, "slug": self.product.slug},
            "client": {"id": self.client.id, "secret": self.client.secret},
            "developer": {
                "username": self.developer.username,
                "password": self.developer.password,
                "mfa_otp_secret": self.developer.mfa_otp_secret,
            },
        }
