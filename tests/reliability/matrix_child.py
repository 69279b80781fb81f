"""The app in a process of its own, to be killed in the middle of a step (the fault matrix's
"killed" column): a real SIGKILL, so nothing of its own clean-up runs, and what it left on
disk (the Wi-Fi journal, the ledger, the computer's Wi-Fi) is what the next start finds.

Reads one JSON line on stdin (the simulation's ready line and the cell), runs the setup, and
when the cell's step starts prints ``at-step`` and waits for a line on stdin before going on:
meanwhile the parent arms the kill (at the step's first request, or at once). Prints
``done`` if it was never killed.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent)]

from matrix_app import Disk, Mode, running_app, whole_journey  # noqa: E402

from setup_wizard.flow import FlowEvent, LinkKind, Stage, StageChanged, StageStatus  # noqa: E402


async def main(config: dict[str, object]) -> None:
    stage = Stage(str(config["stage"]))
    link = LinkKind(str(config["link"]))
    told = False

    def at_step(event: FlowEvent) -> None:
        nonlocal told
        record = event.record if isinstance(event, StageChanged) else None
        if record is None or told or record.stage is not stage:
            return
        if record.status is StageStatus.RUNNING:
            told = True
            print("at-step", flush=True)
            sys.stdin.readline()  # blocks the whole app: nothing moves until the parent says

    async with running_app(
        config["ready"],  # type: ignore[arg-type]
        Disk(Path(str(config["folder"]))),
        mode=Mode(str(config["mode"])),
        home=str(config["home"]),
        home_password=str(config["home_password"]),
    ) as app:
        app.flow.events.subscribe(at_step)
        await whole_journey(app, link)
    print("done", flush=True)


if __name__ == "__main__":
    asyncio.run(main(json.loads(sys.stdin.readline())))
