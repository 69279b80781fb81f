"""Work lists: a CSV of the devices to set up at the bench, one row each.

Columns, in this order (a header row naming them is optional): the customer's e-mail, the
device's name (may be empty: a name is suggested), the Wi-Fi network's name. Wi-Fi
passwords never go in this file: the bench asks for each network's password once.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from setup_wizard.flow.naming import name_problem
from setup_wizard.i18n import QT_TRANSLATE_NOOP, Text, joined

MAX_ROWS = 10_000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
_HEADER_WORDS = ("mail", "customer", "name", "device", "ssid", "wifi", "wi-fi", "network")
_SECRET_WORDS = ("password", "passphrase", "pwd", "psk", "secret", "key")


@dataclass(frozen=True)
class WorkItem:
    line: int
    """The row's line in the file (1-based), for messages and the ledger."""
    customer: str
    device_name: str | None
    ssid: str


class WorkListError(ValueError):
    def __init__(self, problems: list[Text]) -> None:
        self.problems = problems
        self.message = joined(problems, "\n")
        super().__init__(self.message)


def read_work_list(path: Path) -> list[WorkItem]:
    try:
        text = path.read_text(encoding="utf-8-sig")
        return parse_work_list(text)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        # csv.Error: not CSV the csv module reads (a cell over its 128 KiB limit)
        raise WorkListError(
            [
                QT_TRANSLATE_NOOP(
                    "WorkList", "Could not read the work list {path}: {reason}."
                ).format(path=str(path), reason=str(getattr(error, "strerror", None) or error))
            ]
        ) from error


def parse_work_list(text: str) -> list[WorkItem]:
    """The rows of a work list; every problem, with its line, in one :class:`WorkListError`
    (``csv.Error`` for text the csv module cannot read: :func:`read_work_list` words it)."""
    rows = list(csv.reader(io.StringIO(text)))
    problems: list[Text] = []
    items: list[WorkItem] = []
    start = 0
    if rows and _is_header(rows[0]):
        if any(word in cell.lower() for cell in rows[0] for word in _SECRET_WORDS):
            raise WorkListError(
                [
                    QT_TRANSLATE_NOOP(
                        "WorkList",
                        "The work list has a password column. Wi-Fi passwords never go in this "
                        "file: remove the column; the bench asks for each network's password "
                        "once.",
                    )
                ]
            )
        start = 1
    for index, row in enumerate(rows[start:], start=start + 1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if len(items) >= MAX_ROWS:
            problems.append(
                QT_TRANSLATE_NOOP("WorkList", "A work list holds at most {n} rows.").format(
                    n=str(MAX_ROWS)
                )
            )
            break
        if len(cells) != 3:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "WorkList",
                    "Line {line}: expected 3 columns (customer e-mail, device name, Wi-Fi "
                    "network), found {count}.",
                ).format(line=str(index), count=str(len(cells)))
            )
            continue
        customer, name, ssid = cells
        if not _EMAIL.match(customer) or len(customer) > 254:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "WorkList", "Line {line}: “{value}” is not an e-mail address."
                ).format(line=str(index), value=customer)
            )
        if name:
            problem = name_problem(name)
            if problem:
                problems.append(
                    QT_TRANSLATE_NOOP("WorkList", "Line {line}: {problem}").format(
                        line=str(index), problem=problem
                    )
                )
        if not ssid or len(ssid.encode("utf-8")) > 32:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "WorkList", "Line {line}: a Wi-Fi network's name has 1 to 32 bytes."
                ).format(line=str(index))
            )
        items.append(WorkItem(index, customer.lower(), name or None, ssid))
    if problems:
        raise WorkListError(problems)
    if not items:
        raise WorkListError([QT_TRANSLATE_NOOP("WorkList", "The work list has no rows.")])
    return items


def _is_header(row: list[str]) -> bool:
    first = row[0].strip().lower() if row else ""
    return "@" not in first and any(word in first for word in _HEADER_WORDS)
