"""What every route handler needs: the state, the clock, the event bus, and access checks."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.cloud.auth import authenticate
from setup_wizard.sim.cloud.body import Body, read_body
from setup_wizard.sim.cloud.errors import LegacyError, permission_denied
from setup_wizard.sim.cloud.events import EventBus
from setup_wizard.sim.cloud.exists import CustomerExistsAnswer
from setup_wizard.sim.cloud.model import AccessToken, Account, Device, Product
from setup_wizard.sim.cloud.store import CloudStore


@dataclass(frozen=True)
class Caller:
    token: AccessToken
    body: Body

    @property
    def account(self) -> Account:
        return self.token.account


@dataclass(frozen=True)
class CloudContext:
    store: CloudStore
    clock: SimClock
    events: EventBus
    customer_exists: CustomerExistsAnswer
    keepalive: float  # simulated seconds between keep-alives on an idle event stream

    def now(self) -> float:
        return self.clock.now()

    async def caller(self, request: web.Request) -> Caller:
        body = await read_body(request)
        return Caller(authenticate(request, body, self.store, self.now()), body)

    def product(self, request: web.Request) -> Product:
        product = self.store.product(request.match_info["product"])
        if product is None:
            raise LegacyError(404, "Product not found")
        return product

    def team_product(self, request: web.Request, account: Account) -> Product:
        """The product of the path, when the caller is on its team (403 otherwise)."""
        product = self.product(request)
        if not self.store.is_team_member(account, product):
            raise permission_denied(
                "Only members of this product's team may do this; "
                "sign in with a team member's account"
            )
        return product

    def own_device(self, request: web.Request, account: Account) -> Device:
        """The device of the path (ID, or name among the caller's), if the caller owns it."""
        wanted = request.match_info["device"]
        device = self.store.devices.get(wanted.lower())
        if device is None:
            device = next((d for d in self.store.devices_of(account) if d.name == wanted), None)
        if device is None:
            raise LegacyError(404, "Device not found.")
        if device.owner is not account:
            raise permission_denied(
                "I didn't recognize that device name or ID, try opening /v1/devices"
            )
        return device

    def product_device(self, request: web.Request, product: Product) -> Device:
        device = self.store.devices.get(request.match_info["device"].lower())
        if device is None or device.product_id != product.id:
            raise LegacyError(404, "Device not found.")
        return device
