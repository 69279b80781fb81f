"""The signed-in account: ``/v1/user`` and ``/v1/access_tokens`` (inspect, sign out)."""

from __future__ import annotations

from aiohttp import web

from setup_wizard.sim.cloud.context import CloudContext
from setup_wizard.sim.cloud.errors import json_response
from setup_wizard.sim.cloud.model import iso


class AccountRoutes:
    def __init__(self, ctx: CloudContext) -> None:
        self.ctx = ctx

    def register(self, router: web.UrlDispatcher) -> None:
        router.add_get("/v1/user", self.user)
        router.add_get("/v1/access_tokens/current", self.current_token)
        router.add_delete("/v1/access_tokens/current", self.sign_out)
        router.add_delete("/v1/access_tokens", self.sign_out_everywhere)

    async def user(self, request: web.Request) -> web.Response:
        account = (await self.ctx.caller(request)).account
        devices = self.ctx.store.devices_of(account)
        return json_response(
            {
                "username": account.username,
                "tos": {"accepted": True},
                "account_info": {"first_name": "", "last_name": "", "business_account": False},
                "mfa": {"enabled": account.mfa_secret is not None},
                "memberships": [],
                "scim_provisioned": False,
                "no_password": account.password is None,
                "wifi_device_count": len(devices),
                "cellular_device_count": 0,
            }
        )

    async def current_token(self, request: web.Request) -> web.Response:
        token = (await self.ctx.caller(request)).token
        return json_response(
            {
                "expires_at": iso(token.expires_at),
                "client": token.client_id,
                "scopes": [],
                "orgs": [],
            }
        )

    async def sign_out(self, request: web.Request) -> web.Response:
        token = (await self.ctx.caller(request)).token
        self.ctx.store.access_tokens.pop(token.value, None)
        return json_response({"ok": True})

    async def sign_out_everywhere(self, request: web.Request) -> web.Response:
        self.ctx.store.revoke_all((await self.ctx.caller(request)).account)
        return json_response({"ok": True})
