"""Run inside a network namespace that has only loopback (see test_headless_real_defaults.py):
a simulated Photon where a real one is, 192.168.0.1 on ports 5609 and 80, the simulated
cloud on 127.0.0.1, and ``setup-wizard onboard`` with no device address options.

Usage: ``python netns_world.py ROOT``; prints one JSON line: the command's exit code,
stdout and stderr, the device's owner per the cloud, and every secret the cloud issued.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from headless_helpers import RUN_TIMEOUT, Computer, record_secrets

from setup_wizard.sim.photon import SimulatedPhoton
from setup_wizard.sim.simulation import Simulation

CUSTOMER = "ivy@example.com"
HOME = "HomeNetwork"


async def main(root: Path) -> dict[str, object]:
    sim = await Simulation.start(devices=0, speed=50)
    issued = record_secrets(sim)
    photon = SimulatedPhoton(
        clock=sim.clock,
        wifi=sim.wifi,
        link=sim.cloud,
        host="192.168.0.1",
        tcp_port=5609,
        http_port=80,
    )
    try:
        await photon.start()
        sim.photons.append(photon)
        developer = sim.cloud.developer
        computer = Computer(root)
        process = await asyncio.create_subprocess_exec(
            *computer.command(
                # The real cloud's name cannot be resolved in here; the simulated one is
                # given. The Photon's address and ports are the defaults.
                *("--api-url", sim.cloud.url, "--wifi", "manual", "--json"),
                *("--product", str(sim.cloud.product.id)),
                *("--customer", CUSTOMER, "--wifi-ssid", HOME),
            ),
            env=computer.env(
                SETUP_WIZARD_USERNAME=developer.username,
                SETUP_WIZARD_PASSWORD=developer.password,
                SETUP_WIZARD_WIFI_PASSWORD=next(
                    n.password for n in sim.wifi.networks if n.ssid == HOME and n.password
                ),
            ),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(process.communicate(), RUN_TIMEOUT)
        customer = sim.cloud.customer(CUSTOMER)
        return {
            "code": process.returncode,
            "stdout": out.decode(),
            "stderr": err.decode(),
            "photon": photon.device_id.lower(),
            "owned": list(customer.device_ids) if customer else [],
            "secrets": sorted(issued()),
        }
    finally:
        await sim.stop()


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(Path(sys.argv[1])))))
