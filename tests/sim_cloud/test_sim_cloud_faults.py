"""Injected failures: the next matching requests fail the way a test asked."""

from __future__ import annotations

from sim_cloud_api import Api, bearer


async def test_the_next_matching_requests_fail_then_service_resumes(api: Api) -> None:
    token = bearer(await api.developer_token())
    api.cloud.inject_failure("GET", "/v1/devices", status=503, count=2)
    statuses = [(await api.http.get("/v1/devices", headers=token)).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]


async def test_an_injected_failure_has_the_routes_error_shape(api: Api) -> None:
    api.cloud.inject_failure("GET", "/v1/devices", status=500)
    response = await api.http.get("/v1/devices")
    assert response.status_code == 500
    assert response.json()["ok"] is False


async def test_an_injected_429_carries_retry_after_and_the_given_body(api: Api) -> None:
    api.cloud.inject_failure(
        "POST", "/v1/products/*/device_claims", status=429, retry_after=7, body={"slow": "down"}
    )
    token = await api.customer_token()
    response = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/device_claims", headers=bearer(token)
    )
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "7"
    assert response.json() == {"slow": "down"}


async def test_an_injected_token_failure_is_oauth_shaped(api: Api) -> None:
    api.cloud.inject_failure("POST", "/oauth/token", status=503)
    response = await api.http.post(
        "/oauth/token",
        data={
            "grant_type": "password",
            "username": api.cloud.developer.username,
            "password": api.cloud.developer.password,
        },
        auth=("particle", "particle"),
    )
    assert response.status_code == 503
    assert response.json()["error"] == "server_error"
    await api.developer_token()  # the next one goes through


async def test_a_failure_for_one_method_spares_the_others(api: Api) -> None:
    token = await api.customer_token()
    api.cloud.inject_failure("PUT", "/v1/devices", status=502)
    listed = await api.http.get("/v1/devices", headers=bearer(token))
    assert listed.status_code == 200
