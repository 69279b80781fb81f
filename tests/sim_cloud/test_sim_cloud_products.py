"""Products, their OAuth clients and customers."""

from __future__ import annotations

import re

import pytest
from sim_cloud_api import Api, CloudFactory, Connect, bearer

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.cloud import CustomerExistsAnswer, SimulatedCloud


async def test_developer_lists_the_team_products(api: Api) -> None:
    response = await api.http.get("/v1/products", headers=bearer(await api.developer_token()))
    assert response.status_code == 200
    [product] = response.json()["products"]
    assert (product["id"], product["slug"]) == (api.cloud.product.id, api.cloud.product.slug)
    assert product["platform_id"] == 6


@pytest.mark.parametrize("by", ["id", "slug"])
async def test_a_product_is_reachable_by_id_or_slug(api: Api, by: str) -> None:
    key = api.cloud.product.id if by == "id" else api.cloud.product.slug
    response = await api.http.get(
        f"/v1/products/{key}", headers=bearer(await api.developer_token())
    )
    assert response.status_code == 200
    assert response.json()["product"]["id"] == api.cloud.product.id


async def test_unknown_product_is_404(api: Api) -> None:
    response = await api.http.get(
        "/v1/products/no-such-product", headers=bearer(await api.developer_token())
    )
    assert response.status_code == 404
    assert response.json()["ok"] is False


async def outsider_token(api: Api) -> str:
    api.cloud.add_developer("outsider@example.com", "pass-word-1", member_of_product=False)
    response = await api.http.post(
        "/oauth/token",
        data={
            "grant_type": "password",
            "username": "outsider@example.com",
            "password": "pass-word-1",
        },
        auth=("particle", "particle"),
    )
    return str(response.json()["access_token"])


async def test_non_member_sees_no_products_and_is_refused_the_product(api: Api) -> None:
    token = await outsider_token(api)
    listed = await api.http.get("/v1/products", headers=bearer(token))
    assert listed.json() == {"products": []}
    for path in ("", "/clients", "/customers", "/devices"):
        response = await api.http.get(
            f"/v1/products/{api.cloud.product.id}{path}", headers=bearer(token)
        )
        assert response.status_code == 403, path
        assert response.json()["ok"] is False
        assert response.json()["error"]


async def test_added_team_member_sees_the_product(api: Api) -> None:
    api.cloud.add_developer("member@example.com", "pass-word-2", member_of_product=True)
    login = await api.http.post(
        "/oauth/token",
        data={
            "grant_type": "password",
            "username": "member@example.com",
            "password": "pass-word-2",
        },
        auth=("particle", "particle"),
    )
    response = await api.http.get("/v1/products", headers=bearer(login.json()["access_token"]))
    assert [p["id"] for p in response.json()["products"]] == [api.cloud.product.id]


async def test_customer_token_cannot_read_products(api: Api) -> None:
    response = await api.http.get("/v1/products", headers=bearer(await api.customer_token()))
    assert response.status_code == 403


async def test_a_new_client_secret_is_shown_once(api: Api) -> None:
    team = bearer(await api.developer_token())
    clients_path = f"/v1/products/{api.cloud.product.slug}/clients"
    created = await api.http.post(
        clients_path, json={"name": "Bench tool", "type": "installed"}, headers=team
    )
    assert created.status_code == 200
    client = created.json()["client"]
    assert created.json()["ok"] is True
    assert re.fullmatch(r"[0-9a-f]{40}", client["secret"])
    assert client["product_id"] == api.cloud.product.id
    listed = (await api.http.get(clients_path, headers=team)).json()["clients"]
    assert client["id"] in [c["id"] for c in listed]
    assert all("secret" not in c for c in listed)
    customer = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/customers",
        data={"email": "eve@example.com", "password": "pass-word-3"},
        auth=(client["id"], client["secret"]),
    )
    assert customer.status_code == 201


async def test_web_clients_need_a_redirect_uri(api: Api) -> None:
    response = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/clients",
        data={"name": "Site", "type": "web"},
        headers=bearer(await api.developer_token()),
    )
    assert response.status_code == 400
    assert response.json()["ok"] is False


