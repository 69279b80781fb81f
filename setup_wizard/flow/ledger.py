"""The bench's ledger: every device set up, as it happens, in SQLite in the user's data folder.

One row per setup (who, for which customer, which device, which network, how it ended) and
one per stage run (its result and duration). It is written as the setup goes, so that after
a crash or a closed window the bench knows the device in progress and the step to resume at.
Nothing secret is stored: no password, token or claim code; every text is scrubbed anyway.

SQLite in WAL mode with ``synchronous=NORMAL``: a write costs microseconds (no fsync per
commit) and survives the app crashing, which is what the ledger is for.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import platformdirs

from setup_wizard import redact
from setup_wizard.flow.stages import StageRecord

SCHEMA_VERSION = 1
FILE_NAME = "ledger.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS setups (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    operator TEXT NOT NULL,
    product TEXT NOT NULL,
    customer TEXT NOT NULL,
    device_id TEXT,
    device_name TEXT,
    ssid TEXT,
    work_list TEXT,
    work_line INTEGER,
    outcome TEXT NOT NULL,
    resume_at TEXT NOT NULL,
    connected_at TEXT,
    error TEXT
);
CREATE TABLE IF NOT EXISTS steps (
    setup_id INTEGER NOT NULL REFERENCES setups(id),
    position INTEGER NOT NULL,
    stage TEXT NOT NULL,
    status TEXT NOT NULL,
    seconds REAL,
    note TEXT,
    PRIMARY KEY (setup_id, position)
);
CREATE INDEX IF NOT EXISTS setups_customer ON setups(customer);
"""


class Outcome(StrEnum):
    IN_PROGRESS = "in progress"
    ONLINE = "online"
    """Online and owned by the customer: the only success."""
    FAILED = "failed"
    CANCELLED = "cancelled"


class ResumeAt(StrEnum):
    """Where a device's setup goes on after an interruption."""

    DEVICE = "device"
    """Nothing reached the Photon for good yet: from "Listening mode" again."""
    CLOUD = "cloud"
    """The Photon was told to connect: wait for it in the cloud."""
    NAME = "name"
    """It is online and the customer's: name it."""
    NOTHING = "nothing"
    """Finished."""


@dataclass(frozen=True)
class Step:
    stage: str
    status: str
    seconds: float | None
    note: str


@dataclass(frozen=True)
class SetupRow:
    id: int
    started_at: datetime
    finished_at: datetime | None
    operator: str
    product: str
    customer: str
    device_id: str | None
    device_name: str | None
    ssid: str | None
    work_list: str | None
    work_line: int | None
    outcome: Outcome
    resume_at: ResumeAt
    connected_at: datetime | None
    error: str | None


def default_path() -> Path:
    return Path(platformdirs.user_data_dir("photon-setup", appauthor=False)) / FILE_NAME


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _clean(text: str | None) -> str | None:
    return None if text is None else redact.scrub_remembered(str(text))


