"""Each device's line on stdout, written as soon as its setup ends: a script reading the
lines sees progress, and an interrupted run still reported every device it finished."""

from __future__ import annotations

import json
from typing import TextIO

from setup_wizard.flow.bench import Job
from setup_wizard.flow.ledger import Outcome
from setup_wizard.headless.devices import DeviceResult
from setup_wizard.headless.exits import ExitCode


class Results:
    """One line per job, each written once. One device after another, the lines come in the
    jobs' order; Photons set up at once over USB end, and are written, in any order."""

    def __init__(self, jobs: list[Job], *, as_json: bool, out: TextIO) -> None:
        self.pending: list[Job] = list(jobs)
        """The jobs without a line yet."""
        self.results: list[DeviceResult] = []
        self._json = as_json
        self._out = out

    def add(self, result: DeviceResult, job: Job | None = None) -> None:
        """The line of ``job`` (None: the first job without one, as one after another)."""
        if job is None:
            del self.pending[:1]
        else:
            self.pending = [other for other in self.pending if other is not job]
        self.results.append(result)
        line = json.dumps(result.summary()) if self._json else _human(result)
        self._out.write(line + "\n")
        self._out.flush()

    def failed(self, job: Job, code: ExitCode, error: str) -> None:
        """``job`` failed before any Photon was touched for it (nothing in the ledger)."""
        self.add(
            DeviceResult(
                job.customer,
                job.ssid,
                Outcome.FAILED,
                code,
                device_name=job.device_name,
                error=error,
                work_line=job.work_line,
            ),
            job,
        )

    def rest(self, outcome: Outcome, code: ExitCode, error: str) -> None:
        """Every job without a line yet ended this way (the run stopped before it)."""
        for job in list(self.pending):
            self.add(
                DeviceResult(
                    job.customer,
                    job.ssid,
                    outcome,
                    code,
                    device_name=job.device_name,
                    error=error,
                    work_line=job.work_line,
                ),
                job,
            )

    def exit_code(self) -> ExitCode:
        """0 when all are online; 7 when some failed while others passed; else the code of
        the first that failed."""
        failed = [r for r in self.results if r.outcome is not Outcome.ONLINE]
        if not failed:
            return ExitCode.ONLINE
        if len(failed) < len(self.results):
            return ExitCode.SOME_ROWS_FAILED
        return failed[0].code


def _human(result: DeviceResult) -> str:
    where = f" (work list line {result.work_line})" if result.work_line is not None else ""
    if result.outcome is Outcome.ONLINE:
        name = f" “{result.device_name}”" if result.device_name else ""
        return (
            f"online  {result.customer}{where}: Photon {result.device_id}{name} on "
            f"“{result.ssid}” ({result.seconds:.0f} s)"
        )
    return f"{result.outcome.value}  {result.customer}{where}: {result.error}"
