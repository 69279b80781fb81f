"""Rate limits, server trouble and no internet: what is retried, what is not, what users read."""

from __future__ import annotations

import pytest
from cloud_support import POLICY, Customer, LeakGuard, RecordingSleep

from setup_wizard.cloud import (
    CloudClient,
    CloudUnreachable,
    RateLimited,
    ServerTrouble,
    SignInFailed,
    TokenGrant,
)
from setup_wizard.secret import Password, Token
from setup_wizard.sim.cloud import SimulatedCloud


async def test_rate_limit_with_retry_after_is_waited_out_then_the_call_succeeds(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer, sleeps: RecordingSleep
) -> None:
    sim.inject_failure("GET", "/v1/devices", status=429, retry_after=7)
    assert await cloud.list_devices(customer.grant.access_token) == []
    assert sleeps.delays == [7.0]


async def test_rate_limit_without_retry_after_backs_off(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer, sleeps: RecordingSleep
) -> None:
    sim.inject_failure("GET", "/v1/devices", status=429, count=2)
    assert await cloud.list_devices(customer.grant.access_token) == []
    assert sleeps.delays == [POLICY.base_delay, POLICY.base_delay * 2]


async def test_a_long_rate_limit_is_handed_to_the_user_with_when_to_retry(
    sim: SimulatedCloud,
    cloud: CloudClient,
    customer: Customer,
    sleeps: RecordingSleep,
    leaks: LeakGuard,
) -> None:
    leaks.watch(customer.grant)
    sim.inject_failure("GET", "/v1/devices", status=429, retry_after=1800)
    with pytest.raises(RateLimited) as caught:
        await cloud.list_devices(customer.grant.access_token)
    leaks.error(caught.value)
    assert caught.value.retry_after == 1800
    assert "30 minutes" in str(caught.value)
    assert sleeps.delays == []


async def test_server_trouble_on_a_read_is_retried_with_backoff(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer, sleeps: RecordingSleep
) -> None:
    sim.inject_failure("GET", "/v1/devices", status=503, count=2)
    assert await cloud.list_devices(customer.grant.access_token) == []
    assert sleeps.delays == [1.0, 2.0]


async def test_server_trouble_that_persists_is_reported_after_the_last_attempt(
    sim: SimulatedCloud, cloud: CloudClient, customer: Customer, sleeps: RecordingSleep
) -> None:
    sim.inject_failure("GET", "/v1/devices", status=500, count=POLICY.attempts)
    with pytest.raises(ServerTrouble) as caught:
        await cloud.list_devices(customer.grant.access_token)
    assert "Try again" in str(caught.value)
    assert len(sleeps.delays) == POLICY.attempts - 1
    assert await cloud.list_devices(customer.grant.access_token) == []  # all failures used up


async def test_server_trouble_on_a_claim_code_is_not_retried(
    sim: SimulatedCloud,
    cloud: CloudClient,
    customer: Customer,
    sleeps: RecordingSleep,
    leaks: LeakGuard,
) -> None:
    leaks.watch(customer.grant)
    path = f"/v1/products/{sim.product.id}/device_claims"
    sim.inject_failure("POST", path, status=502)
    with pytest.raises(ServerTrouble) as caught:
        await cloud.create_claim_code(customer.grant.access_token, sim.product.id)
    leaks.error(caught.value)
    assert sleeps.delays == []
    code = await cloud.create_claim_code(customer.grant.access_token, sim.product.id)
    leaks.watch(code.claim_code)


@pytest.mark.parametrize(
    ("status", "retry_after", "kind"),
    [(503, None, ServerTrouble), (429, 1, RateLimited)],
)
async def test_a_failed_token_request_is_never_retried(
    sim: SimulatedCloud,
    cloud: CloudClient,
    sleeps: RecordingSleep,
    leaks: LeakGuard,
    status: int,
    retry_after: int | None,
    kind: type[Exception],
) -> None:
    password = Password(sim.developer.password)
    leaks.watch(password)
    sim.inject_failure("POST", "/oauth/token", status=status, retry_after=retry_after)
    with pytest.raises(kind) as caught:
        await cloud.sign_in(sim.developer.username, password)
    leaks.error(caught.value)
    assert sleeps.delays == []
    grant = await cloud.sign_in(sim.developer.username, password)  # the user tries again
    leaks.watch(grant)


async def test_no_cloud_at_the_address_says_check_the_connection(
    nowhere: CloudClient, sleeps: RecordingSleep, leaks: LeakGuard
) -> None:
    token = Token("tok-never-sent-anywhere-1234")
    leaks.watch(token)
    with pytest.raises(CloudUnreachable) as caught:
        await nowhere.list_devices(token)
    leaks.error(caught.value)
    assert "internet" in str(caught.value)
    assert "127.0.0.1" in str(caught.value)
    assert len(sleeps.delays) == POLICY.attempts - 1


async def test_a_post_refused_at_connect_is_retried_since_it_never_arrived(
    nowhere: CloudClient, sleeps: RecordingSleep
) -> None:
    with pytest.raises(CloudUnreachable):
        await nowhere.create_claim_code(Token("tok-x"), 1234)
    assert len(sleeps.delays) == POLICY.attempts - 1


async def test_a_sign_in_refused_at_connect_is_not_retried(
    nowhere: CloudClient, sleeps: RecordingSleep, leaks: LeakGuard
) -> None:
    password = Password("pw-should-not-leak-5521")
    leaks.watch(password)
    with pytest.raises(CloudUnreachable) as caught:
        await nowhere.sign_in("someone@example.com", password)
    leaks.error(caught.value)
    assert sleeps.delays == []


async def test_sign_out_retries_server_trouble_since_it_is_idempotent(
    sim: SimulatedCloud, cloud: CloudClient, developer: TokenGrant, sleeps: RecordingSleep
) -> None:
    sim.inject_failure("DELETE", "/v1/access_tokens/current", status=500)
    await cloud.sign_out(developer.access_token)
    assert sleeps.delays == [1.0]


async def test_a_server_that_echoes_the_password_back_cannot_leak_it(
    sim: SimulatedCloud, cloud: CloudClient, leaks: LeakGuard
) -> None:
    password = Password("echoed-pw-0c81d2")
    leaks.watch(password, sim.client.secret)
    echo = {
        "error": "invalid_grant",
        "error_description": f"password {password.reveal()} does not match",
    }
    sim.inject_failure("POST", "/oauth/token", status=400, body=echo)
    with pytest.raises(SignInFailed) as caught:
        await cloud.sign_in(sim.developer.username, password)
    leaks.error(caught.value)
    assert "does not match" in str(caught.value)


async def test_server_words_that_contain_the_public_client_secret_are_left_intact(
    sim: SimulatedCloud, cloud: CloudClient
) -> None:
    # The public client's id and secret are both "particle": no secret, so nothing to hide.
    answer = {
        "error": "invalid_grant",
        "error_description": "User credentials are invalid; see https://docs.particle.io/",
    }
    sim.inject_failure("POST", "/oauth/token", status=400, body=answer)
    with pytest.raises(SignInFailed) as caught:
        await cloud.sign_in(sim.developer.username, Password("wrong-pw-2bd1"))
    assert "https://docs.particle.io/" in str(caught.value)
