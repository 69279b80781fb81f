"""What the fuzz tests share: inputs close to real ones, the typed errors each parser may
raise, a count of the examples each parser ran, and the two measures of work (Python-level
events and allocated memory) that the linear-time and memory checks compare.

Inputs start from real outputs (the recorded tool outputs in ``tests/network/fixtures``,
the firmware's and the cloud's answers in the reference documents) and are mutated the way
a broken or hostile peer would: bytes inserted, cut or repeated, tokens that matter to a
parser (quotes, brackets, separators, non-ASCII digits, huge numbers) dropped in, two
samples spliced. Plain random bytes and text come as well.
"""

from __future__ import annotations

import contextlib
import sys
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FIXTURES = Path(__file__).resolve().parent.parent / "network" / "fixtures"

FUZZ = settings(
    deadline=None,  # a loaded 2-core CI machine must not turn a slow example into a failure
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Every fuzz property's settings; how many examples comes from the profile (conftest.py)."""


# -- the parsers, their typed errors, and how many examples each ran ---------------------------


@dataclass
class ParserRecord:
    name: str
    allowed: tuple[type[BaseException], ...]
    examples: int = 0


@dataclass
class Registry:
    parsers: dict[str, ParserRecord] = field(default_factory=dict)
    memory: dict[str, tuple[int, float, float]] = field(default_factory=dict)
    """Per parser: input size (bytes or characters), peak memory over that size, the bound."""

    def parser(self, name: str, *allowed: type[BaseException]) -> Parser:
        record = self.parsers.setdefault(name, ParserRecord(name, allowed))
        return Parser(record)

    def table(self) -> list[str]:
        """Markdown rows: parser, examples run, exceptions it may raise."""
        rows = ["| Parser | Examples | Exceptions allowed |", "|---|---:|---|"]
        for record in self.parsers.values():
            allowed = ", ".join(kind.__name__ for kind in record.allowed) or "none"
            rows.append(f"| {record.name} | {record.examples} | {allowed} |")
        return rows

    def memory_table(self) -> list[str]:
        rows = ["| Parser | Input | Peak / input | Bound |", "|---|---:|---:|---:|"]
        for name, (size, ratio, bound) in self.memory.items():
            rows.append(f"| {name} | {size:,} | {ratio:.1f} | {bound:g} |")
        return rows


REGISTRY = Registry()


@dataclass(frozen=True)
class Parser:
    """One parser of outside input under test: counts its examples, and lets through only
    the exceptions its module documents (anything else fails the example)."""

    record: ParserRecord

    @contextlib.contextmanager
    def example(self) -> Iterator[None]:
        self.record.examples += 1
        with contextlib.suppress(*self.record.allowed):
            yield

    def run(self, call: Callable[[], object]) -> None:
        with self.example():
            call()


def parser(name: str, *allowed: type[BaseException]) -> Parser:
    return REGISTRY.parser(name, *allowed)


# -- inputs close to real ones ------------------------------------------------------------------

TRICKY_TEXT = (
    '"', "\\", "{", "}", "[", "]", ":", ",", " ", "\t", "\n", "\r\n", "\x00", "\x7f",
    "\ufeff", "\u2028", "\x85", "\ufffd", "\ud800", "é", "🦊", "?",
    "²", "٣", "-", "+", "0", "9" * 25, "1" * 5000, "-1", "1e999", "NaN", "null", "true",
    "{}", "[]", '{"', '":', "[" * 40, "]" * 40, "\\u0000", '\\"', "%", "%00", "<", "<html>",
    "(", ")", "):", " : ", "dBm", "SSID", "Profile", "on", "off", "enabled", "disabled",
)  # fmt: skip
"""Tokens that decide how a parser splits, quotes, nests or converts what it reads."""

TRICKY_BYTES = (
    *(token.encode("utf-8", "surrogatepass") for token in TRICKY_TEXT),
    *(b"\xff", b"\xc3", b"\xe9", b"\x80", b"\n\n", b"\r\n\r\n", b"0\r\n\r\n"),
)


def _edits(draw: st.DrawFn, data: list[Any], pieces: Sequence[Any], samples: Sequence[Any]) -> None:
    """Apply a few random edits to ``data`` (the ints of bytes, or characters), in place."""
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data)))
        match draw(st.integers(0, 5)):
            case 0:  # a token that matters to a parser
                data[at:at] = list(draw(st.sampled_from(pieces)))
            case 1:  # cut something out
                data[at : at + draw(st.integers(1, 40))] = []
            case 2:  # repeat a stretch
                end = min(len(data), at + draw(st.integers(1, 40)))
                data[at:at] = data[at:end] * draw(st.integers(1, 4))
            case 3:  # cut short here
                del data[at:]
            case 4:  # splice in the end of another sample
                other = draw(st.sampled_from(samples))
                data[at:] = list(other[draw(st.integers(0, len(other))) :])
            case _:  # one element replaced by the first of a token
                piece = draw(st.sampled_from(pieces))
                if at < len(data) and piece:
                    data[at] = piece[0]


def mutated_bytes(samples: Sequence[bytes], *, max_random: int = 600) -> st.SearchStrategy[bytes]:
    """Real ``samples`` mutated, or random bytes."""

    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        data: list[Any] = list(draw(st.sampled_from(samples)))
        _edits(draw, data, TRICKY_BYTES, samples)
        return bytes(data)

    return st.one_of(mutate(), mutate(), mutate(), st.binary(max_size=max_random))


