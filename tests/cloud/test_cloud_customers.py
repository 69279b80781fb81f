"""Products, OAuth clients and customers: the staff-mode and customer-mode sign-ins."""

from __future__ import annotations

import secrets

import pytest
from cloud_support import Customer, LeakGuard

from setup_wizard.cloud import (
    ClientCredentials,
    ClientType,
    CloudClient,
    CustomerExists,
    ExistingCustomer,
    NotAllowed,
    TokenGrant,
)
from setup_wizard.secret import ClientSecret, Password
from setup_wizard.sim.cloud import SimulatedCloud


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
