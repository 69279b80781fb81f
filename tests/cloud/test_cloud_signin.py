"""Signing in and out: developers, two-step verification, expiry, revocation, refresh."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pyotp
import pytest
from cloud_support import Answers, Customer, LeakGuard, MakeCloud

from setup_wizard.cloud import (
    ClientCredentials,
    CloudClient,
    CustomerAccess,
    ExistingCustomer,
    MfaCodeWrong,
    MfaRequired,
    SessionExpired,
    SignInFailed,
    TokenGrant,
)
from setup_wizard.secret import Password, Token
from setup_wizard.sim.cloud import SimulatedCloud


async def test_developer_signs_in_and_the_token_works(
    sim: SimulatedCloud, cloud: CloudClient, developer: TokenGrant
) -> None:
    assert isinstance(developer.access_token, Token)
    assert developer.token_type.lower() == "bearer"
    products = await cloud.list_products(developer.access_token)
    assert sim.product.id in [p.id for p in products]


async def test_wrong_password_says_so_and_leaks_nothing(
    sim: SimulatedCloud, cloud: CloudClient, leaks: LeakGuard
) -> None:
    wrong = Password("not-the-password-9f2c")
    leaks.watch(wrong, sim.developer.password)
    with pytest.raises(SignInFailed) as caught:
        await cloud.sign_in(sim.developer.username, wrong)
    leaks.error(caught.value)
    assert "email or password" in str(caught.value)


async def test_two_step_sign_in_asks_for_a_code_then_accepts_the_right_one(
    sim_mfa: SimulatedCloud, cloud_mfa: CloudClient, leaks: LeakGuard
) -> None:
    password = Password(sim_mfa.developer.password)
    leaks.watch(password)
    with pytest.raises(MfaRequired) as caught:
        await cloud_mfa.sign_in(sim_mfa.developer.username, password)
    leaks.watch(caught.value.mfa_token)
    leaks.error(caught.value)
    assert caught.value.mfa_token

    secret = sim_mfa.developer.mfa_otp_secret
    assert secret is not None
    code = pyotp.TOTP(secret).at(sim_mfa.clock.now())
    grant = await cloud_mfa.verify_mfa(caught.value.mfa_token, code)
    leaks.watch(grant)
    assert await cloud_mfa.list_products(grant.access_token)


async def test_the_two_step_code_is_never_held_in_plain_text(
    sim_mfa: SimulatedCloud, cloud_mfa: CloudClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = []
    send = CloudClient._send

    async def spy(self: CloudClient, call: Any, **kwargs: Any) -> Any:
        sent.append(repr(call))
        return await send(self, call, **kwargs)

    monkeypatch.setattr(CloudClient, "_send", spy)
    with pytest.raises(MfaRequired) as first:
        await cloud_mfa.sign_in(sim_mfa.developer.username, Password(sim_mfa.developer.password))
    secret = sim_mfa.developer.mfa_otp_secret
    assert secret is not None
    code = pyotp.TOTP(secret).at(sim_mfa.clock.now())
    await cloud_mfa.verify_mfa(first.value.mfa_token, code)
    assert len(sent) == 2
    assert code not in sent[1]


async def test_a_wrong_two_step_code_is_reported_as_such(
    sim_mfa: SimulatedCloud, cloud_mfa: CloudClient, leaks: LeakGuard
) -> None:
    with pytest.raises(MfaRequired) as first:
        await cloud_mfa.sign_in(sim_mfa.developer.username, Password(sim_mfa.developer.password))
    secret = sim_mfa.developer.mfa_otp_secret
    assert secret is not None
    right = pyotp.TOTP(secret).at(sim_mfa.clock.now())
    wrong = f"{(int(right) + 500_000) % 1_000_000:06d}"
    leaks.watch(first.value.mfa_token, wrong, sim_mfa.developer.password)
    with pytest.raises(MfaCodeWrong) as caught:
        await cloud_mfa.verify_mfa(first.value.mfa_token, wrong)
    leaks.error(caught.value)
    assert "verification code" in str(caught.value)


async def test_an_expired_token_asks_to_sign_in_again(
    sim: SimulatedCloud, cloud: CloudClient, developer: TokenGrant, leaks: LeakGuard
) -> None:
    leaks.watch(developer)
    sim.clock.advance(91 * 24 * 3600)  # past the 90-day default lifetime
    with pytest.raises(SessionExpired) as caught:
        await cloud.list_products(developer.access_token)
    leaks.error(caught.value)
    assert "Sign in again" in str(caught.value)


async def test_after_sign_out_the_token_no_longer_works(
    cloud: CloudClient, developer: TokenGrant, leaks: LeakGuard
) -> None:
    leaks.watch(developer)
    await cloud.sign_out(developer.access_token)
    with pytest.raises(SessionExpired) as caught:
        await cloud.list_products(developer.access_token)
    leaks.error(caught.value)


async def test_signing_out_a_token_that_no_longer_works_still_succeeds(
    cloud: CloudClient, developer: TokenGrant
) -> None:
    # As when a first sign-out revoked the token but its answer was lost on the way back.
    await cloud.sign_out(developer.access_token)
    await cloud.sign_out(developer.access_token)


async def test_a_grant_says_when_it_expires_counted_from_its_arrival(
    sim: SimulatedCloud, make_cloud: MakeCloud, product_client: ClientCredentials
) -> None:
    arrival = 1_750_000_000.0
    cloud = make_cloud(now=lambda: arrival)
    developer = await cloud.sign_in(sim.developer.username, Password(sim.developer.password))
    assert developer.expires_in == 90 * 24 * 3600
    assert developer.expires_at == datetime.fromtimestamp(arrival, UTC) + timedelta(days=90)

    forever = await cloud.sign_in(
        sim.developer.username, Password(sim.developer.password), expires_in=0
    )
    assert forever.expires_at is None

    access: CustomerAccess = await cloud.open_customer(
        sim.product.id,
        product_client,
        "expiry@example.com",
        None,
        existing=ExistingCustomer.SCOPED_TOKEN,
    )
    assert access.grant.expires_at == developer.expires_at


async def test_a_customer_token_is_refreshed_with_the_product_client(
    sim: SimulatedCloud,
    cloud: CloudClient,
    customer: Customer,
    product_client: ClientCredentials,
) -> None:
    refresh = customer.grant.refresh_token
    assert refresh is not None
    renewed = await cloud.refresh(refresh, client=product_client)
    assert renewed.access_token != customer.grant.access_token
    grant = await cloud.create_claim_code(renewed.access_token, sim.product.id)
    assert grant.claim_code


@pytest.mark.parametrize(("username", "password"), [("dev@example.com", ""), ("  ", "pw-1234")])
async def test_an_empty_email_or_password_is_asked_for_and_never_sent(
    cloud: CloudClient, answers: Answers, username: str, password: str
) -> None:
    with pytest.raises(SignInFailed) as caught:
        await cloud.sign_in(username, Password(password))
    assert "Enter both the email and the password" in str(caught.value)
    assert "OAuth client" not in str(caught.value)
    assert answers.count("/oauth/token") == 0  # no failed request towards the lockout
