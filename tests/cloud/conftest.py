"""The cloud client against the simulated Particle Cloud, on 127.0.0.1."""

from __future__ import annotations

import logging
import secrets
import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from cloud_support import (
    POLICY,
    Answers,
    Customer,
    LeakGuard,
    MakeCloud,
    RecordingSleep,
    new_email,
)

from setup_wizard.cloud import (
    ClientCredentials,
    CloudClient,
    CloudSettings,
    TokenGrant,
    make_http_client,
)
from setup_wizard.secret import ClientSecret, Password
from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.cloud import SimulatedCloud


@pytest.fixture
def leaks() -> Iterator[LeakGuard]:
    """Fails the test if a watched secret shows in any log record or checked error."""
    root = logging.getLogger()
    guard, level = LeakGuard(), root.level
    root.addHandler(guard)
    root.setLevel(logging.DEBUG)
    try:
        yield guard
    finally:
        root.removeHandler(guard)
        root.setLevel(level)
    guard.check()


async def _started(mfa: bool, **options: Any) -> SimulatedCloud:
    cloud = SimulatedCloud(
        clock=SimClock(speed=500), host="127.0.0.1", port=0, mfa=mfa, seed=1, **options
    )
    await cloud.start()
    return cloud


@pytest.fixture
async def sim(request: pytest.FixtureRequest) -> AsyncIterator[SimulatedCloud]:
    """The simulated cloud; parametrize it indirectly with a dict of ``SimulatedCloud``
    options (``customer_exists``, ``quarantine_new_devices``, ...)."""
    cloud = await _started(mfa=False, **getattr(request, "param", {}))
    try:
        yield cloud
    finally:
        await cloud.stop()


@pytest.fixture
async def sim_mfa() -> AsyncIterator[SimulatedCloud]:
    cloud = await _started(mfa=True)
    try:
        yield cloud
    finally:
        await cloud.stop()


@pytest.fixture
def sleeps() -> RecordingSleep:
    return RecordingSleep()


def _http_client(url: str) -> httpx.AsyncClient:
    return make_http_client(CloudSettings(api_url=url, timeout=10.0, connect_timeout=2.0))


async def _client_for(url: str, sleeps: RecordingSleep) -> AsyncIterator[CloudClient]:
    async with _http_client(url) as http:
        yield CloudClient(http, retry=POLICY, sleep=sleeps, rand=lambda: 0.0)


@pytest.fixture
def answers() -> Answers:
    """The simulated cloud's answers to ``cloud`` (and ``make_cloud``) clients, by path."""
    return Answers()


@pytest.fixture
async def http(sim: SimulatedCloud, answers: Answers) -> AsyncIterator[httpx.AsyncClient]:
    async with _http_client(sim.url) as client:
        client.event_hooks["response"].append(answers)
        yield client


@pytest.fixture
def make_cloud(http: httpx.AsyncClient, sleeps: RecordingSleep) -> MakeCloud:
    """Another client of the simulated cloud, with settings of the test's choosing."""

    def make(**settings: Any) -> CloudClient:
        return CloudClient(http, retry=POLICY, sleep=sleeps, rand=lambda: 0.0, **settings)

    return make


@pytest.fixture
def cloud(make_cloud: MakeCloud) -> CloudClient:
    return make_cloud()


@pytest.fixture
async def cloud_mfa(sim_mfa: SimulatedCloud, sleeps: RecordingSleep) -> AsyncIterator[CloudClient]:
    async for client in _client_for(sim_mfa.url, sleeps):
        yield client


@pytest.fixture
async def nowhere(sleeps: RecordingSleep) -> AsyncIterator[CloudClient]:
    """A client whose cloud address is a closed loopback port (connection refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async for client in _client_for(f"http://127.0.0.1:{port}", sleeps):
        yield client


@pytest.fixture
def product_client(sim: SimulatedCloud) -> ClientCredentials:
    """The seeded product's OAuth client (unscoped, so it may mint customer tokens)."""
    return ClientCredentials(sim.client.id, ClientSecret(sim.client.secret))


@pytest.fixture
async def developer(sim: SimulatedCloud, cloud: CloudClient) -> TokenGrant:
    """The seeded developer (a member of the product's team), signed in."""
    return await cloud.sign_in(sim.developer.username, Password(sim.developer.password))


@pytest.fixture
async def customer(
    sim: SimulatedCloud, cloud: CloudClient, product_client: ClientCredentials
) -> Customer:
    """A new customer of the seeded product, with a password, signed in."""
    email, password = new_email(), Password(f"pw-{secrets.token_hex(8)}")
    grant = await cloud.create_customer(sim.product.id, product_client, email, password)
    return Customer(email, password, grant)
