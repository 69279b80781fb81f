"""Claim codes and devices: the caller's own devices and a product team's view of them.

Choices where the reference is silent: a device that exists but is not the caller's
answers 403 "Permission Denied", one that does not exist 404 "Device not found."; device
names are 1–63 letters, digits, ``_`` or ``-`` (else 400); a customer on the developer
claim route, or anyone but the product's customers on the product route, gets 403.

Quarantine (Particle's product security guide; the routes as Particle's API reference
names them, "Approve a quarantined device" and "Deny a quarantined device"): the team
adds or approves a device with ``POST /v1/products/:p/devices {id}`` and denies one with
``DELETE /v1/products/:p/devices/:id`` and ``deny=true`` (without it, the device leaves
the product). A quarantined device shows ``quarantined: true`` to the team only; to a
customer it is just a device that is not theirs (403).
"""

from __future__ import annotations

import re

from aiohttp import web

from setup_wizard.sim.cloud.body import Body
from setup_wizard.sim.cloud.context import CloudContext
from setup_wizard.sim.cloud.errors import LegacyError, json_response, permission_denied
from setup_wizard.sim.cloud.model import Account, AccountKind, Device, iso
from setup_wizard.sim.cloud.render import device_json, page_of

DEVICE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,63}$")
DEVICE_ID = re.compile(r"^[0-9a-f]{24}$")


class DeviceRoutes:
    def __init__(self, ctx: CloudContext) -> None:
        self.ctx = ctx
        self.store = ctx.store

    def register(self, router: web.UrlDispatcher) -> None:
        router.add_post("/v1/device_claims", self.developer_claim)
        router.add_post("/v1/products/{product}/device_claims", self.customer_claim)
        router.add_get("/v1/devices", self.list_devices)
        router.add_get("/v1/devices/{device}", self.get_device)
        router.add_put("/v1/devices/{device}", self.update_device)
        router.add_put("/v1/devices/{device}/ping", self.ping)
        router.add_get("/v1/products/{product}/devices", self.list_product_devices)
        router.add_post("/v1/products/{product}/devices", self.add_product_device)
        router.add_get("/v1/products/{product}/devices/{device}", self.get_product_device)
        router.add_put("/v1/products/{product}/devices/{device}", self.update_product_device)
        router.add_delete("/v1/products/{product}/devices/{device}", self.remove_product_device)

    # --- claim codes ---

    async def developer_claim(self, request: web.Request) -> web.Response:
        account = (await self.ctx.caller(request)).account
        if account.kind is not AccountKind.DEVELOPER:
            raise permission_denied(
                "Customers get claim codes from /v1/products/:productIdOrSlug/device_claims"
            )
        return self._claim_code(account, None)

    async def customer_claim(self, request: web.Request) -> web.Response:
        account = (await self.ctx.caller(request)).account
        product = self.ctx.product(request)
        if account.kind is not AccountKind.CUSTOMER or account.product_id != product.id:
            raise permission_denied(
                "Only this product's customers can get claim codes here; use a customer "
                "token (developers use /v1/device_claims)"
            )
        return self._claim_code(account, product.id)

    def _claim_code(self, account: Account, product_id: int | None) -> web.Response:
        code = self.store.new_claim_code(account, product_id, self.ctx.now())
        return json_response(
            {
                "claim_code": code.value,
                "device_ids": [d.id for d in self.store.devices_of(account)],
            }
        )

    # --- the caller's devices ---

    async def list_devices(self, request: web.Request) -> web.Response:
        account = (await self.ctx.caller(request)).account
        return json_response([device_json(d) for d in self.store.devices_of(account)])

    async def get_device(self, request: web.Request) -> web.Response:
        account = (await self.ctx.caller(request)).account
        return json_response(device_json(self.ctx.own_device(request, account), detail=True))

    async def update_device(self, request: web.Request) -> web.Response:
        caller = await self.ctx.caller(request)
        return self._update(self.ctx.own_device(request, caller.account), caller.body)

    async def ping(self, request: web.Request) -> web.Response:
        device = self.ctx.own_device(request, (await self.ctx.caller(request)).account)
        if device.online:
            device.last_heard = self.ctx.now()
        return json_response({"online": device.online, "ok": True})

    # --- a product team's view ---

    async def list_product_devices(self, request: web.Request) -> web.Response:
        product = self.ctx.team_product(request, (await self.ctx.caller(request)).account)
        devices = self.store.devices_in(product)
        wanted_id = request.query.get("deviceId", "").lower()
        wanted_name = request.query.get("deviceName", "").lower()
        devices = [d for d in devices if wanted_id in d.id and wanted_name in d.name.lower()]
        if "quarantined" in request.query:
            wanted = request.query["quarantined"].lower() in ("true", "1")
            devices = [d for d in devices if d.quarantined is wanted]
        shown, meta = page_of(request, devices)
        owners = {d.owner.id: d.owner for d in shown if d.owner is not None}
        return json_response(
            {
                "devices": [device_json(d, detail=True) for d in shown],
                "customers": [{"id": o.id, "username": o.username} for o in owners.values()],
                "meta": meta,
            }
        )

    async def get_product_device(self, request: web.Request) -> web.Response:
        product = self.ctx.team_product(request, (await self.ctx.caller(request)).account)
        return json_response(device_json(self.ctx.product_device(request, product), detail=True))

    async def add_product_device(self, request: web.Request) -> web.Response:
        """Add a device ID to the product, or approve a quarantined or denied device."""
        caller = await self.ctx.caller(request)
        product = self.ctx.team_product(request, caller.account)
        device_id = (caller.body.text("id") or "").strip().lower()
        answer: dict[str, object] = {
            "updated": 0,
            "updatedDeviceIds": [],
            "existingDeviceIds": [],
            "nonmemberDeviceIds": [],
            "invalidDeviceIds": [],
        }
        if not DEVICE_ID.match(device_id):
            answer["invalidDeviceIds"] = [device_id]
        elif self.store.approve(product, device_id):
            answer.update(updated=1, updatedDeviceIds=[device_id])
        else:
            answer["existingDeviceIds"] = [device_id]
        return json_response(answer)

    async def remove_product_device(self, request: web.Request) -> web.Response:
        """Deny the device (``deny=true``, query or body), or take it out of the product."""
        caller = await self.ctx.caller(request)
        product = self.ctx.team_product(request, caller.account)
        device = self.ctx.product_device(request, product)
        deny = request.query.get("deny", "").lower() in ("true", "1") or caller.body.flag("deny")
        if deny:
            self.store.deny(product, device)
        else:
            self.store.remove_from_product(product, device)
        return web.Response(status=204)

    async def update_product_device(self, request: web.Request) -> web.Response:
        caller = await self.ctx.caller(request)
        product = self.ctx.team_product(request, caller.account)
        return self._update(self.ctx.product_device(request, product), caller.body)

    def _update(self, device: Device, body: Body) -> web.Response:
        name, notes = body.text("name"), body.text("notes")
        if name is None and notes is None:
            raise LegacyError(400, "Nothing to do?")
        if name is not None and not DEVICE_NAME.match(name):
            raise LegacyError(
                400,
                "Device names may use letters, digits, underscores and hyphens (up to 63)",
            )
        answer: dict[str, object] = {"id": device.id, "updated_at": iso(self.ctx.now())}
        if name is not None:
            device.name = answer["name"] = name
        if notes is not None:
            device.notes = answer["notes"] = notes
        return json_response(answer)
