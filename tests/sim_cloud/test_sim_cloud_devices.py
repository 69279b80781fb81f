"""Claim codes, devices coming online through the CloudLink, and the device routes."""

from __future__ import annotations

import re

import pytest
from sim_cloud_api import Api, CloudFactory, bearer

from setup_wizard.sim.cloud import SimulatedCloud

DEVICE = "0123456789abcdef01234567"
OTHER = "fedcba9876543210fedcba98"
FAST = 100  # each claim takes the cloud 1.5 simulated seconds: 15 ms here


@pytest.fixture
async def cloud(cloud_factory: CloudFactory) -> SimulatedCloud:
    return await cloud_factory(speed=FAST)


@pytest.mark.parametrize(
    "style", ["empty", "json", "form"], ids=["no body", "{} JSON", "dummy form field"]
)
async def test_a_customer_gets_a_claim_code(api: Api, style: str) -> None:
    token = await api.customer_token()
    path = f"/v1/products/{api.cloud.product.id}/device_claims"
    if style == "empty":
        response = await api.http.post(path, headers=bearer(token))
    elif style == "json":
        response = await api.http.post(path, json={}, headers=bearer(token))
    else:
        response = await api.http.post(path, data={"dummy": "1"}, headers=bearer(token))
    assert response.status_code == 200
    body = response.json()
    assert re.fullmatch(r"[A-Za-z0-9+/]{63}", body["claim_code"])
    assert body["device_ids"] == []


async def test_a_claim_code_makes_the_device_the_customers(api: Api) -> None:
    token = await api.customer_token()
    assert await api.online(DEVICE, await api.claim_code(token)) is True

    [listed] = (await api.http.get("/v1/devices", headers=bearer(token))).json()
    assert listed["id"] == DEVICE
    assert listed["online"] is True
    assert listed["connected"] is True
    assert listed["product_id"] == api.cloud.product.id
    assert re.fullmatch(r"[a-z]+_[a-z]+(_\d+)?", listed["name"])

    detail = (await api.http.get(f"/v1/devices/{DEVICE}", headers=bearer(token))).json()
    assert (detail["owner"], detail["platform_id"]) == ("alice@example.com", 6)

    again = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/device_claims", headers=bearer(token)
    )
    assert again.json()["device_ids"] == [DEVICE]

    team = bearer(await api.developer_token())
    product = f"/v1/products/{api.cloud.product.id}"
    devices = (await api.http.get(f"{product}/devices", headers=team)).json()
    assert [(d["id"], d["owner"]) for d in devices["devices"]] == [(DEVICE, "alice@example.com")]
    assert [c["username"] for c in devices["customers"]] == ["alice@example.com"]
    one = (await api.http.get(f"{product}/devices/{DEVICE}", headers=team)).json()
    assert one["owner"] == "alice@example.com"
    customers = (await api.http.get(f"{product}/customers", headers=team)).json()
    assert customers["customers"][0]["devices"] == [DEVICE]

    view = api.cloud.device(DEVICE)
    assert view is not None
    assert (view.owner, view.online) == ("alice@example.com", True)


async def test_a_claim_code_works_once(api: Api) -> None:
    code = await api.claim_code(await api.customer_token())
    assert await api.online(DEVICE, code) is True
    assert await api.online(OTHER, code) is False
    other = api.cloud.device(OTHER)
    assert other is not None
    assert (other.online, other.owner) == (True, None)


async def test_a_claim_code_expires_after_an_hour(api: Api) -> None:
    token = await api.customer_token()
    code = await api.claim_code(token)
    api.cloud.clock.advance(3601)
    assert await api.online(DEVICE, code) is False
    assert (await api.http.get("/v1/devices", headers=bearer(token))).json() == []


async def test_an_unknown_code_leaves_the_device_unclaimed(api: Api) -> None:
    token = await api.customer_token()
    assert await api.online(DEVICE, "x" * 63) is False
    assert (await api.http.get("/v1/devices", headers=bearer(token))).json() == []


async def test_a_device_without_a_code_comes_online_unclaimed(api: Api) -> None:
    assert await api.online(DEVICE) is False
    view = api.cloud.device(DEVICE)
    assert view is not None
    assert (view.online, view.owner, view.product_id) == (True, None, 6)


async def test_product_claim_route_is_for_the_products_customers(api: Api) -> None:
    response = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/device_claims",
        headers=bearer(await api.developer_token()),
    )
    assert response.status_code == 403
    assert response.json()["ok"] is False


