"""``setup-wizard simulate``: serve a simulated world until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import signal
import sys

from setup_wizard.sim.photon import UsbUnavailableError
from setup_wizard.sim.simulation import Simulation


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--devices", type=int, default=1, metavar="N", help="simulated Photons")
    parser.add_argument("--cloud-port", type=int, default=0, metavar="P", help="0 = any free")
    parser.add_argument(
        "--device-base-port",
        type=int,
        default=0,
        metavar="P",
        help="device i serves HTTP on P+2i and TCP on P+2i+1 (0 = any free)",
    )
    parser.add_argument(
        "--speed", type=float, default=1.0, metavar="F", help="simulated time runs F times as fast"
    )
    parser.add_argument(
        "--mfa", action="store_true", help="the seeded developer has two-step verification"
    )
    parser.add_argument("--seed", type=int, default=None, help="make IDs and keys repeatable")
    parser.add_argument(
        "--quarantine",
        action="store_true",
        help="the product quarantines devices it does not know (none is added ahead)",
    )
    parser.add_argument(
        "--usb",
        action="store_true",
        help="each Photon is also plugged in by USB: its console on a pseudo-terminal, given as "
        '"usb" in the ready line (Linux and macOS)',
    )


async def serve(args: argparse.Namespace) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        sim = await Simulation.start(
            devices=args.devices,
            cloud_port=args.cloud_port,
            device_base_port=args.device_base_port,
            speed=args.speed,
            mfa=args.mfa,
            seed=args.seed,
            quarantine=args.quarantine,
            usb=args.usb,
        )
    except (OSError, UsbUnavailableError) as exc:
        print(f"setup-wizard simulate: cannot start: {exc}", file=sys.stderr)
        return 1
    try:
        sys.stdout.write(json.dumps(sim.ready()) + "\n")
        sys.stdout.flush()
        await stop.wait()
    finally:
        await sim.stop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    return 0


def main(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(name)s: %(message)s")
    if args.devices < 0:
        print("setup-wizard simulate: --devices must be 0 or more", file=sys.stderr)
        return 2
    if args.speed <= 0:
        print("setup-wizard simulate: --speed must be positive", file=sys.stderr)
        return 2
    return asyncio.run(serve(args))