async def test_customer_created_with_basic_client_auth_is_signed_in(api: Api) -> None:
    response = await api.create_customer("Alice@Example.COM")
    assert response.status_code == 201
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 90 * 24 * 3600
    user = await api.http.get("/v1/user", headers=bearer(body["access_token"]))
    assert user.json()["username"] == "alice@example.com"
    view = api.cloud.customer("alice@example.com")
    assert view is not None
    assert view.email == "alice@example.com"
    assert view.has_password


async def test_customer_created_with_client_fields_in_the_form(api: Api) -> None:
    response = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/customers",
        data={
            "email": "frank@example.com",
            "no_password": "true",
            "grant_type": "client_credentials",
            "client_id": api.cloud.client.id,
            "client_secret": api.cloud.client.secret,
        },
    )
    assert response.status_code == 201
    view = api.cloud.customer("frank@example.com")
    assert view is not None
    assert not view.has_password


async def test_customer_created_with_basic_auth_and_json_body(api: Api) -> None:
    response = await api.http.post(
        f"/v1/products/{api.cloud.product.slug}/customers",
        json={
            "username": "gina@example.com",
            "email": "gina@example.com",
            "password": "pass-word-4",
            "grant_type": "client_credentials",
        },
        auth=(api.cloud.client.id, api.cloud.client.secret),
    )
    assert response.status_code == 201


async def test_team_member_token_creates_customers(api: Api) -> None:
    response = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/customers",
        data={"email": "hank@example.com", "password": "pass-word-5"},
        headers=bearer(await api.developer_token()),
    )
    assert response.status_code == 201
    assert api.cloud.customer("hank@example.com") is not None


async def test_non_member_token_cannot_create_customers(api: Api) -> None:
    response = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/customers",
        data={"email": "ivy@example.com", "password": "pass-word-6"},
        headers=bearer(await outsider_token(api)),
    )
    assert response.status_code == 403
    assert api.cloud.customer("ivy@example.com") is None


@pytest.mark.parametrize(
    ("shape", "status", "body"),
    [
        (CustomerExistsAnswer.LEGACY_400, 400, {"ok": False, "error": "Customer already exists"}),
        (
            CustomerExistsAnswer.UNAUTHORIZED_401,
            401,
            {
                "error": "unauthorized",
                "error_description": "Customer jay@example.com already exists",
            },
        ),
        (
            CustomerExistsAnswer.SERVER_ERROR_500,
            500,
            {"ok": False, "error": "A user with username jay@example.com already exists"},
        ),
        (CustomerExistsAnswer.BARE_401, 401, {"ok": False, "error": "Unauthorized"}),
    ],
)
async def test_an_existing_customer_is_refused_in_the_shape_the_cloud_uses(
    cloud_factory: CloudFactory,
    connect: Connect,
    shape: CustomerExistsAnswer,
    status: int,
    body: dict[str, object],
) -> None:
    api = connect(await cloud_factory(customer_exists=shape))
    await api.create_customer("jay@example.com")
    again = await api.create_customer("JAY@example.com")
    assert again.status_code == status
    assert again.json() == body
    view = api.cloud.customer("jay@example.com")
    assert view is not None  # the first customer is untouched
    assert view.has_password


def test_the_seed_picks_the_existing_customer_shape_and_every_shape_is_used() -> None:
    clock = SimClock(1)
    picked = {seed: SimulatedCloud(clock=clock, seed=seed).customer_exists for seed in range(40)}
    assert set(picked.values()) == set(CustomerExistsAnswer)
    assert all(SimulatedCloud(clock=clock, seed=s).customer_exists is a for s, a in picked.items())


@pytest.mark.parametrize(
    "email",
    [
        "a" * 243 + "@example.com",
        "line\nbreak@example.com",
        "tab\t@example.com",
        "\x7f@example.com",
    ],
    ids=["255 characters", "newline", "tab", "delete"],
)
async def test_an_email_no_identifier_could_be_is_refused(api: Api, email: str) -> None:
    response = await api.create_customer(email)
    assert response.status_code == 400
    assert response.json()["ok"] is False
    assert api.cloud.customer(email) is None


async def test_an_email_of_254_characters_is_accepted(api: Api) -> None:
    email = "a" * 242 + "@example.com"
    assert len(email) == 254
    assert (await api.create_customer(email)).status_code == 201


@pytest.mark.parametrize("path", ["customers", "clients"])
async def test_a_body_that_is_not_utf8_is_the_clients_mistake(api: Api, path: str) -> None:
    response = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/{path}",
        content=b"email=caf\xe9@example.com&password=pass-word-9&name=caf\xe9&type=installed",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            **bearer(await api.developer_token()),
        },
    )
    assert response.status_code == 400
    assert response.json()["ok"] is False


