"""Our device client against Particle's softap-setup-js, on the same simulated Photon.

The SoftAP phase of a setup (device-id, public-key, set, scan-ap, configure-ap, connect-ap)
is timed for both clients, over TCP and over HTTP, against a simulated Photon with
firmware-like delays: 20 ms a command, 1 s a scan, two scans in a WPA configure-ap, and the
first TCP connection of each listening session left open (device-os #1252). Runs alternate
between the two clients; each run gets a freshly started Photon (same seed: same ID and key),
served by a separate process so that its work does not share our client's event loop. Each
client times itself from creating its client object to the connect-ap answer, so neither
process start-up nor module loading is counted. Prints both medians and ours/theirs per
transport. Loopback only. Needs node and ``cd tools/interop && npm ci``; without them it says
so and exits 0.

Usage: python bench/bench_softap_vs_particle.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

from setup_wizard.device import DeviceAddress, PhotonClient, Transport
from setup_wizard.secret import ClaimCode, WifiPassword
from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.link import NoCloud
from setup_wizard.sim.photon import SimulatedPhoton
from setup_wizard.sim.photon.timing import SetupTiming
from setup_wizard.sim.wifi import WifiEnvironment

INTEROP = Path(__file__).resolve().parent.parent / "tools" / "interop"
FIRMWARE_LIKE = SetupTiming(command_seconds=0.02, scan_seconds=1.0)
SSID, PASSWORD = "HomeNetwork", "correct horse battery"  # WifiEnvironment.home()'s router
CLAIM_CODE = "c" * 63


# -- the simulated Photon, in its own process ------------------------------------------------


async def serve() -> None:
    """Read "start" lines from stdin; answer each with the ports of a freshly started Photon."""
    loop = asyncio.get_running_loop()
    photon: SimulatedPhoton | None = None
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if photon is not None:
            await photon.stop()
            photon = None
        if line.strip() != "start":
            return
        photon = SimulatedPhoton(
            clock=SimClock(1.0),
            wifi=WifiEnvironment.home(),
            link=NoCloud(),
            setup_timing=FIRMWARE_LIKE,
            seed=1,
        )
        await photon.start()
        ports = {"host": photon.host, "tcp": photon.tcp_port, "http": photon.http_port}
        print(json.dumps(ports), flush=True)


# -- the two clients -------------------------------------------------------------------------


async def ours(address: DeviceAddress, transport: Transport) -> float:
    started = time.perf_counter()
    async with PhotonClient(address, prefer=transport) as photon:
        await photon.device_info()
        await photon.public_key()
        await photon.set_claim_code(ClaimCode(CLAIM_CODE))
        network = next(n for n in await photon.scan() if n.ssid == SSID)
        await photon.configure(network, password=WifiPassword(PASSWORD))
        await photon.connect()
    return (time.perf_counter() - started) * 1000


def theirs(address: DeviceAddress, transport: Transport) -> float:
    port = address.tcp_port if transport is Transport.TCP else address.http_port
    script = str(INTEROP / "softap_phase.js")
    args = [address.host, str(port), transport.value.lower(), SSID, PASSWORD, CLAIM_CODE]
    done = subprocess.run(  # noqa: S603 - our own script, loopback arguments
        ["node", script, *args],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
        cwd=INTEROP,
    )
    return float(json.loads(done.stdout.strip().splitlines()[-1])["ms"])


def fresh_photon(control: IO[str], answers: IO[str]) -> DeviceAddress:
    control.write("start\n")
    control.flush()
    ports = json.loads(answers.readline())
    return DeviceAddress(ports["host"], ports["tcp"], ports["http"])


def missing_prerequisite() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed, so Particle's softap-setup-js cannot run"
    if not (INTEROP / "node_modules" / "@particle" / "softap-setup").is_dir():
        return "softap-setup-js is not installed: run `cd tools/interop && npm ci` first"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="runs of each client per transport")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve:
        asyncio.run(serve())
        return 0
    problem = missing_prerequisite()
    if problem:
        print(f"bench_softap_vs_particle: skipped, {problem}.")
        return 0
    print(
        f"SoftAP phase against one simulated Photon ({FIRMWARE_LIKE.command_seconds * 1000:.0f} "
        f"ms a command, {FIRMWARE_LIKE.scan_seconds:.0f} s a scan, two scans in configure-ap, "
        f"first TCP connection left open), {options.rounds} alternating runs each"
    )
    server = subprocess.Popen(  # noqa: S603 - this script, in its serving role
        [sys.executable, __file__, "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdin is not None
    assert server.stdout is not None
    try:
        for transport in (Transport.TCP, Transport.HTTP):
            times: dict[str, list[float]] = {"ours": [], "softap-setup-js": []}
            for round_ in range(options.rounds):
                order = ["ours", "softap-setup-js"]
                for name in order if round_ % 2 == 0 else reversed(order):
                    address = fresh_photon(server.stdin, server.stdout)
                    if name == "ours":
                        times[name].append(asyncio.run(ours(address, transport)))
                    else:
                        times[name].append(theirs(address, transport))
            mine, particle = (statistics.median(times[k]) for k in ("ours", "softap-setup-js"))
            print(
                f"  {transport.value:<4}  ours {mine:7.0f} ms   softap-setup-js {particle:7.0f} ms"
                f"   ratio {mine / particle:.3f}x"
            )
            for name, values in times.items():
                print(f"        {name:<16} " + " ".join(f"{v:.0f}" for v in values))
    finally:
        server.stdin.close()
        server.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
