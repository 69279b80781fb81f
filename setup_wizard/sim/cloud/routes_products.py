"""Products, their OAuth clients and their customers.

Choices where the reference is silent or "unverified":

- Customer tokens may not read products (403), as the reference assumes.
- Creating a client answers 200 ``{"ok": true, "client": {…, "secret"}}`` with
  ``product_id``; the secret is never shown again.
- A customer that already exists answers in one of the shapes of ``exists`` (400, 401
  or 500), the same for the whole life of a cloud.
- An email is refused (400) only when no identifier could be one: longer than 254
  characters, or holding control characters (``store.email_problem``).
- Deleting a client answers 204; customers it created, and their tokens, remain.
- Customer creation accepts the product's client credentials (Basic or form) or a team
  member's token. Missing or bad client credentials are 401 with the OAuth body
  ``invalid_client``, as the reference (§4.1) states; Particle's OAuth server code would
  answer 400 for ``invalid_client`` (as ``/oauth/token`` here does), but the reference is
  our authority. A client of another product is 403.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from setup_wizard.sim.cloud.auth import (
    authenticate,
    carries_token,
    client_credentials,
    require_client,
)
from setup_wizard.sim.cloud.body import read_body
from setup_wizard.sim.cloud.context import CloudContext
from setup_wizard.sim.cloud.errors import LegacyError, json_response, permission_denied
from setup_wizard.sim.cloud.model import DEFAULT_TOKEN_LIFETIME, AccountKind, Product
from setup_wizard.sim.cloud.render import client_json, page_of, product_json
from setup_wizard.sim.cloud.store import email_problem
from setup_wizard.sim.cloud.tokens import issue

CLIENT_TYPES = ("installed", "web")
BAD_CLIENT_STATUS = 401  # reference §4.1; see the module docstring


class ProductRoutes:
    def __init__(self, ctx: CloudContext) -> None:
        self.ctx = ctx
        self.store = ctx.store

    def register(self, router: web.UrlDispatcher) -> None:
        router.add_get("/v1/products", self.list_products)
        router.add_get("/v1/products/{product}", self.get_product)
        router.add_get("/v1/products/{product}/clients", self.list_clients)
        router.add_post("/v1/products/{product}/clients", self.create_client)
        router.add_delete("/v1/products/{product}/clients/{client}", self.delete_client)
        router.add_get("/v1/products/{product}/customers", self.list_customers)
        router.add_post("/v1/products/{product}/customers", self.create_customer)

    async def list_products(self, request: web.Request) -> web.Response:
        account = (await self.ctx.caller(request)).account
        if account.kind is not AccountKind.DEVELOPER:
            raise permission_denied("Customer accounts cannot list products")
        products = [p for p in self.store.products.values() if p.id in account.team]
        return json_response({"products": [self._product_json(p) for p in products]})

    async def get_product(self, request: web.Request) -> web.Response:
        account = (await self.ctx.caller(request)).account
        return json_response(
            {"product": self._product_json(self.ctx.team_product(request, account))}
        )

    def _product_json(self, product: Product) -> dict[str, Any]:
        return product_json(product, quarantine=product.id in self.store.quarantining)

    async def list_clients(self, request: web.Request) -> web.Response:
        product = self.ctx.team_product(request, (await self.ctx.caller(request)).account)
        return json_response({"clients": [client_json(c) for c in self.store.clients_of(product)]})

    async def create_client(self, request: web.Request) -> web.Response:
        caller = await self.ctx.caller(request)
        product = self.ctx.team_product(request, caller.account)
        name = (caller.body.text("name") or "").strip()
        client_type = caller.body.text("type") or ""
        redirect_uri = caller.body.text("redirect_uri")
        if not name:
            raise LegacyError(400, "name is required")
        if client_type not in CLIENT_TYPES:
            raise LegacyError(400, "type must be installed or web")
        if client_type == "web" and not redirect_uri:
            raise LegacyError(400, "redirect_uri is required for web clients")
        client = self.store.add_client(
            product,
            name,
            client_type,
            scope=caller.body.text("scope") or None,
            redirect_uri=redirect_uri,
        )
        return json_response({"ok": True, "client": client_json(client, with_secret=True)})

    async def delete_client(self, request: web.Request) -> web.Response:
        """The client stops working at once; its customers and their tokens remain."""
        product = self.ctx.team_product(request, (await self.ctx.caller(request)).account)
        client = self.store.clients.get(request.match_info["client"])
        if client is None or client.product_id != product.id:
            raise LegacyError(404, "Client not found")
        del self.store.clients[client.id]
        return web.Response(status=204)

    async def list_customers(self, request: web.Request) -> web.Response:
        product = self.ctx.team_product(request, (await self.ctx.caller(request)).account)
        customers, meta = page_of(request, self.store.customers_of(product))
        owned = {c.id: self.store.devices_of(c) for c in customers}
        return json_response(
            {
                "customers": [
                    {"id": c.id, "username": c.username, "devices": [d.id for d in owned[c.id]]}
                    for c in customers
                ],
                "devices": [
                    {
                        "id": d.id,
                        "product_id": d.product_id,
                        "last_ip_address": d.last_ip_address,
                        "firmware_version": None,
                        "online": d.online,
                    }
                    for devices in owned.values()
                    for d in devices
                ],
                "meta": meta,
            }
        )

    async def create_customer(self, request: web.Request) -> web.Response:
        product = self.ctx.product(request)
        body = await read_body(request)
        now = self.ctx.now()
        creds = client_credentials(request, body)
        client_id: str | None
        if creds.complete or not carries_token(request, body):
            client = require_client(self.store, creds, status=BAD_CLIENT_STATUS)
            if client.product_id != product.id:
                raise permission_denied("This OAuth client belongs to another product")
            client_id = client.id
        else:
            account = authenticate(request, body, self.store, now).account
            if not self.store.is_team_member(account, product):
                raise permission_denied(
                    "Create customers with the product's OAuth client or a team member's token"
                )
            client_id = None
        email = (body.text("email") or "").strip()
        password = body.text("password")
        problem = email_problem(email)
        if problem is not None:
            raise LegacyError(400, problem)
        if not password and not body.flag("no_password"):
            raise LegacyError(400, "password is required (or no_password=true)")
        if self.store.customer(product.id, email) is not None:
            raise self.ctx.customer_exists.error(email.lower())
        customer = self.store.add_customer(product, email, password or None)
        token = issue(self.store, customer, client_id, DEFAULT_TOKEN_LIFETIME, now)
        return json_response(token, status=201)
