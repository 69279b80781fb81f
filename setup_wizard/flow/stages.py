"""The journey's stages and the timeline of one setup: what ran, when, how long, how it ended.

The timeline is what the "Sending" and "Waiting" pages show step by step, what a support
report lists, and (later) what the bench ledger records per device. It holds no secrets:
only stage names, times and the user-facing message of a failure.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum

from setup_wizard.i18n import QT_TRANSLATE_NOOP


class Stage(StrEnum):
    """One step of the journey, in order. Values are stable: reports and the ledger use them."""

    SIGN_IN = "sign-in"
    CLAIM_CODE = "claim-code"
    JOIN_PHOTON = "join-photon"
    READ_DEVICE = "read-device"
    SCAN = "scan"
    SEND_CLAIM_CODE = "send-claim-code"
    SEND_WIFI = "send-wifi"
    CONNECT = "connect"
    RESTORE_WIFI = "restore-wifi"
    PHOTON_LEAVES = "photon-leaves"
    INTERNET = "internet"
    CLOUD_ONLINE = "cloud-online"
    NAME = "name"

    @property
    def label(self) -> str:
        """What the person sees in a step list (English; a :class:`~setup_wizard.i18n.Text`)."""
        return _TITLES[self]


_TITLES = {
    Stage.SIGN_IN: QT_TRANSLATE_NOOP("Stages", "Sign in"),
    Stage.CLAIM_CODE: QT_TRANSLATE_NOOP("Stages", "Get a claim code"),
    Stage.JOIN_PHOTON: QT_TRANSLATE_NOOP("Stages", "Connect to the Photon"),
    Stage.READ_DEVICE: QT_TRANSLATE_NOOP("Stages", "Read the Photon's ID and key"),
    Stage.SCAN: QT_TRANSLATE_NOOP("Stages", "Look for Wi-Fi networks"),
    Stage.SEND_CLAIM_CODE: QT_TRANSLATE_NOOP("Stages", "Send the claim code"),
    Stage.SEND_WIFI: QT_TRANSLATE_NOOP("Stages", "Send the Wi-Fi settings"),
    Stage.CONNECT: QT_TRANSLATE_NOOP("Stages", "Tell the Photon to connect"),
    Stage.RESTORE_WIFI: QT_TRANSLATE_NOOP("Stages", "Reconnect this computer"),
    Stage.PHOTON_LEAVES: QT_TRANSLATE_NOOP("Stages", "Photon joins your Wi-Fi"),
    Stage.INTERNET: QT_TRANSLATE_NOOP("Stages", "Internet back on this computer"),
    Stage.CLOUD_ONLINE: QT_TRANSLATE_NOOP("Stages", "Photon online in the Particle Cloud"),
    Stage.NAME: QT_TRANSLATE_NOOP("Stages", "Name the Photon"),
}


class StageStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self not in (StageStatus.PENDING, StageStatus.RUNNING)


@dataclass(frozen=True)
class StageRecord:
    """One run of a stage; ``started``/``ended`` are monotonic seconds (``Timeline.clock``)."""

    stage: Stage
    status: StageStatus = StageStatus.PENDING
    started: float | None = None
    ended: float | None = None
    note: str = ""
    """Why it was skipped, or the user-facing message of its failure."""

    def elapsed(self, now: float) -> float | None:
        """Seconds spent so far (running) or in all (finished); None if it never started."""
        if self.started is None:
            return None
        return (self.ended if self.ended is not None else now) - self.started


@dataclass
class Timeline:
    """Every stage run of one setup, oldest first. A stage run again gets a new record."""

    clock: Callable[[], float] = time.monotonic
    records: list[StageRecord] = field(default_factory=list)

    def __iter__(self) -> Iterator[StageRecord]:
        return iter(self.records)

    def latest(self, stage: Stage) -> StageRecord | None:
        for record in reversed(self.records):
            if record.stage is stage:
                return record
        return None

    def start(self, stage: Stage) -> StageRecord:
        record = StageRecord(stage, StageStatus.RUNNING, started=self.clock())
        self.records.append(record)
        return record

    def finish(self, stage: Stage, status: StageStatus, note: str = "") -> StageRecord:
        """End the stage's running record (or record an instant one, e.g. a skip)."""
        now = self.clock()
        for index in range(len(self.records) - 1, -1, -1):
            record = self.records[index]
            if record.stage is stage and record.status is StageStatus.RUNNING:
                done = replace(record, status=status, ended=now, note=note)
                self.records[index] = done
                return done
        done = StageRecord(stage, status, started=now, ended=now, note=note)
        self.records.append(done)
        return done

    def running(self) -> list[StageRecord]:
        return [r for r in self.records if r.status is StageStatus.RUNNING]
