"""Products, OAuth clients and customers: the staff-mode and customer-mode sign-ins."""

from __future__ import annotations

import secrets

import pytest
from cloud_support import Answers, Customer, LeakGuard, new_email

from setup_wizard.cloud import (
    ClientCredentials,
    ClientRejected,
    ClientType,
    CloudClient,
    CustomerExists,
    ExistingCustomer,
    NotAllowed,
    NotFound,
    ServerTrouble,
    SignInFailed,
    TokenGrant,
)
from setup_wizard.secret import ClientSecret, Password
from setup_wizard.sim.cloud import CustomerExistsAnswer, SimulatedCloud


async def test_staff_sees_the_product_and_its_oauth_client(
    sim: SimulatedCloud, cloud: CloudClient, developer: TokenGrant
) -> None:
    products = await cloud.list_products(developer.access_token)
    product = next(p for p in products if p.id == sim.product.id)
    assert product.slug == sim.product.slug
    assert product.name == sim.product.name
    clients = await cloud.list_clients(developer.access_token, sim.product.slug)
    listed = next(c for c in clients if c.id == sim.client.id)
    assert listed.secret is None  # the cloud never shows a secret again


async def test_a_new_installed_client_comes_with_a_secret_that_works(
    sim: SimulatedCloud, cloud: CloudClient, developer: TokenGrant, leaks: LeakGuard
) -> None:
    created = await cloud.create_client(developer.access_token, sim.product.id, "Bench 3")
    assert isinstance(created.secret, ClientSecret)
    leaks.watch(created.secret, developer)
    assert created.type == ClientType.INSTALLED
    assert created.name == "Bench 3"
    assert created.id in [
        c.id for c in await cloud.list_clients(developer.access_token, sim.product.id)
    ]
    grant = await cloud.create_customer(
        sim.product.id, created.credentials(), f"c-{secrets.token_hex(4)}@example.com", None
    )
    assert grant.access_token


async def test_a_shadow_customer_gets_a_token_at_creation(
    sim: SimulatedCloud, cloud: CloudClient, product_client: ClientCredentials
) -> None:
    email = f"shadow-{secrets.token_hex(4)}@example.com"
    access = await cloud.open_customer(
        sim.product.id, product_client, email, None, existing=ExistingCustomer.SCOPED_TOKEN
    )
    assert access.created
    assert await cloud.list_devices(access.grant.access_token) == []


async def test_existing_customer_is_reported_then_reached_with_a_scoped_token(
    sim: SimulatedCloud,
    cloud: CloudClient,
    product_client: ClientCredentials,
    customer: Customer,
    leaks: LeakGuard,
) -> None:
    leaks.watch(customer.password, product_client.secret, customer.grant)
    with pytest.raises(CustomerExists) as caught:
        await cloud.create_customer(
            sim.product.id, product_client, customer.email, customer.password
        )
    leaks.error(caught.value)

    access = await cloud.open_customer(
        sim.product.id,
        product_client,
        customer.email.upper(),  # the cloud keeps emails in lower case
        None,
        existing=ExistingCustomer.SCOPED_TOKEN,
    )
    leaks.watch(access.grant)
    assert not access.created
    code = await cloud.create_claim_code(access.grant.access_token, sim.product.id)
    leaks.watch(code.claim_code)
    assert code.claim_code


async def test_existing_customer_in_customer_mode_signs_in_with_their_password(
    sim: SimulatedCloud,
    cloud: CloudClient,
    product_client: ClientCredentials,
    customer: Customer,
) -> None:
    access = await cloud.open_customer(
        sim.product.id,
        product_client,
        customer.email,
        customer.password,
        existing=ExistingCustomer.SIGN_IN,
    )
    assert not access.created
    assert await cloud.list_devices(access.grant.access_token) == []


async def test_customer_mode_fallback_needs_the_password(nowhere: CloudClient) -> None:
    with pytest.raises(ValueError, match="password"):
        await nowhere.open_customer(
            1,
            ClientCredentials("x", ClientSecret("y")),
            "a@b.c",
            None,
            existing=ExistingCustomer.SIGN_IN,
        )


async def test_a_developer_outside_the_product_team_is_not_allowed(
    sim: SimulatedCloud, cloud: CloudClient, leaks: LeakGuard
) -> None:
    password = Password("outsider-pw-71c3")
    sim.add_developer("outsider@example.com", password.reveal(), member_of_product=False)
    grant = await cloud.sign_in("outsider@example.com", password)
    leaks.watch(password, grant)
    with pytest.raises(NotAllowed) as caught:
        await cloud.list_clients(grant.access_token, sim.product.id)
    leaks.error(caught.value)
    assert "member" in str(caught.value)
    assert sim.product.id not in [p.id for p in await cloud.list_products(grant.access_token)]


EXISTS_SHAPES = [
    pytest.param({"customer_exists": shape}, id=shape.value) for shape in CustomerExistsAnswer
]
WORDED_SHAPES = [p for p in EXISTS_SHAPES if p.id != CustomerExistsAnswer.BARE_401.value]