def mutated_text(
    samples: Sequence[str], *, max_random: int = 600, surrogates: bool = True
) -> st.SearchStrategy[str]:
    """Real ``samples`` mutated, or random text: any code point, lone surrogates too unless
    the text can only come from a strict UTF-8 decode (``surrogates=False``)."""
    pieces = TRICKY_TEXT if surrogates else tuple(t for t in TRICKY_TEXT if t != "\ud800")

    @st.composite
    def mutate(draw: st.DrawFn) -> str:
        data: list[Any] = list(draw(st.sampled_from(samples)))
        _edits(draw, data, pieces, samples)
        return "".join(data)

    characters = st.characters() if surrogates else st.characters(exclude_categories=["Cs"])
    return st.one_of(mutate(), mutate(), mutate(), st.text(characters, max_size=max_random))


def fixture_texts(folder: str, pattern: str = "*") -> list[str]:
    """The recorded outputs of one tool (``tests/network/fixtures/<folder>``)."""
    paths = sorted((FIXTURES / folder).glob(pattern))
    assert paths, f"no fixtures {folder}/{pattern}"
    return [path.read_text(encoding="utf-8") for path in paths]


# The Photon's USB console, word for word as device-os prints it (system_setup.cpp; notes of
# issue 10): each line, and what it prints after echoing an answer.
CONSOLE_ID = b"Your device id is 3a0021000447343233323032\r\n"
CONSOLE_ID_WITH_KEYS = b"Device ID: 3A0021000447343233323032\r\nIMEI: 35275309\r\nICCID: 8934\r\n"
CONSOLE_CLAIMED = (b"Device claimed: no\r\n", b"Device claimed: yes\r\n")
CONSOLE_CLAIM_PROMPT = b"Enter 63-digit claim code: "
CONSOLE_CLAIM_SORRY = b"Sorry, claim code is not 63 characters long. Claim code unchanged.\r\n"
CONSOLE_SSID_PROMPT = b"SSID: "
CONSOLE_SECURITY_PROMPTS = (
    b"Security 0=unsecured, 1=WEP, 2=WPA, 3=WPA2, 4=WPA Enterprise, 5=WPA2 Enterprise: ",
    b"Security 0=unsecured, 1=WEP, 2=WPA, 3=WPA2: ",  # firmware without Enterprise support
)
CONSOLE_CIPHER_PROMPT = b"Security Cipher 1=AES, 2=TKIP, 3=AES+TKIP: "
CONSOLE_PASSWORD_PROMPT = b"Password: "
CONSOLE_EAP_PROMPT = b"EAP Type 0=PEAP/MSCHAPv2, 1=EAP-TLS: "
CONSOLE_THANKS = b"Thanks! Wait while I save those credentials...\r\n\r\n"
CONSOLE_AWESOME = (
    b"Awesome. Now we'll connect!\r\n\r\n"
    b"If you see a pulsing cyan light, your device\r\n"
    b"has connected to the Cloud and is ready to go!\r\n\r\n"
    b"If your LED flashes red or you encounter any other problems,\r\n"
    b"visit https://www.particle.io/support to debug.\r\n\r\n"
    b"    Particle <3 you!\r\n\r\n"
)
CONSOLE_DERP = b"Derp. Sorry, we couldn't save the credentials.\r\n\r\n"


def console_echo(line: bytes) -> bytes:
    """What the console prints after reading an answer: the answer, then CR LF."""
    return line + b"\r\n"


def console_claim_set(code: bytes) -> bytes:
    return b"Claim code set to: " + code + b"\r\n"


JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["²", "٣", "1" * 5000, "2016-12-01T12:00:00.000Z", "not a time", "-5"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=12,
)
"""Any JSON document, with the strings a reader may try to convert."""


def json_like(keys: Sequence[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Objects with the keys a reader looks for, each holding any JSON value."""
    return st.dictionaries(st.sampled_from(list(keys)) | st.text(max_size=8), JSON_VALUES)


def deep_json(depth: int) -> str:
    """Lists nested ``depth`` deep: past about 1000, Python's JSON decoder raises
    RecursionError, which is not a ValueError."""
    return "[" * depth + "]" * depth


# -- measures of work -------------------------------------------------------------------------


def python_work(call: Callable[[], object]) -> int:
    """The Python events (calls, lines, returns) while ``call`` runs: a count of the work
    done in Python that does not depend on the machine's speed or load. Work done inside C
    (a regular expression, the JSON decoder) is not counted; see test_fuzz_linear.py."""
    events = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Callable[..., Any]:
        nonlocal events
        events += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        call()
    finally:
        sys.settrace(previous)
    return events


def peak_memory(call: Callable[[], object]) -> int:
    """The most memory Python held for ``call`` at once, in bytes, above what it held before."""
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return peak - before


def swallow(
    *allowed: type[BaseException],
) -> Callable[[Callable[..., object]], Callable[..., None]]:
    """``call`` with its documented errors taken as answers (for the work and memory checks)."""

    def wrap(call: Callable[..., object]) -> Callable[..., None]:
        def run(*args: Any) -> None:
            with contextlib.suppress(*allowed):
                call(*args)

        return run

    return wrap