async def test_developer_route_is_for_developers(api: Api) -> None:
    response = await api.http.post("/v1/device_claims", headers=bearer(await api.customer_token()))
    assert response.status_code == 403


async def test_a_developer_claims_through_the_developer_route(api: Api) -> None:
    token = await api.developer_token()
    claim = await api.http.post("/v1/device_claims", headers=bearer(token))
    assert await api.online(DEVICE, claim.json()["claim_code"]) is True
    [device] = (await api.http.get("/v1/devices", headers=bearer(token))).json()
    assert (device["id"], device["product_id"]) == (DEVICE, 6)


async def test_a_device_that_leaves_shows_offline(api: Api) -> None:
    token = await api.customer_token()
    await api.online(DEVICE, await api.claim_code(token))
    await api.cloud.device_offline(DEVICE)
    detail = (await api.http.get(f"/v1/devices/{DEVICE}", headers=bearer(token))).json()
    assert (detail["online"], detail["connected"]) == (False, False)
    ping = await api.http.put(f"/v1/devices/{DEVICE}/ping", headers=bearer(token))
    assert ping.json() == {"online": False, "ok": True}


async def test_ping_reports_an_online_device(api: Api) -> None:
    token = await api.customer_token()
    await api.online(DEVICE, await api.claim_code(token))
    ping = await api.http.put(f"/v1/devices/{DEVICE}/ping", headers=bearer(token))
    assert ping.json() == {"online": True, "ok": True}


async def test_devices_are_listed_latest_handshake_first(api: Api) -> None:
    token = await api.customer_token()
    await api.online(DEVICE, await api.claim_code(token))
    api.cloud.clock.advance(10)
    await api.online(OTHER, await api.claim_code(token))

    async def order() -> list[str]:
        devices = (await api.http.get("/v1/devices", headers=bearer(token))).json()
        return [d["id"] for d in devices]

    assert await order() == [OTHER, DEVICE]
    api.cloud.clock.advance(10)
    await api.online(DEVICE)  # reconnects, still owned
    assert await order() == [DEVICE, OTHER]


async def test_someone_elses_device_is_403_and_an_unknown_one_404(api: Api) -> None:
    owner = await api.customer_token("owner@example.com")
    await api.online(DEVICE, await api.claim_code(owner))
    stranger = bearer(await api.customer_token("stranger@example.com"))
    theirs = await api.http.get(f"/v1/devices/{DEVICE}", headers=stranger)
    assert theirs.status_code == 403
    assert theirs.json()["ok"] is False
    unknown = await api.http.get(f"/v1/devices/{'0' * 24}", headers=stranger)
    assert unknown.status_code == 404


@pytest.mark.parametrize("encoding", ["form", "json"])
async def test_the_owner_renames_the_device(api: Api, encoding: str) -> None:
    token = await api.customer_token()
    await api.online(DEVICE, await api.claim_code(token))
    kwargs = {"data" if encoding == "form" else "json": {"name": "kitchen_photon"}}
    response = await api.http.put(f"/v1/devices/{DEVICE}", headers=bearer(token), **kwargs)
    assert response.status_code == 200
    assert response.json()["name"] == "kitchen_photon"
    assert response.json()["id"] == DEVICE
    assert response.json()["updated_at"]
    by_name = await api.http.get("/v1/devices/kitchen_photon", headers=bearer(token))
    assert by_name.json()["id"] == DEVICE


async def test_renaming_refuses_bad_names_and_empty_requests(api: Api) -> None:
    token = await api.customer_token()
    await api.online(DEVICE, await api.claim_code(token))
    bad = await api.http.put(
        f"/v1/devices/{DEVICE}", data={"name": "my kitchen!"}, headers=bearer(token)
    )
    assert bad.status_code == 400
    empty = await api.http.put(f"/v1/devices/{DEVICE}", json={}, headers=bearer(token))
    assert empty.json() == {"ok": False, "error": "Nothing to do?"}
    view = api.cloud.device(DEVICE)
    assert view is not None
    assert view.name != "my kitchen!"


async def test_the_team_renames_through_the_product_route(api: Api) -> None:
    token = await api.customer_token()
    await api.online(DEVICE, await api.claim_code(token))
    response = await api.http.put(
        f"/v1/products/{api.cloud.product.slug}/devices/{DEVICE}",
        data={"name": "bench_7"},
        headers=bearer(await api.developer_token()),
    )
    assert response.status_code == 200
    detail = (await api.http.get(f"/v1/devices/{DEVICE}", headers=bearer(token))).json()
    assert detail["name"] == "bench_7"


