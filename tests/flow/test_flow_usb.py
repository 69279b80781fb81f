"""Setting a Photon up over its USB cable, headless, against the simulated console."""

from __future__ import annotations

from pathlib import Path

import pytest
from flow_world import HOME, HOME_PASSWORD, flow_world

from setup_wizard.flow import LinkKind, Ownership, Stage, StageStatus, WifiChoice
from setup_wizard.secret import Password, WifiPassword
from setup_wizard.sim.photon import PTY_AVAILABLE
from setup_wizard.sim.simulation import Simulation

pytestmark = pytest.mark.skipif(not PTY_AVAILABLE, reason="no pseudo-terminals on this system")

EMAIL = "ada.lovelace@example.com"
PASSWORD = Password("analytical-engine-1843")


async def test_a_photon_on_a_cable_is_set_up_while_the_computer_stays_on_its_wifi(
    tmp_path: Path,
) -> None:
    sim = await Simulation.start(devices=1, speed=200, seed=5, usb=True)
    async with flow_world(tmp_path, sim=sim) as world:
        flow = world.flow
        await flow.sign_in(EMAIL, PASSWORD, keep=False)
        flow.use_link(LinkKind.USB)
        found = await flow.find_photons()
        photon = world.sim.photons[0]
        assert [(f.target, f.label) for f in found] == [
            (photon.usb_port, f"Photon {photon.device_id.lower()}")
        ]
        await flow.connect_photon(found[0].target)
        assert flow.state.ownership is Ownership.UNCLAIMED
        assert flow.state.home_network == HOME
        names = [n.ssid for n in flow.state.networks]
        assert HOME in names
        assert not any(name.startswith("Photon-") for name in names)
        home = next(n for n in flow.state.networks if n.ssid == HOME)
        flow.choose_network(WifiChoice.scanned(home))
        await flow.send(WifiPassword(HOME_PASSWORD))
        await flow.wait_for_cloud()
        assert flow.state.cloud_device is not None
        assert flow.state.cloud_device.online
        assert world.backend.current_ssid == HOME
        skipped = {r.stage for r in flow.timeline if r.status is StageStatus.SKIPPED}
        assert {Stage.RESTORE_WIFI, Stage.INTERNET} <= skipped
