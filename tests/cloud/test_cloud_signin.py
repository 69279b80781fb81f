"""Signing in and out: developers, two-step verification, expiry, revocation, refresh."""

from __future__ import annotations

import pyotp
import pytest
from cloud_support import Customer, LeakGuard

from setup_wizard.cloud import (
    ClientCredentials,
    CloudClient,
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
