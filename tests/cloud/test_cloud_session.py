"""A sign-in that renews itself before it runs out, and says "sign in again" when it cannot."""

from __future__ import annotations

import asyncio

import pytest
from cloud_support import Answers, LeakGuard, MakeCloud, new_email

from setup_wizard.cloud import (
    PARTICLE_CLIENT,
    ClientCredentials,
    CloudClient,
    CloudSession,
    ServerTrouble,
    SessionExpired,
    TokenGrant,
)
from setup_wizard.secret import Password
from setup_wizard.sim.cloud import SimulatedCloud

HOUR = 3600
DAY = 24 * HOUR


@pytest.fixture
def cloud(make_cloud: MakeCloud, sim: SimulatedCloud) -> CloudClient:
    """A client on the simulated cloud's clock, so expiry times match the cloud's."""
    return make_cloud(now=sim.clock.now)


async def customer_grant(
    sim: SimulatedCloud, cloud: CloudClient, client: ClientCredentials, lifetime: int
) -> TokenGrant:
    email = new_email()
    await cloud.create_customer(sim.product.id, client, email, None)
    return await cloud.customer_token(client, email, expires_in=lifetime)


async def test_a_customer_session_renews_its_token_before_it_runs_out(
    sim: SimulatedCloud, cloud: CloudClient, product_client: ClientCredentials, leaks: LeakGuard
) -> None:
    grant = await customer_grant(sim, cloud, product_client, HOUR)
    renewed: list[TokenGrant] = []
    session = CloudSession(
        cloud, grant, client=product_client, now=sim.clock.now, on_renewed=renewed.append
    )
    leaks.watch(grant, product_client.secret)
    assert await session.token() == grant.access_token  # far from expiry: as it was

    sim.clock.advance(HOUR - 5 * 60)  # within the 10-minute margin
    token = await session.token()
    assert token != grant.access_token
    assert [g.access_token for g in renewed] == [token]
    leaks.watch(*renewed)
    assert await cloud.list_devices(token) == []
    assert await session.token() == token  # renewed once, not at every call


async def test_callers_at_the_same_moment_share_one_renewal(
    sim: SimulatedCloud,
    cloud: CloudClient,
    product_client: ClientCredentials,
    answers: Answers,
) -> None:
    grant = await customer_grant(sim, cloud, product_client, HOUR)
    session = CloudSession(cloud, grant, client=product_client, now=sim.clock.now)
    sim.clock.advance(HOUR - 60)
    before = answers.count("/oauth/token")
    first, second = await asyncio.gather(session.token(), session.token())
    assert first == second != grant.access_token  # a refresh token works only once
    assert answers.count("/oauth/token") == before + 1


async def test_a_developer_session_cannot_be_renewed_and_asks_to_sign_in_again(
    sim: SimulatedCloud, cloud: CloudClient, answers: Answers
) -> None:
    grant = await cloud.sign_in(
        sim.developer.username, Password(sim.developer.password), expires_in=HOUR
    )
    assert grant.refresh_token is not None  # offered, yet refused for developers
    session = CloudSession(cloud, grant, client=PARTICLE_CLIENT, now=sim.clock.now)
    assert not session.renewable
    sim.clock.advance(HOUR - 60)
    assert await session.token() == grant.access_token  # still good for a minute
    sim.clock.advance(120)
    with pytest.raises(SessionExpired) as caught:
        await session.token()
    assert "Sign in again" in str(caught.value)
    assert answers.count("/oauth/token") == 1  # the sign-in only: no refresh was tried


async def test_a_refused_renewal_keeps_the_token_until_it_expires(
    sim: SimulatedCloud, cloud: CloudClient, product_client: ClientCredentials
) -> None:
    grant = await customer_grant(sim, cloud, product_client, 20 * DAY)
    session = CloudSession(cloud, grant, client=product_client, now=sim.clock.now)
    sim.clock.advance(20 * DAY - 5 * 60)  # the refresh token died at 14 days
    assert await session.token() == grant.access_token
    assert not session.renewable
    sim.clock.advance(10 * 60)
    with pytest.raises(SessionExpired):
        await session.token()


async def test_a_renewal_that_fails_for_a_passing_reason_is_tried_again_later(
    sim: SimulatedCloud, cloud: CloudClient, product_client: ClientCredentials
) -> None:
    grant = await customer_grant(sim, cloud, product_client, HOUR)
    session = CloudSession(cloud, grant, client=product_client, now=sim.clock.now)
    sim.clock.advance(HOUR - 5 * 60)
    sim.inject_failure("POST", "/oauth/token", status=503)
    assert await session.token() == grant.access_token  # still valid: used as it is
    assert session.renewable
    assert await session.token() != grant.access_token


async def test_an_expired_token_whose_renewal_fails_reports_why(
    sim: SimulatedCloud, cloud: CloudClient, product_client: ClientCredentials
) -> None:
    grant = await customer_grant(sim, cloud, product_client, HOUR)
    session = CloudSession(cloud, grant, client=product_client, now=sim.clock.now)
    sim.clock.advance(HOUR + 60)
    sim.inject_failure("POST", "/oauth/token", status=503)
    with pytest.raises(ServerTrouble):
        await session.token()
    assert await session.token() != grant.access_token  # the refresh token still works
