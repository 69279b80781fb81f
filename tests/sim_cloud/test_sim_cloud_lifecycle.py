"""Starting and describing the simulated cloud."""

from __future__ import annotations

import argparse
import re

import pytest
from sim_cloud_api import CloudFactory, Connect

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.cloud import SimulatedCloud
from setup_wizard.sim.serve import add_arguments
from setup_wizard.sim.simulation import Simulation


async def test_ready_json_describes_a_cloud_that_works(
    cloud_factory: CloudFactory, connect: Connect
) -> None:
    cloud = await cloud_factory()
    ready = cloud.ready_json()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", ready["url"])
    assert ready["product"] == {"id": cloud.product.id, "slug": cloud.product.slug}
    assert ready["developer"]["mfa_otp_secret"] is None
    api = connect(cloud)
    login = await api.http.post(
        "/oauth/token",
        data={
            "grant_type": "password",
            "username": ready["developer"]["username"],
            "password": ready["developer"]["password"],
        },
        auth=("particle", "particle"),
    )
    assert login.status_code == 200
    customer = await api.http.post(
        f"/v1/products/{ready['product']['slug']}/customers",
        data={"email": "zed@example.com", "no_password": "true"},
        auth=(ready["client"]["id"], ready["client"]["secret"]),
    )
    assert customer.status_code == 201


async def test_mfa_seeds_a_base32_secret(cloud_factory: CloudFactory) -> None:
    cloud = await cloud_factory(mfa=True)
    secret = cloud.ready_json()["developer"]["mfa_otp_secret"]
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)


async def test_the_same_seed_builds_the_same_world(cloud_factory: CloudFactory) -> None:
    first, second = await cloud_factory(seed=3), await cloud_factory(seed=3)
    assert first.product == second.product
    assert first.client == second.client
    assert first.developer == second.developer


def test_only_loopback_is_served() -> None:
    with pytest.raises(ValueError, match="loopback"):
        SimulatedCloud(clock=SimClock(1), host="0.0.0.0")  # noqa: S104


def test_the_url_is_known_once_started() -> None:
    with pytest.raises(RuntimeError):
        _ = SimulatedCloud(clock=SimClock(1)).url


async def test_the_simulate_command_can_run_a_product_that_quarantines_its_photons() -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--quarantine", "--devices", "0"])
    world = await Simulation.start(devices=args.devices, quarantine=args.quarantine, seed=5)
    try:
        assert world.cloud.quarantine_new_devices
    finally:
        await world.stop()
    assert not parser.parse_args([]).quarantine