class Ledger:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"The ledger {path} was written by a newer Photon Setup; update the app."
            )
        self._db.executescript(_SCHEMA)  # one transaction of its own
        self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- writing, as the setup goes ---------------------------------------------------------

    def begin(
        self,
        *,
        operator: str,
        product: str,
        customer: str,
        ssid: str | None = None,
        device_name: str | None = None,
        work_list: str | None = None,
        work_line: int | None = None,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO setups (started_at, operator, product, customer, ssid, device_name,"
            " work_list, work_line, outcome, resume_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                _now(),
                operator,
                product,
                customer,
                ssid,
                device_name,
                work_list,
                work_line,
                Outcome.IN_PROGRESS.value,
                ResumeAt.DEVICE.value,
            ),
        )
        setup_id = cursor.lastrowid
        assert setup_id is not None
        return setup_id

    def update(
        self,
        setup_id: int,
        *,
        device_id: str | None = None,
        device_name: str | None = None,
        ssid: str | None = None,
        resume_at: ResumeAt | None = None,
        connected_at: datetime | None = None,
    ) -> None:
        changes: dict[str, object] = {
            "device_id": device_id,
            "device_name": device_name,
            "ssid": ssid,
            "resume_at": resume_at.value if resume_at else None,
            "connected_at": connected_at.isoformat(timespec="seconds") if connected_at else None,
        }
        given = {column: value for column, value in changes.items() if value is not None}
        if not given:
            return
        assignments = ", ".join(f"{column}=?" for column in given)
        self._db.execute(
            f"UPDATE setups SET {assignments} WHERE id=?",  # noqa: S608 - fixed column names
            (*given.values(), setup_id),
        )

    def step_count(self, setup_id: int) -> int:
        (count,) = self._db.execute(
            "SELECT COUNT(*) FROM steps WHERE setup_id=?", (setup_id,)
        ).fetchone()
        return int(count)

    def record_steps(
        self, setup_id: int, records: Iterable[StageRecord], now: float, *, start: int = 0
    ) -> None:
        """The setup's timeline so far, from step ``start`` on (a handful of rows, rewritten
        each time; a resumed setup keeps the steps recorded before the interruption)."""
        rows = [
            (
                setup_id,
                start + position,
                record.stage.value,
                record.status.value,
                record.elapsed(now),
                _clean(record.note) or "",
            )
            for position, record in enumerate(records)
        ]
        with self._transaction():
            self._db.execute(
                "DELETE FROM steps WHERE setup_id=? AND position>=?", (setup_id, start)
            )
            self._db.executemany("INSERT INTO steps VALUES (?,?,?,?,?,?)", rows)

    def finish(self, setup_id: int, outcome: Outcome, error: str | None = None) -> None:
        """The end of a device's setup; a failed one keeps its resume point (Try again)."""
        self._db.execute(
            "UPDATE setups SET outcome=?, finished_at=?, error=? WHERE id=?",
            (outcome.value, _now(), _clean(error), setup_id),
        )
        if outcome is Outcome.ONLINE:
            self.update(setup_id, resume_at=ResumeAt.NOTHING)

    # -- reading ----------------------------------------------------------------------------

    def setups(self, *, customer: str | None = None) -> list[SetupRow]:
        query = "SELECT * FROM setups"
        args: tuple[object, ...] = ()
        if customer is not None:
            query += " WHERE customer=?"
            args = (customer.lower(),)
        return [self._row(row) for row in self._db.execute(query + " ORDER BY id", args)]

    def setup(self, setup_id: int) -> SetupRow:
        row = self._db.execute("SELECT * FROM setups WHERE id=?", (setup_id,)).fetchone()
        if row is None:
            raise KeyError(setup_id)
        return self._row(row)

    def steps(self, setup_id: int) -> list[Step]:
        return [
            Step(stage, status, seconds, note)
            for stage, status, seconds, note in self._db.execute(
                "SELECT stage, status, seconds, note FROM steps WHERE setup_id=? ORDER BY position",
                (setup_id,),
            )
        ]

    def unfinished(self) -> SetupRow | None:
        """The device that was in progress when the app stopped, if any (the newest)."""
        row = self._db.execute(
            "SELECT * FROM setups WHERE outcome=? ORDER BY id DESC LIMIT 1",
            (Outcome.IN_PROGRESS.value,),
        ).fetchone()
        return None if row is None else self._row(row)

    def done_lines(self, work_list: str) -> set[int]:
        """Lines of a work list whose device is online and the customer's."""
        return {
            line
            for (line,) in self._db.execute(
                "SELECT work_line FROM setups WHERE work_list=? AND outcome=?",
                (work_list, Outcome.ONLINE.value),
            )
            if line is not None
        }

    @staticmethod
    def _row(row: tuple[object, ...]) -> SetupRow:
        (
            setup_id,
            started,
            finished,
            operator,
            product,
            customer,
            device_id,
            device_name,
            ssid,
            work_list,
            work_line,
            outcome,
            resume_at,
            connected_at,
            error,
        ) = row
        return SetupRow(
            id=int(str(setup_id)),
            started_at=_time(str(started)) or datetime.now(UTC),
            finished_at=_time(finished if isinstance(finished, str) else None),
            operator=str(operator),
            product=str(product),
            customer=str(customer),
            device_id=device_id if isinstance(device_id, str) else None,
            device_name=device_name if isinstance(device_name, str) else None,
            ssid=ssid if isinstance(ssid, str) else None,
            work_list=work_list if isinstance(work_list, str) else None,
            work_line=work_line if isinstance(work_line, int) else None,
            outcome=Outcome(str(outcome)),
            resume_at=ResumeAt(str(resume_at)),
            connected_at=_time(connected_at if isinstance(connected_at, str) else None),
            error=error if isinstance(error, str) else None,
        )

    # -- exports ----------------------------------------------------------------------------

    def export_csv(self, path: Path) -> Path:
        """Every setup, one row each, with its steps as ``stage=status (seconds)``."""
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(
                [
                    "started",
                    "finished",
                    "operator",
                    "product",
                    "customer",
                    "device id",
                    "device name",
                    "Wi-Fi",
                    "outcome",
                    "error",
                    "steps",
                ]
            )
            for setup in self.setups():
                steps = "; ".join(
                    f"{s.stage}={s.status}" + (f" ({s.seconds:.1f} s)" if s.seconds else "")
                    for s in self.steps(setup.id)
                )
                writer.writerow(
                    [
                        setup.started_at.isoformat(),
                        setup.finished_at.isoformat() if setup.finished_at else "",
                        setup.operator,
                        setup.product,
                        setup.customer,
                        setup.device_id or "",
                        setup.device_name or "",
                        setup.ssid or "",
                        setup.outcome.value,
                        setup.error or "",
                        steps,
                    ]
                )
        return path

    def handover_report(self, customer: str) -> str:
        """For one customer: which devices were set up, when, and whether each is online."""
        setups = self.setups(customer=customer)
        lines = [f"Devices set up for {customer.lower()}", ""]
        for setup in setups:
            when = setup.finished_at or setup.started_at
            status = {
                Outcome.ONLINE: "online and owned by the customer",
                Outcome.IN_PROGRESS: "not finished",
                Outcome.FAILED: f"failed: {setup.error or 'no reason recorded'}",
                Outcome.CANCELLED: "cancelled",
            }[setup.outcome]
            lines.append(
                f"- {setup.device_name or '(no name)'}  {setup.device_id or '(no device ID)'}"
                f"  {when.strftime('%Y-%m-%d %H:%M UTC')}  {status}"
            )
        if not setups:
            lines.append("(no devices)")
        online = sum(1 for setup in setups if setup.outcome is Outcome.ONLINE)
        lines += ["", f"{online} of {len(setups)} online."]
        return "\n".join(lines) + "\n"
