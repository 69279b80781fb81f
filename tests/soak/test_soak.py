"""The soak in CI: SOAK_DEVICES devices (12 unless set: about one deck of faults) set up
in a row on the bench, each with a fault drawn at random (seeded), as ``make soak`` runs
100 of them.

Memory is not traced here: a dozen devices give no slope, and pytest keeps every log record of
a test for its report, which a long run would count as the app's. ``make soak``
(bench/bench_soak.py) traces it and prints the figures."""

from __future__ import annotations

import os
from pathlib import Path

from soak_run import SoakSettings, device_lines, run_soak, table

DEVICES = int(os.environ.get("SOAK_DEVICES", "12"))


async def test_devices_in_a_row_end_online_or_with_a_reason_and_leave_nothing_behind(
    tmp_path: Path,
) -> None:
    report = await run_soak(SoakSettings(devices=DEVICES, memory=False), tmp_path)
    assert len(report.ends) == DEVICES
    assert not report.problems(), f"{device_lines(report)}\n\n{table(report)}"
