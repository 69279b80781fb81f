"""Helpers for the simulated-cloud tests: plain httpx requests written from the reference
(particle-cloud-api.md), never through a client class of ours."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from setup_wizard.sim.cloud import SimulatedCloud
from setup_wizard.sim.link import Handshake

WAIT = 5.0  # seconds any single read may take before the test fails


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class EventReader:
    """Reads an SSE stream line by line; every read fails after WAIT seconds."""

    def __init__(self, lines: AsyncIterator[str]) -> None:
        self._lines = lines

    async def line(self) -> str:
        async with asyncio.timeout(WAIT):
            return await anext(self._lines)

    async def event(self) -> tuple[str, dict[str, Any]]:
        """The next event, skipping keep-alives; fails after WAIT seconds in all."""
        name: str | None = None
        data: dict[str, Any] | None = None
        async with asyncio.timeout(WAIT):
            while True:
                line = await anext(self._lines)
                if line.startswith("event:"):
                    name = line.removeprefix("event:").strip()
                elif line.startswith("data:"):
                    data = json.loads(line.removeprefix("data:"))
                elif line == "" and name is not None and data is not None:
                    return name, data

    async def rest(self) -> list[str]:
        """Everything until the server ends the stream."""
        async with asyncio.timeout(WAIT):
            return [line async for line in self._lines]


@dataclass
class Api:
    http: httpx.AsyncClient
    cloud: SimulatedCloud

    async def token(self, **form: str) -> httpx.Response:
        return await self.http.post("/oauth/token", data=form)

    async def developer_token(self) -> str:
        response = await self.http.post(
            "/oauth/token",
            data={
                "grant_type": "password",
                "username": self.cloud.developer.username,
                "password": self.cloud.developer.password,
            },
            auth=("particle", "particle"),
        )
        assert response.status_code == 200, response.text
        return str(response.json()["access_token"])

    async def create_customer(
        self, email: str = "alice@example.com", password: str | None = "correct horse"
    ) -> httpx.Response:
        form = {"email": email}
        form.update({"password": password} if password else {"no_password": "true"})
        return await self.http.post(
            f"/v1/products/{self.cloud.product.id}/customers",
            data=form,
            auth=(self.cloud.client.id, self.cloud.client.secret),
        )

    async def customer_token(self, email: str = "alice@example.com") -> str:
        response = await self.create_customer(email)
        assert response.status_code == 201, response.text
        return str(response.json()["access_token"])

    async def claim_code(self, customer_token: str) -> str:
        response = await self.http.post(
            f"/v1/products/{self.cloud.product.id}/device_claims", headers=bearer(customer_token)
        )
        assert response.status_code == 200, response.text
        return str(response.json()["claim_code"])

    async def online(self, device_id: str, claim_code: str | None = None) -> bool:
        return await self.cloud.device_online(
            Handshake(device_id=device_id, platform_id=6, claim_code=claim_code, ssid="Home")
        )

    @asynccontextmanager
    async def events(
        self, path: str, token: str | None = None, **params: str
    ) -> AsyncIterator[EventReader]:
        headers = bearer(token) if token else {}
        async with self.http.stream("GET", path, headers=headers, params=params) as response:
            assert response.status_code == 200, await response.aread()
            assert response.headers["content-type"].startswith("text/event-stream")
            reader = EventReader(response.aiter_lines())
            assert await reader.line() == ":ok"  # subscribed: events from now on arrive
            yield reader


CloudFactory = Callable[..., Awaitable[SimulatedCloud]]
Connect = Callable[[SimulatedCloud], Api]
