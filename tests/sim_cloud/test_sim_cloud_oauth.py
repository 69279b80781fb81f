"""``/oauth/token``: grants, client credentials, expiry, refresh and two-step sign-in."""

from __future__ import annotations

from datetime import UTC, datetime

import pyotp
import pytest
from sim_cloud_api import Api, CloudFactory, Connect, bearer

DAY = 24 * 3600


async def whoami(api: Api, token: str) -> str:
    response = await api.http.get("/v1/user", headers=bearer(token))
    assert response.status_code == 200, response.text
    return str(response.json()["username"])


async def test_password_grant_with_basic_auth_signs_the_developer_in(api: Api) -> None:
    response = await api.http.post(
        "/oauth/token",
        data={
            "grant_type": "password",
            "username": api.cloud.developer.username,
            "password": api.cloud.developer.password,
        },
        auth=("particle", "particle"),
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 90 * DAY
    assert body["refresh_token"]
    assert await whoami(api, body["access_token"]) == api.cloud.developer.username


async def test_password_grant_with_client_fields_in_the_form(api: Api) -> None:
    response = await api.token(
        grant_type="password",
        username=api.cloud.developer.username.upper(),  # user names are not case sensitive
        password=api.cloud.developer.password,
        client_id="particle-api",
        client_secret="particle-api",
    )
    assert response.status_code == 200
    assert await whoami(api, response.json()["access_token"]) == api.cloud.developer.username


async def test_token_endpoint_refuses_json_bodies(api: Api) -> None:
    response = await api.http.post(
        "/oauth/token",
        json={
            "grant_type": "password",
            "username": api.cloud.developer.username,
            "password": api.cloud.developer.password,
        },
        auth=("particle", "particle"),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
    assert "x-www-form-urlencoded" in response.json()["error_description"]


async def test_wrong_password_is_invalid_grant(api: Api) -> None:
    response = await api.token(
        grant_type="password",
        username=api.cloud.developer.username,
        password="wrong",
        client_id="particle",
        client_secret="particle",
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_grant",
        "error_description": "User credentials are invalid",
    }


@pytest.mark.parametrize("in_header", [True, False])
async def test_wrong_client_secret_is_invalid_client(api: Api, in_header: bool) -> None:
    form = {
        "grant_type": "password",
        "username": api.cloud.developer.username,
        "password": api.cloud.developer.password,
    }
    if in_header:
        response = await api.http.post("/oauth/token", data=form, auth=("particle", "nope"))
    else:
        response = await api.token(**form, client_id="particle", client_secret="nope")
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_client"


async def test_customer_signs_in_with_the_product_client_only(api: Api) -> None:
    await api.create_customer("bob@example.com", "hunter2hunter2")
    form = {"grant_type": "password", "username": "bob@example.com", "password": "hunter2hunter2"}
    with_product = await api.http.post(
        "/oauth/token", data=form, auth=(api.cloud.client.id, api.cloud.client.secret)
    )
    assert with_product.status_code == 200
    assert await whoami(api, with_product.json()["access_token"]) == "bob@example.com"
    with_particle = await api.http.post("/oauth/token", data=form, auth=("particle", "particle"))
    assert with_particle.status_code == 400
    assert with_particle.json()["error"] == "invalid_grant"


@pytest.mark.parametrize("in_header", [True, False])
async def test_client_credentials_mint_a_customer_scoped_token(api: Api, in_header: bool) -> None:
    await api.create_customer("carol@example.com")
    form = {"grant_type": "client_credentials", "scope": "customer=carol@example.com"}
    client = (api.cloud.client.id, api.cloud.client.secret)
    if in_header:
        response = await api.http.post("/oauth/token", data=form, auth=client)
    else:
        response = await api.token(**form, client_id=client[0], client_secret=client[1])
    assert response.status_code == 200
    assert response.json()["scope"] == "customer=carol@example.com"
    assert await whoami(api, response.json()["access_token"]) == "carol@example.com"


async def test_client_credentials_for_an_unknown_customer_is_invalid_grant(api: Api) -> None:
    response = await api.http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "scope": "customer=nobody@example.com"},
        auth=(api.cloud.client.id, api.cloud.client.secret),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


async def test_client_credentials_need_a_customer_scope(api: Api) -> None:
    response = await api.http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(api.cloud.client.id, api.cloud.client.secret),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_scope"


async def test_built_in_client_may_not_use_client_credentials(api: Api) -> None:
    response = await api.http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "scope": "customer=a@example.com"},
        auth=("particle", "particle"),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_client"


