"""A process that dies inside a Photon session, leaving the crash journal behind.

Run by test_network_session.py: ``python network_crash_child.py STATE_FOLDER``. It exits
with status 17 through ``os._exit`` right after joining, so no ``finally`` runs, as when
the app is killed or the computer loses power.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from network_fakes import FakeInterfaceTable, StubDevice, network_manager_runner, nm_backend

from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.wifi import PhotonWifi


async def main(folder: Path) -> None:
    runner = network_manager_runner()
    wifi = PhotonWifi(
        nm_backend(runner),
        probe=StubDevice(),
        journal=RestoreJournal(folder),
        interfaces=FakeInterfaceTable(),
    )
    async with wifi.photon_session("Photon-7KQX"):
        print("joined:", *(" ".join(call) for call in runner.calls), sep="\n", flush=True)
        os._exit(17)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
