"""The simulator's knobs the fault matrix switches, each doing what it says, seen from the wire
(a client that is not ours: plain HTTP to the Photon's port 80 and to the cloud)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx
import pytest

from setup_wizard.sim.photon import PhotonState
from setup_wizard.sim.photon.live_faults import GARBAGE
from setup_wizard.sim.simulation import Simulation

CLAIM_CODE = "c" * 63


@pytest.fixture
async def sim() -> AsyncIterator[Simulation]:
    world = await Simulation.start(devices=1, speed=500, seed=3)
    yield world
    await world.stop()


def photon_url(sim: Simulation, command: str) -> str:
    return f"http://127.0.0.1:{sim.photons[0].http_port}/{command}"


async def test_a_garbled_reply_replaces_the_json_and_the_command_still_runs(
    sim: Simulation,
) -> None:
    photon = sim.photons[0]
    seen: list[str] = []
    photon.live.on_command = seen.append
    photon.live.garble = True
    body = json.dumps({"k": "cc", "v": CLAIM_CODE})
    async with httpx.AsyncClient() as client:
        reply = await client.post(photon_url(sim, "set"), content=body)
    assert reply.content == GARBAGE
    assert photon.claim_code == CLAIM_CODE, "carried out all the same"
    assert seen == ["set"]


async def test_a_reset_mid_command_drops_the_reply_and_the_photon_listens_again(
    sim: Simulation,
) -> None:
    photon = sim.photons[0]
    photon.live.reset_mid_command = True
    async with httpx.AsyncClient() as client:
        with pytest.raises(httpx.HTTPError):
            await client.get(photon_url(sim, "device-id"))
        await asyncio.wait_for(photon.wait_for_state(PhotonState.LISTENING), 10)
        assert not photon.live.reset_mid_command, "one-shot"
        again = await client.get(photon_url(sim, "device-id"))
    assert again.json()["id"] == photon.device_id


async def test_a_cut_short_answer_is_the_first_half_of_what_the_route_answered(
    sim: Simulation,
) -> None:
    cloud = sim.cloud
    async with httpx.AsyncClient(base_url=cloud.url) as client:
        whole = await client.get("/v1/products/x/customers")  # a route's JSON error
        cloud.inject_cut_short("GET", "/v1/products/*")
        cut = await client.get("/v1/products/x/customers")
    assert cut.status_code == whole.status_code
    assert cut.content == whole.content[: len(whole.content) // 2]


async def test_an_html_page_answers_in_place_of_the_api(sim: Simulation) -> None:
    sim.cloud.inject_page("*", "*", "<html>Sign in to the hotel Wi-Fi</html>")
    async with httpx.AsyncClient(base_url=sim.cloud.url) as client:
        page = await client.post("/oauth/token", data={"grant_type": "password"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "hotel" in page.text


async def test_a_cut_off_cloud_closes_every_request_unanswered_until_reconnected(
    sim: Simulation,
) -> None:
    cloud = sim.cloud
    seen: list[tuple[str, str]] = []
    cloud.on_request = lambda method, path: seen.append((method, path))
    cloud.cut_off()
    async with httpx.AsyncClient(base_url=cloud.url) as client:
        with pytest.raises(httpx.RemoteProtocolError):
            await client.get("/v1/devices")
        cloud.cut_off(False)
        answered = await client.get("/v1/devices")
    assert answered.status_code == 400  # the route itself: no token given
    assert seen == [("GET", "/v1/devices"), ("GET", "/v1/devices")]


async def test_cut_event_streams_end_right_after_they_open(sim: Simulation) -> None:
    cloud = sim.cloud
    async with httpx.AsyncClient(base_url=cloud.url) as client:
        token = await client.post(
            "/oauth/token",
            data={
                "grant_type": "password",
                "username": cloud.developer.username,
                "password": cloud.developer.password,
            },
            auth=("particle", "particle"),
        )
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        cloud.cut_event_streams(True)
        stream = await client.get("/v1/devices/events", headers=headers)
    assert stream.status_code == 200
    assert stream.content == b":ok\n\n", "opened, then ended"