async def test_customer_only_client_cannot_mint_customer_tokens(api: Api) -> None:
    team = await api.developer_token()
    created = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/clients",
        data={"name": "Mobile", "type": "installed", "scope": "create_customer"},
        headers=bearer(team),
    )
    client = created.json()["client"]
    customer = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/customers",
        data={"email": "dan@example.com", "no_password": "true"},
        auth=(client["id"], client["secret"]),
    )
    assert customer.status_code == 201
    minted = await api.http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "scope": "customer=dan@example.com"},
        auth=(client["id"], client["secret"]),
    )
    assert minted.status_code == 400
    assert minted.json()["error"] == "invalid_scope"


async def test_refresh_renews_a_customer_token_once(api: Api) -> None:
    first = (await api.create_customer()).json()
    client = (api.cloud.client.id, api.cloud.client.secret)
    form = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    renewed = await api.http.post("/oauth/token", data=form, auth=client)
    assert renewed.status_code == 200
    assert renewed.json()["access_token"] != first["access_token"]
    assert await whoami(api, renewed.json()["access_token"]) == "alice@example.com"
    again = await api.http.post("/oauth/token", data=form, auth=client)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


async def test_refresh_is_refused_for_developer_tokens(api: Api) -> None:
    login = await api.http.post(
        "/oauth/token",
        data={
            "grant_type": "password",
            "username": api.cloud.developer.username,
            "password": api.cloud.developer.password,
        },
        auth=("particle", "particle"),
    )
    refresh = await api.http.post(
        "/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": login.json()["refresh_token"]},
        auth=("particle", "particle"),
    )
    assert refresh.status_code == 400
    assert refresh.json()["error"] == "invalid_grant"


async def test_refresh_token_expires_two_weeks_after_its_issue(api: Api) -> None:
    first = (await api.create_customer()).json()
    second = (await api.create_customer("bob@example.com")).json()
    client = (api.cloud.client.id, api.cloud.client.secret)
    api.cloud.clock.advance(14 * DAY - 60)
    early = await api.http.post(
        "/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]},
        auth=client,
    )
    assert early.status_code == 200
    api.cloud.clock.advance(61)  # 14 days and a second: the access token has 76 days left
    late = await api.http.post(
        "/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": second["refresh_token"]},
        auth=client,
    )
    assert late.status_code == 400
    assert late.json()["error_description"] == "Refresh token has expired"
    assert await whoami(api, second["access_token"]) == "bob@example.com"