@pytest.mark.parametrize("sim", EXISTS_SHAPES, indirect=True)
@pytest.mark.parametrize("existing", list(ExistingCustomer), ids=lambda e: e.name.lower())
async def test_an_existing_customer_is_reached_whatever_shape_the_cloud_answers_in(
    sim: SimulatedCloud,
    cloud: CloudClient,
    product_client: ClientCredentials,
    customer: Customer,
    answers: Answers,
    existing: ExistingCustomer,
) -> None:
    access = await cloud.open_customer(
        sim.product.id, product_client, customer.email, customer.password, existing=existing
    )
    assert not access.created
    assert await cloud.list_devices(access.grant.access_token) == []
    assert answers.count("/oauth/token") == 1  # the existing-customer path, once


@pytest.mark.parametrize("sim", WORDED_SHAPES, indirect=True)
async def test_creating_a_customer_twice_says_the_customer_exists(
    sim: SimulatedCloud, cloud: CloudClient, product_client: ClientCredentials, customer: Customer
) -> None:
    with pytest.raises(CustomerExists) as caught:
        await cloud.create_customer(sim.product.id, product_client, customer.email, None)
    assert "already exists" in str(caught.value)


@pytest.mark.parametrize("sim", [{"customer_exists": CustomerExistsAnswer.BARE_401}], indirect=True)
async def test_after_a_bare_401_a_wrong_password_says_the_account_may_exist(
    sim: SimulatedCloud,
    cloud: CloudClient,
    product_client: ClientCredentials,
    customer: Customer,
    leaks: LeakGuard,
) -> None:
    wrong = Password("not-their-password-41")
    leaks.watch(wrong, customer.password, product_client.secret)
    with pytest.raises(SignInFailed) as caught:
        await cloud.open_customer(
            sim.product.id, product_client, customer.email, wrong, existing=ExistingCustomer.SIGN_IN
        )
    leaks.error(caught.value)
    assert "may already exist" in str(caught.value)
    assert "OAuth client" not in str(caught.value)


@pytest.mark.parametrize("existing", list(ExistingCustomer), ids=lambda e: e.name.lower())
async def test_a_failed_creation_that_hides_no_customer_is_reported_as_it_was(
    sim: SimulatedCloud,
    cloud: CloudClient,
    product_client: ClientCredentials,
    answers: Answers,
    existing: ExistingCustomer,
) -> None:
    sim.inject_failure("POST", f"/v1/products/{sim.product.id}/customers", status=502)
    with pytest.raises(ServerTrouble):
        await cloud.open_customer(
            sim.product.id,
            product_client,
            new_email(),
            Password("a-new-password-77"),
            existing=existing,
        )
    assert answers.count("/oauth/token") == 1  # looked once for an existing customer


async def test_a_failed_creation_that_named_the_email_finds_the_existing_customer(
    sim: SimulatedCloud, cloud: CloudClient, product_client: ClientCredentials, customer: Customer
) -> None:
    # Particle's Android library, in the end, also took the email in the error for "exists".
    sim.inject_failure(
        "POST",
        f"/v1/products/{sim.product.id}/customers",
        status=400,
        body={"ok": False, "error": f"Conflict on {customer.email}"},
    )
    access = await cloud.open_customer(
        sim.product.id, product_client, customer.email, None, existing=ExistingCustomer.SCOPED_TOKEN
    )
    assert not access.created


async def test_a_refused_client_is_not_taken_for_an_existing_customer(
    sim: SimulatedCloud, cloud: CloudClient, answers: Answers
) -> None:
    wrong = ClientCredentials(sim.client.id, ClientSecret("0" * 40))
    with pytest.raises(ClientRejected) as caught:
        await cloud.open_customer(
            sim.product.id, wrong, new_email(), None, existing=ExistingCustomer.SCOPED_TOKEN
        )
    assert caught.value.code == "invalid_client"
    assert answers.count("/oauth/token") == 0


async def test_an_empty_customer_password_is_refused_before_anything_is_sent(
    sim: SimulatedCloud, cloud: CloudClient, product_client: ClientCredentials, answers: Answers
) -> None:
    with pytest.raises(SignInFailed) as caught:
        await cloud.open_customer(
            sim.product.id,
            product_client,
            new_email(),
            Password(""),
            existing=ExistingCustomer.SIGN_IN,
        )
    assert "password" in str(caught.value)
    assert "OAuth client" not in str(caught.value)
    assert answers.count(f"/v1/products/{sim.product.id}/customers") == 0


async def test_a_customer_only_client_is_created_then_deleted(
    sim: SimulatedCloud, cloud: CloudClient, developer: TokenGrant
) -> None:
    token = developer.access_token
    created = await cloud.create_client(
        token, sim.product.id, "Mobile app", scope="create_customer"
    )
    credentials = created.credentials()
    grant = await cloud.create_customer(sim.product.id, credentials, new_email(), None)
    assert grant.access_token
    with pytest.raises(NotAllowed):  # its scope: creating customers, nothing else
        await cloud.customer_token(credentials, "anyone@example.com")

    web = await cloud.create_client(
        token,
        sim.product.id,
        "Web shop",
        client_type=ClientType.WEB,
        redirect_uri="https://shop.example.com/done",
    )
    assert web.type == ClientType.WEB

    await cloud.delete_client(token, sim.product.id, created.id)
    assert created.id not in [c.id for c in await cloud.list_clients(token, sim.product.id)]
    with pytest.raises(ClientRejected):
        await cloud.create_customer(sim.product.id, credentials, new_email(), None)
    with pytest.raises(NotFound):
        await cloud.delete_client(token, sim.product.id, created.id)
