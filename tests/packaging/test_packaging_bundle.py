"""The Linux download works on a computer without Python: ``dist/photon-setup/photon-setup``
tells its version, serves a simulated Photon that our own client sets up, and opens the
wizard, which walks the whole journey, in English and in German.

Everything runs against a copy of the bundle with an empty environment (``conftest.py``);
the simulator and the client talk over 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import re
import shlex
from pathlib import Path

import pytest
from bundle_runner import REPOSITORY, Bundle

from setup_wizard import __version__
from setup_wizard.cloud import CloudClient, CloudSettings, RetryPolicy, make_http_client
from setup_wizard.cloud.models import ClientCredentials
from setup_wizard.device import PhotonClient
from setup_wizard.network import SimulatedAccessPoint
from setup_wizard.secret import ClientSecret, Password, WifiPassword

SCREENSHOTS = REPOSITORY / "docs" / "screenshots"


def test_the_bundle_tells_its_version(bundle: Bundle) -> None:
    done = bundle.run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"setup-wizard {__version__}"


def test_the_runs_here_cannot_reach_any_python(bundle: Bundle) -> None:
    """What the other tests lean on: inside their namespace this repository, its .venv and
    every Python installation are empty folders."""
    if bundle.why_not_hidden:
        pytest.skip(f"Python stays visible to the bundle here: {bundle.why_not_hidden}")
    listing = " ".join(f"$(ls -A {shlex.quote(str(path))})" for path in bundle.hidden)
    done = bundle.run(program=["/bin/sh", "-c", f'echo "[{listing}]"'])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[" + " " * (len(bundle.hidden) - 1) + "]"
    assert REPOSITORY in bundle.hidden or any(p in REPOSITORY.parents for p in bundle.hidden)


async def test_our_client_sets_up_a_photon_that_the_bundled_simulator_serves(
    bundle: Bundle,
) -> None:
    simulator = bundle.start("simulate", "--devices", "1", "--speed", "50")
    ready = simulator.ready()
    cloud_url = ready["cloud"]["url"]
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", cloud_url)
    product = ready["cloud"]["product"]["id"]
    client = ClientCredentials(
        ready["cloud"]["client"]["id"], ClientSecret(ready["cloud"]["client"]["secret"])
    )
    home = ready["wifi"][0]
    photon = SimulatedAccessPoint.from_ready_device(ready["devices"][0]).address
    assert photon.host == "127.0.0.1"

    async with make_http_client(CloudSettings(api_url=cloud_url)) as http:
        cloud = CloudClient(http, retry=RetryPolicy(base_delay=0.01, max_delay=0.05))
        customer = await cloud.create_customer(
            product, client, "ada@example.com", Password("a long password")
        )
        claim = await cloud.create_claim_code(customer.access_token, product)
        async with PhotonClient(photon) as device:
            info = await device.device_info()
            assert not info.claimed
            await device.set_claim_code(claim.claim_code)
            network = next(n for n in await device.scan() if n.ssid == home["ssid"])
            await device.configure(network, password=WifiPassword(home["password"]))
            await device.connect()
        online = await asyncio.wait_for(
            cloud.wait_for_status(customer.access_token, info.device_id), 30
        )
        owned = {d.id for d in await cloud.list_devices(customer.access_token)}

    assert info.device_id == ready["devices"][0]["id"]
    assert online.online
    assert info.device_id in owned, "the Photon belongs to the customer whose claim code it got"
    assert simulator.stop() == 0


@pytest.mark.slow
@pytest.mark.timeout(180)  # about 12 s here; the whole journey with a screenshot per page
def test_the_bundled_wizard_walks_the_whole_journey_on_its_simulation(
    bundle: Bundle, tmp_path: Path
) -> None:
    pictures = tmp_path / "pictures"
    done = bundle.run("--simulate", "--autopilot", "--screenshots", str(pictures), timeout=150)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in pictures.glob("*.png")) == sorted(
        p.name for p in SCREENSHOTS.glob("*.png")
    ), "every page the README shows, up to the last"


def test_the_bundled_wizard_speaks_german(bundle: Bundle) -> None:
    done = bundle.run("--simulate", "--lang", "de", "--quit-after-show")
    assert done.returncode == 0, done.stderr
    log = bundle.home / ".local" / "state" / "photon-setup" / "log" / "photon-setup.log"
    language = next(line for line in log.read_text().splitlines() if "translations:" in line)
    assert "photon_setup_de.qm" in language, "the app's own German texts"
    assert "qtbase_de.qm" in language, "Qt's buttons and dialogs in German"


@pytest.mark.parametrize("theirs", [None, "/opt/their-libraries"])
def test_the_system_tools_the_app_runs_load_the_systems_libraries(
    bundle: Bundle, tmp_path: Path, theirs: str | None
) -> None:
    """The bundle starts with its own folder on LD_LIBRARY_PATH; nmcli, inheriting that,
    would load the bundle's GLib and D-Bus instead of the system's, and could fail."""
    tools = tmp_path / "tools"
    tools.mkdir()
    seen = tmp_path / "seen"
    nmcli = tools / "nmcli"  # stands in for NetworkManager's: records what it was given
    nmcli.write_text(f'#!/bin/sh\necho "${{LD_LIBRARY_PATH-unset}}" >> "{seen}"\nexit 8\n')
    nmcli.chmod(0o755)
    environment = {"PATH": f"{tools}:/usr/bin:/bin"}
    if theirs is not None:
        environment["LD_LIBRARY_PATH"] = theirs
    # The first thing `onboard --wifi auto` does on Linux: ask nmcli whether NetworkManager runs.
    bundle.run(
        "onboard",
        "--product", "demo",
        "--customer", "ada@example.com",
        "--wifi-ssid", "HomeNetwork",
        "--wifi", "auto",
        "--api-url", "http://127.0.0.1:9",
        environment=environment,
    )  # fmt: skip
    assert seen.read_text().splitlines()[0] == (theirs or "unset")