async def test_a_non_utf8_token_request_is_an_oauth_invalid_request(api: Api) -> None:
    response = await api.http.post(
        "/oauth/token",
        content=b"grant_type=password&username=caf\xe9&password=x",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        auth=("particle", "particle"),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


async def test_a_client_named_outside_ascii_gets_an_ascii_id_that_works(api: Api) -> None:
    team = bearer(await api.developer_token())
    created = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/clients",
        data={"name": "Büro Zürich ☃", "type": "installed"},
        headers=team,
    )
    client = created.json()["client"]
    assert client["id"].isascii()
    assert client["name"] == "Büro Zürich ☃"
    customer = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/customers",
        data={"email": "uma@example.com", "no_password": "true"},
        auth=(client["id"], client["secret"]),
    )
    assert customer.status_code == 201


async def test_a_client_id_with_a_lookalike_letter_is_refused(api: Api) -> None:
    # The Kelvin sign folds to "k" when matched without regard to case.
    response = await api.http.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "scope": "customer=a@example.com"},
        auth=("\u212aelvin-client", "0" * 40),
    )
    assert response.status_code == 400
    assert response.json()["error_description"] == "Invalid or missing client_id parameter"


async def test_a_deleted_client_stops_working(api: Api) -> None:
    team = bearer(await api.developer_token())
    clients = f"/v1/products/{api.cloud.product.id}/clients"
    client = (
        await api.http.post(clients, data={"name": "Old", "type": "installed"}, headers=team)
    ).json()["client"]
    deleted = await api.http.delete(f"{clients}/{client['id']}", headers=team)
    assert deleted.status_code == 204
    listed = (await api.http.get(clients, headers=team)).json()["clients"]
    assert client["id"] not in [c["id"] for c in listed]
    refused = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/customers",
        data={"email": "vic@example.com", "no_password": "true"},
        auth=(client["id"], client["secret"]),
    )
    assert refused.status_code == 401
    again = await api.http.delete(f"{clients}/{client['id']}", headers=team)
    assert again.status_code == 404


async def test_a_customer_cannot_delete_clients(api: Api) -> None:
    response = await api.http.delete(
        f"/v1/products/{api.cloud.product.id}/clients/{api.cloud.client.id}",
        headers=bearer(await api.customer_token()),
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("basic_secret", "form"),
    [
        ("0" * 40, {}),
        (None, {"client_secret": "0" * 40}),
        (None, {"client_id": "unknown-client", "client_secret": "0" * 40}),
        (None, {}),
    ],
    ids=["wrong secret", "client fields without id", "unknown client", "no credentials"],
)
async def test_customer_creation_with_bad_client_credentials_is_401(
    api: Api, basic_secret: str | None, form: dict[str, str]
) -> None:
    response = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/customers",
        data={"email": "kim@example.com", "password": "pass-word-7", **form},
        auth=(api.cloud.client.id, basic_secret) if basic_secret else None,
    )
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert response.json()["error_description"]
    assert api.cloud.customer("kim@example.com") is None


async def test_customer_creation_needs_a_password_or_no_password(api: Api) -> None:
    response = await api.http.post(
        f"/v1/products/{api.cloud.product.id}/customers",
        data={"email": "lee@example.com"},
        auth=(api.cloud.client.id, api.cloud.client.secret),
    )
    assert response.status_code == 400
    assert response.json()["ok"] is False


async def test_a_shadow_customer_cannot_sign_in_with_a_password(api: Api) -> None:
    await api.create_customer("max@example.com", password=None)
    response = await api.http.post(
        "/oauth/token",
        data={"grant_type": "password", "username": "max@example.com", "password": "anything"},
        auth=(api.cloud.client.id, api.cloud.client.secret),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


async def test_team_lists_customers(api: Api) -> None:
    await api.create_customer("ned@example.com")
    response = await api.http.get(
        f"/v1/products/{api.cloud.product.id}/customers",
        headers=bearer(await api.developer_token()),
    )
    assert response.status_code == 200
    body = response.json()
    assert [c["username"] for c in body["customers"]] == ["ned@example.com"]
    assert body["customers"][0]["devices"] == []
    assert body["meta"] == {"total_pages": 1}
