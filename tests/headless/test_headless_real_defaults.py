"""The real defaults (DESIGN.md, "Network safety"): the command with no device address
options talks to 192.168.0.1, TCP 5609 and HTTP 80, as it would to a real Photon. The test
puts a simulated Photon there inside a network namespace it creates, with no interface but
loopback: no packet can leave it. The cloud stays the simulator on 127.0.0.1 (``--api-url``):
the default https://api.particle.io cannot even be resolved in there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from headless_helpers import Computer, Onboarded, SecretScan

from setup_wizard.flow.ledger import Outcome
from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.link import NoCloud
from setup_wizard.sim.photon import SimulatedPhoton
from setup_wizard.sim.photon.device import only_loopback_here
from setup_wizard.sim.wifi import WifiEnvironment

HERE = Path(__file__).parent
ISOLATE = 'ip link set lo up && ip addr add 192.168.0.1/32 dev lo && exec "$0" "$@"'


UNSHARE = shutil.which("unshare")


def _namespaces_permitted() -> str | None:
    """Why a namespace cannot be made here, or None."""
    if UNSHARE is None or shutil.which("ip") is None:
        return "unshare or ip (util-linux, iproute2) is not installed"
    probe = subprocess.run(  # noqa: S603 - a fixed command
        [UNSHARE, "--net", "true"], capture_output=True, text=True, timeout=10, check=False
    )
    if probe.returncode != 0:
        return f"network namespaces are not permitted here: {probe.stderr.strip()}"
    return None


def test_the_default_photon_address_is_used_and_nothing_leaves_the_namespace(
    computer: Computer, scan: SecretScan
) -> None:
    why_not = _namespaces_permitted()
    if why_not:
        pytest.skip(why_not)
    assert UNSHARE is not None
    done = subprocess.run(  # noqa: S603 - our own script
        [
            UNSHARE,
            "--net",
            "sh",
            "-c",
            ISOLATE,
            sys.executable,
            str(HERE / "netns_world.py"),
            str(computer.root),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    world = json.loads(done.stdout)
    run = Onboarded(world["code"], world["stdout"], world["stderr"])
    scan.secret(*world["secrets"])
    scan.output(run)

    assert run.code == 0, run.stderr
    assert run.line["device_id"] == world["photon"]
    assert world["owned"] == [world["photon"]], "the customer owns it"
    (row,) = computer.ledger_rows()
    assert row.outcome is Outcome.ONLINE
    scan.assert_clean(written=[computer.log_file])


def test_outside_such_a_namespace_a_simulated_photon_refuses_the_real_address() -> None:
    if only_loopback_here():
        pytest.skip("this test runs in a namespace with only loopback already")
    with pytest.raises(ValueError, match="loopback only"):
        SimulatedPhoton(
            clock=SimClock(),
            wifi=WifiEnvironment.home(),
            link=NoCloud(),
            host="192.168.0.1",
        )


def test_a_namespace_counts_as_isolated_only_with_loopback_alone() -> None:
    assert only_loopback_here(lambda: [(1, "lo")])
    assert not only_loopback_here(lambda: [(1, "lo"), (2, "eth0")])
    assert not only_loopback_here(lambda: [(1, "lo"), (2, "veth0")])
    assert not only_loopback_here(lambda: [])