async def developer_login(api: Api, **extra: str) -> dict[str, object]:
    response = await api.token(
        grant_type="password",
        username=api.cloud.developer.username,
        password=api.cloud.developer.password,
        client_id="particle",
        client_secret="particle",
        **extra,
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_token_expires_on_the_simulated_clock(api: Api) -> None:
    token = str((await developer_login(api, expires_in="60"))["access_token"])
    assert (await api.http.get("/v1/user", headers=bearer(token))).status_code == 200
    api.cloud.clock.advance(61)
    response = await api.http.get("/v1/user", headers=bearer(token))
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_token"


async def test_default_lifetime_is_ninety_days(api: Api) -> None:
    token = str((await developer_login(api))["access_token"])
    api.cloud.clock.advance(89 * DAY)
    assert (await api.http.get("/v1/user", headers=bearer(token))).status_code == 200
    api.cloud.clock.advance(2 * DAY)
    assert (await api.http.get("/v1/user", headers=bearer(token))).status_code == 401


async def test_expires_in_zero_never_expires(api: Api) -> None:
    body = await developer_login(api, expires_in="0")
    assert "refresh_token" not in body
    api.cloud.clock.advance(3650 * DAY)
    response = await api.http.get("/v1/user", headers=bearer(str(body["access_token"])))
    assert response.status_code == 200


async def test_expires_at_sets_the_expiry(api: Api) -> None:
    moment = datetime.fromtimestamp(api.cloud.clock.now() + 3600, UTC)
    body = await developer_login(api, expires_at=moment.isoformat())
    assert 3590 <= int(str(body["expires_in"])) <= 3601
    api.cloud.clock.advance(3601)
    response = await api.http.get("/v1/user", headers=bearer(str(body["access_token"])))
    assert response.status_code == 401


# --- two-step verification ---


async def start_mfa(api: Api) -> str:
    response = await api.http.post(
        "/oauth/token",
        data={
            "grant_type": "password",
            "username": api.cloud.developer.username,
            "password": api.cloud.developer.password,
        },
        auth=("particle", "particle"),
    )
    assert response.status_code == 403
    assert response.json()["error"] == "mfa_required"
    return str(response.json()["mfa_token"])


async def send_otp(api: Api, mfa_token: str, otp: str) -> dict[str, object]:
    response = await api.http.post(
        "/oauth/token",
        data={"grant_type": "urn:custom:mfa-otp", "mfa_token": mfa_token, "otp": otp},
        auth=("particle", "particle"),
    )
    return {"status": response.status_code, **response.json()}


def code_at(api: Api, moment: float) -> str:
    secret = api.cloud.developer.mfa_otp_secret
    assert secret is not None
    return pyotp.TOTP(secret).at(int(moment))


@pytest.mark.parametrize("speed", [1.0, 500.0])
async def test_mfa_sign_in_needs_the_one_time_password(
    cloud_factory: CloudFactory, connect: Connect, speed: float
) -> None:
    api = connect(await cloud_factory(mfa=True, speed=speed))
    mfa_token = await start_mfa(api)
    right = code_at(api, api.cloud.clock.now())
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    refused = await send_otp(api, mfa_token, wrong)
    assert refused["status"] == 400
    assert refused["error"] == "invalid_grant"
    accepted = await send_otp(api, mfa_token, code_at(api, api.cloud.clock.now()))
    assert accepted["status"] == 200
    assert await whoami(api, str(accepted["access_token"])) == api.cloud.developer.username
    reused = await send_otp(api, mfa_token, code_at(api, api.cloud.clock.now()))
    assert reused["status"] == 400


async def test_mfa_token_expires(cloud_factory: CloudFactory, connect: Connect) -> None:
    api = connect(await cloud_factory(mfa=True))
    mfa_token = await start_mfa(api)
    api.cloud.clock.advance(16 * 60)
    late = await send_otp(api, mfa_token, code_at(api, api.cloud.clock.now()))
    assert late["status"] == 400
    assert late["error"] == "invalid_grant"


async def test_an_old_one_time_password_is_refused(
    cloud_factory: CloudFactory, connect: Connect
) -> None:
    api = connect(await cloud_factory(mfa=True))
    mfa_token = await start_mfa(api)
    stale = await send_otp(api, mfa_token, code_at(api, api.cloud.clock.now() - 600))
    assert stale["status"] == 400
    assert stale["error"] == "invalid_grant"


async def test_mfa_grant_needs_both_fields(cloud_factory: CloudFactory, connect: Connect) -> None:
    api = connect(await cloud_factory(mfa=True))
    response = await api.http.post(
        "/oauth/token",
        data={"grant_type": "urn:custom:mfa-otp", "otp": "123456"},
        auth=("particle", "particle"),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


# --- rate limits ---


async def test_token_endpoint_serves_100_requests_per_five_minutes(api: Api) -> None:
    for _ in range(100):
        await developer_login(api)
    limited = await api.token(
        grant_type="password",
        username=api.cloud.developer.username,
        password=api.cloud.developer.password,
        client_id="particle",
        client_secret="particle",
    )
    assert limited.status_code == 429
    assert limited.json()["error"] == "rate_limit_exceeded"
    assert 1 <= int(limited.headers["Retry-After"]) <= 300
    api.cloud.clock.advance(301)
    await developer_login(api)


async def wrong_login(api: Api) -> int:
    response = await api.token(
        grant_type="password",
        username=api.cloud.developer.username,
        password="wrong",
        client_id="particle",
        client_secret="particle",
    )
    return response.status_code


async def test_ten_failures_lock_the_address_out_for_thirty_minutes(api: Api) -> None:
    assert [await wrong_login(api) for _ in range(10)] == [400] * 10
    locked = await api.token(
        grant_type="password",
        username=api.cloud.developer.username,
        password=api.cloud.developer.password,
        client_id="particle",
        client_secret="particle",
    )
    assert locked.status_code == 429
    assert 1790 <= int(locked.headers["Retry-After"]) <= 1800
    api.cloud.clock.advance(1801)
    await developer_login(api)


async def test_a_success_resets_the_failure_count(api: Api) -> None:
    assert [await wrong_login(api) for _ in range(9)] == [400] * 9
    await developer_login(api)
    assert [await wrong_login(api) for _ in range(9)] == [400] * 9
    await developer_login(api)


async def test_retry_after_is_in_the_clients_own_seconds(
    cloud_factory: CloudFactory, connect: Connect
) -> None:
    api = connect(await cloud_factory(speed=100))
    assert [await wrong_login(api) for _ in range(10)] == [400] * 10
    locked = await api.token(
        grant_type="password",
        username=api.cloud.developer.username,
        password=api.cloud.developer.password,
        client_id="particle",
        client_secret="particle",
    )
    assert locked.status_code == 429
    assert locked.headers["Retry-After"] == "18"  # 30 simulated minutes at 100× speed