async def test_product_device_list_filters_by_device_id(api: Api) -> None:
    token = await api.customer_token()
    await api.online(DEVICE, await api.claim_code(token))
    await api.online(OTHER, await api.claim_code(token))
    response = await api.http.get(
        f"/v1/products/{api.cloud.product.id}/devices",
        params={"deviceId": DEVICE[:10]},
        headers=bearer(await api.developer_token()),
    )
    assert [d["id"] for d in response.json()["devices"]] == [DEVICE]


# --- quarantine: a product that does not know a device keeps it out ---


async def team_view(api: Api, device_id: str = DEVICE) -> dict[str, object]:
    response = await api.http.get(
        f"/v1/products/{api.cloud.product.id}/devices/{device_id}",
        headers=bearer(await api.developer_token()),
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_a_quarantined_device_is_online_but_nobodys_and_only_the_team_sees_why(
    api: Api,
) -> None:
    api.cloud.quarantine_new_devices = True
    token = await api.customer_token()
    assert await api.online(DEVICE, await api.claim_code(token)) is False

    seen = await team_view(api)
    assert (seen["quarantined"], seen["denied"], seen["owner"]) == (True, False, None)
    assert (seen["online"], seen["product_id"]) == (True, api.cloud.product.id)
    # The customer cannot tell it from a device that is simply not theirs.
    assert (await api.http.get("/v1/devices", headers=bearer(token))).json() == []
    mine = await api.http.get(f"/v1/devices/{DEVICE}", headers=bearer(token))
    assert mine.status_code == 403
    assert "quarantin" not in mine.text
    team = bearer(await api.developer_token())
    listed = await api.http.get(
        f"/v1/products/{api.cloud.product.id}/devices",
        params={"quarantined": "true"},
        headers=team,
    )
    assert [d["id"] for d in listed.json()["devices"]] == [DEVICE]
    product = await api.http.get(f"/v1/products/{api.cloud.product.id}", headers=team)
    assert product.json()["product"]["settings"]["quarantine"] is True


async def test_an_approved_device_is_claimed_at_its_next_handshake(api: Api) -> None:
    api.cloud.quarantine_new_devices = True
    token = await api.customer_token()
    code = await api.claim_code(token)
    assert await api.online(DEVICE, code) is False
    approved = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/devices",
        json={"id": DEVICE},
        headers=bearer(await api.developer_token()),
    )
    assert approved.json()["updatedDeviceIds"] == [DEVICE]
    assert (await team_view(api))["quarantined"] is False
    await api.cloud.device_offline(DEVICE)
    assert await api.online(DEVICE, code) is True  # the code was kept, not spent
    [device] = (await api.http.get("/v1/devices", headers=bearer(token))).json()
    assert device["id"] == DEVICE


async def test_a_device_added_ahead_of_time_is_not_quarantined(api: Api) -> None:
    api.cloud.quarantine_new_devices = True
    api.cloud.add_product_device(DEVICE)
    token = await api.customer_token()
    assert await api.online(DEVICE, await api.claim_code(token)) is True
    assert (await team_view(api))["quarantined"] is False


async def test_a_denied_device_stays_out_when_it_comes_back(api: Api) -> None:
    api.cloud.quarantine_new_devices = True
    token = await api.customer_token()
    code = await api.claim_code(token)
    await api.online(DEVICE, code)
    denied = await api.http.delete(
        f"/v1/products/{api.cloud.product.id}/devices/{DEVICE}",
        params={"deny": "true"},
        headers=bearer(await api.developer_token()),
    )
    assert denied.status_code == 204
    await api.cloud.device_offline(DEVICE)
    api.cloud.quarantine_new_devices = False  # even a product that admits unknown devices
    assert await api.online(DEVICE, code) is False
    seen = await team_view(api)
    assert (seen["denied"], seen["quarantined"], seen["owner"]) == (True, False, None)
    view = api.cloud.device(DEVICE)
    assert view is not None
    assert (view.denied, view.owner) == (True, None)


async def test_without_quarantine_an_unknown_device_is_admitted(api: Api) -> None:
    token = await api.customer_token()
    assert await api.online(DEVICE, await api.claim_code(token)) is True
    seen = await team_view(api)
    assert (seen["quarantined"], seen["denied"]) == (False, False)


async def test_only_the_team_approves_devices(api: Api) -> None:
    response = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/devices",
        data={"id": DEVICE},
        headers=bearer(await api.customer_token()),
    )
    assert response.status_code == 403
