"""Looking for secrets in everything a run of the app wrote: files (zip members and SQLite
rows too), its output, and whatever text the test collected (screens, the clipboard).

The encodings are written here, from the standard library, and not taken from the app's
scrubber (``setup_wizard.redact``): a form the scrubber forgot would otherwise be forgotten
by the scan that checks it too.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import sqlite3
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import quote, quote_plus

SHORTEST_FORM = 6
"""Shorter forms would match ordinary text (a secret is never this short: a two-step code
has 6 digits)."""
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Form:
    """One way a secret can be written."""

    how: str
    text: str
    any_case: bool = False
    """Percent escapes and hex digits are written in either case (``%2f``, ``%2F``)."""


def _base64_forms(data: bytes) -> Iterator[tuple[str, str]]:
    """The secret's base64 on its own (padded and not), and at each of the 3 byte offsets it
    can have inside a longer encoded value (a Basic header encodes ``id:secret``): only the
    characters whose 6 bits all come from the secret, so the neighbours cannot change them.
    Standard and URL-safe alphabets."""
    for alphabet, encode in (
        ("base64", base64.b64encode),
        ("base64url", base64.urlsafe_b64encode),
    ):
        whole = encode(data).decode("ascii")
        yield alphabet, whole
        yield alphabet, whole.rstrip("=")
        for offset in range(3):
            shifted = encode(bytes(offset) + data).decode("ascii")
            first = -(-8 * offset // 6)  # ceil: the first character made of the secret only
            last = 8 * (offset + len(data)) // 6  # floor: one past the last such character
            yield f"{alphabet} at byte offset {offset}", shifted[first:last]


def encoded_forms(secret: str) -> list[Form]:
    """``secret`` as is, URL-encoded (quote, quote_plus), JSON-escaped, as a Python repr,
    base64 (see :func:`_base64_forms`) and hex."""
    data = secret.encode("utf-8")
    candidates = [
        Form("as is", secret),
        Form("URL-encoded (quote)", quote(secret, safe=""), any_case=True),
        Form("URL-encoded (quote, / kept)", quote(secret), any_case=True),
        Form("URL-encoded (quote_plus)", quote_plus(secret), any_case=True),
        Form("JSON-escaped", json.dumps(secret)[1:-1], any_case=True),
        Form("JSON-escaped, UTF-8", json.dumps(secret, ensure_ascii=False)[1:-1]),
        Form("JSON-escaped, \\/", json.dumps(secret)[1:-1].replace("/", "\\/"), any_case=True),
        Form("Python repr", repr(secret)[1:-1]),
        Form("Python bytes repr", repr(data)[2:-1], any_case=True),
        Form("hex", binascii.hexlify(data).decode("ascii"), any_case=True),
        Form("HEX", binascii.hexlify(data).decode("ascii").upper(), any_case=True),
    ]
    candidates += [Form(how, text) for how, text in _base64_forms(data)]
    unique: dict[str, Form] = {}
    for form in candidates:
        if len(form.text) >= SHORTEST_FORM:
            first = unique.setdefault(form.text, form)
            if form.any_case and not first.any_case:
                unique[form.text] = Form(first.how, form.text, any_case=True)
    return list(unique.values())


def _pattern(form: Form) -> re.Pattern[bytes]:
    text = re.escape(form.text.encode("utf-8"))
    if form.text.isdigit():  # a two-step code: a number of its own, not digits of a longer one
        text = rb"(?<![0-9])" + text + rb"(?![0-9])"
    return re.compile(text, re.IGNORECASE if form.any_case else 0)


class HasOutput(Protocol):
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Leak:
    where: str
    what: str
    """Which secret (its kind and length, not its value) and in which form."""

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class SecretScan:
    """Everything a test's runs wrote (every file under its folders, the output and texts
    handed to it) must hold none of the secrets, in any of :func:`encoded_forms`."""

    def __init__(self, *folders: Path) -> None:
        self.folders = list(folders)
        self.secrets: set[str] = set()
        self.kinds: dict[str, str] = {}
        self.texts: list[tuple[str, str]] = []
        self.checked = False

    def secret(self, *values: str | None, kind: str = "secret") -> None:
        for value in values:
            if value:
                self.secrets.add(value)
                self.kinds.setdefault(value, kind)

    def output(self, run: HasOutput, label: str = "run") -> None:
        self.texts += [(f"{label} stdout", run.stdout), (f"{label} stderr", run.stderr)]

    def text(self, label: str, text: str) -> None:
        self.texts.append((label, text))

    def files(self) -> list[Path]:
        return sorted(p for folder in self.folders for p in folder.rglob("*") if p.is_file())

    def searched(self) -> list[tuple[str, bytes]]:
        """Every place searched and its bytes: each file as stored, each zip member as
        unpacked, each SQLite database's rows, and every text handed to the scan."""
        places: list[tuple[str, bytes]] = []
        for path in self.files():
            data = path.read_bytes()
            places.append((str(path), data))
            places += list(_inside(path, data))
        places += [(label, text.encode("utf-8")) for label, text in self.texts]
        return places

    def leaks(self) -> list[Leak]:
        assert self.secrets, "a scan needs the secrets to look for"
        patterns = [
            (secret, form, _pattern(form))
            for secret in sorted(self.secrets)
            for form in encoded_forms(secret)
        ]
        found: list[Leak] = []
        for where, data in self.searched():
            found += [
                Leak(where, self._describe(secret, form))
                for secret, form, pattern in patterns
                if pattern.search(data)
            ]
        return found

    def assert_clean(self, written: Iterable[Path] = ()) -> None:
        self.checked = True
        files = self.files()
        for path in written:
            assert path in files, f"{path} was not written: the scan would prove nothing"
        leaks = self.leaks()
        assert not leaks, "secrets written:\n" + "\n".join(map(str, leaks))

    def _describe(self, secret: str, form: Form) -> str:
        """Which secret, without writing it into the test report too."""
        kind = self.kinds.get(secret, "secret")
        return f"the {kind} {secret[:3]}… ({len(secret)} characters) {form.how}"


def _inside(path: Path, data: bytes) -> Iterator[tuple[str, bytes]]:
    """What a file holds besides its bytes as stored: zip members unpacked (a support
    report compresses its logs), SQLite rows (a value may span pages)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                yield f"{path} → {name}", archive.read(name)
    elif data.startswith(SQLITE_MAGIC):
        yield f"{path} (rows)", "\n".join(sqlite_rows(path)).encode("utf-8")


def sqlite_rows(path: Path) -> list[str]:
    """Every row of every table, one line each (read-only: the app may still hold it)."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        lines = []
        for table in tables:
            quoted = '"' + table.replace('"', '""') + '"'
            for row in connection.execute(f"SELECT * FROM {quoted}"):  # noqa: S608 - its own tables
                lines.append(f"{table}: " + " | ".join(map(_cell, row)))
        return lines
    finally:
        connection.close()


def _cell(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value)
