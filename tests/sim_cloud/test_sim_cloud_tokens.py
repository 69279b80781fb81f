"""Access tokens: where a token may travel, inspecting it, signing out, and error shapes."""

from __future__ import annotations

from datetime import datetime

from sim_cloud_api import Api, bearer


async def test_current_token_describes_its_client_and_expiry(api: Api) -> None:
    token = await api.developer_token()
    response = await api.http.get("/v1/access_tokens/current", headers=bearer(token))
    assert response.status_code == 200
    body = response.json()
    assert body["client"] == "particle"
    expires = datetime.fromisoformat(body["expires_at"]).timestamp()
    assert abs(expires - (api.cloud.clock.now() + 90 * 24 * 3600)) < 60


async def test_sign_out_revokes_the_token(api: Api) -> None:
    token = await api.developer_token()
    signed_out = await api.http.delete("/v1/access_tokens/current", headers=bearer(token))
    assert signed_out.json() == {"ok": True}
    after = await api.http.get("/v1/user", headers=bearer(token))
    assert after.status_code == 401
    assert after.json()["error"] == "invalid_token"


async def test_revoking_all_tokens_signs_out_every_session(api: Api) -> None:
    first, second = await api.developer_token(), await api.developer_token()
    await api.http.delete("/v1/access_tokens", headers=bearer(first))
    after = await api.http.get("/v1/user", headers=bearer(second))
    assert after.status_code == 401


async def test_a_request_without_token_is_told_so(api: Api) -> None:
    response = await api.http.get("/v1/devices")
    # Particle's OAuth code answers 400 here (particle-cli's tests expect "HTTP error 400").
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_request",
        "error_description": "The access token was not found",
    }


async def test_an_unknown_token_is_invalid(api: Api) -> None:
    response = await api.http.get("/v1/devices", headers=bearer("0" * 40))
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_token"


async def test_deprecated_query_token_still_works(api: Api) -> None:
    token = await api.developer_token()
    response = await api.http.get("/v1/user", params={"access_token": token})
    assert response.status_code == 200


async def test_deprecated_form_body_token_still_works(api: Api) -> None:
    token = await api.developer_token()
    response = await api.http.post("/v1/device_claims", data={"access_token": token})
    assert response.status_code == 200
    assert len(response.json()["claim_code"]) == 63


async def test_two_token_placements_at_once_are_refused(api: Api) -> None:
    token = await api.developer_token()
    response = await api.http.get("/v1/user", headers=bearer(token), params={"access_token": token})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


async def test_basic_auth_is_not_an_access_token(api: Api) -> None:
    response = await api.http.get("/v1/devices", auth=("particle", "particle"))
    assert response.status_code == 400
    assert response.json()["error_description"] == "Malformed auth header"


async def test_unknown_routes_answer_json_404(api: Api) -> None:
    for method, path in (("GET", "/v1/nothing-here"), ("DELETE", "/v1/devices")):
        response = await api.http.request(method, path)
        assert response.status_code == 404
        assert response.json()["ok"] is False
