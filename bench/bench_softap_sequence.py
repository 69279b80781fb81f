"""How long the SoftAP part of a setup takes against the simulator, per transport.

Prints the median and worst wall time of each command of the official sequence
(device-id, public-key, set, scan-ap, configure-ap) over TCP and over HTTP, with the
simulator's own delays scaled away (speed 10 000), so the figures are our client's and the
loopback stack's overhead. Also prints how long a simulated world takes to start, and what
opening and closing a PhotonClient costs (the flow may make one per step).
Run with ``make bench``; loopback only.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections import defaultdict
from collections.abc import Awaitable
from typing import TypeVar

from setup_wizard.device import DeviceAddress, PhotonClient, Transport
from setup_wizard.secret import ClaimCode, WifiPassword
from setup_wizard.sim.simulation import Simulation

ROUNDS = 30
T = TypeVar("T")


async def main() -> None:
    started = time.perf_counter()
    sim = await Simulation.start(devices=1, speed=10_000, seed=1)
    print(f"simulated world (cloud + 1 Photon) ready in {time.perf_counter() - started:.3f} s")
    device = sim.photons[0]
    address = DeviceAddress(device.host, device.tcp_port, device.http_port)
    lifetimes = []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        async with PhotonClient(address):
            pass
        lifetimes.append((time.perf_counter() - t0) * 1000)
    print(
        f"PhotonClient open + close: first {lifetimes[0]:.3f} ms, "
        f"median {statistics.median(lifetimes):.3f} ms"
    )
    password = WifiPassword("correct horse battery")
    try:
        for transport in (Transport.TCP, Transport.HTTP):
            times: dict[str, list[float]] = defaultdict(list)

            async def timed(
                name: str, command: Awaitable[T], times: dict[str, list[float]] = times
            ) -> T:
                t0 = time.perf_counter()
                result = await command
                times[name].append((time.perf_counter() - t0) * 1000)
                return result

            async with PhotonClient(address, prefer=transport) as photon:
                for _ in range(ROUNDS):
                    await timed("device-id", photon.device_info())
                    await timed("public-key", photon.public_key())
                    await timed("set", photon.set_claim_code(ClaimCode("c" * 63)))
                    networks = await timed("scan-ap", photon.scan())
                    home = next(n for n in networks if n.ssid == "HomeNetwork")
                    await timed("configure-ap", photon.configure(home, password=password))
            print(f"\n{transport.value.upper()} ({ROUNDS} rounds)      median     worst")
            for name, values in times.items():
                print(f"  {name:<14} {statistics.median(values):8.2f} ms {max(values):8.2f} ms")
    finally:
        await sim.stop()


if __name__ == "__main__":
    asyncio.run(main())
