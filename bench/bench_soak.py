"""The soak: 100 simulated Photons set up one after another on one bench, with faults drawn
at random from a seeded generator, and what a long session leaks.

Staff mode, as ``setup-wizard onboard`` runs it (``DeviceRun`` over Wi-Fi, ``UsbSetups``
over a cable: a third of the devices, where there are pseudo-terminals), wired
to the simulator with short time limits (tests/soak/soak_world.py). Each device is a Photon
fresh from the box, or (now and then over USB) one set up before and reset to listening
mode for another customer. Its fault, if any, strikes at a command or cloud request drawn
for it: the Photon silent, slow, garbling a reply, resetting mid-command or losing power
(its network gone), the computer refused the join, the cloud answering 5xx or 429 or out
of reach, its event streams dropped, the Wi-Fi password mistyped, the USB cable pulled.

Checked for every device: online and the customer's in the cloud, or failed with a
message in its result and its ledger row; the computer back on its home Wi-Fi; no fault,
online; a failure's reason (exit code) fits its fault. Across the run: open files, asyncio
tasks and threads before the first device and after the last (and before and after the
app), memory every 10 devices (tracemalloc: the app's share, without the simulator's
allocations; and the resident size), with the slope over the last 50 devices. Prints the
table; exits 1 when a check fails. Loopback only. Figures: docs/reliability.md, "Soak".

Usage: python bench/bench_soak.py [--devices N] [--seed N] [--no-usb] [--no-memory]
(one line per device on stderr as it ends; the table on stdout)
(``make soak``)
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "soak"))

from soak_run import SoakSettings, device_line, run_soak, table

from setup_wizard.sim.photon import PTY_AVAILABLE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=100)
    parser.add_argument("--seed", type=int, default=SoakSettings.seed)
    parser.add_argument("--no-usb", action="store_true", help="every Photon over its Wi-Fi")
    parser.add_argument("--no-memory", action="store_true", help="no tracemalloc (faster)")
    args = parser.parse_args()
    settings = SoakSettings(
        devices=args.devices,
        seed=args.seed,
        usb=PTY_AVAILABLE and not args.no_usb,
        memory=not args.no_memory,
        on_device=lambda end: print(device_line(end), file=sys.stderr, flush=True),
    )
    with tempfile.TemporaryDirectory(prefix="soak-") as folder:
        report = asyncio.run(run_soak(settings, Path(folder)))
    print(table(report))
    problems = report.problems()
    for problem in problems:
        print(f"PROBLEM {problem}")
    if not problems:
        print("every check passed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
