"""How the firmware reads a command's JSON body (softap-protocol.md §3, "General JSON rules").

One flat object; every key must be one the command knows and every value of the kind it
expects (string or primitive), else the whole request is dropped and no JSON is answered.
String values are the raw bytes between the quotes: escapes are checked but never undone.

The firmware's tokenizer (jsmn, non-strict) tolerates a few things strict JSON does not, such
as unquoted words; this reader refuses them, so that a client that works here works on a
device too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

_INT32_MAX = 2**31 - 1
_INT32_MIN = -(2**31)
_WHITESPACE = b" \t\r\n"
_PRIMITIVE = re.compile(rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null")
_ESCAPABLE = b'"\\/bfnrt'
_HEX = b"0123456789abcdefABCDEF"


class Kind(Enum):
    STRING = "string"
    PRIMITIVE = "primitive"  # number, true, false or null


@dataclass(frozen=True)
class Member:
    key: bytes
    kind: Kind
    raw: bytes  # between the quotes for strings, the literal text for primitives


class _Reject(Exception):
    pass


def parse_flat_object(body: bytes, schema: Mapping[bytes, Kind]) -> list[Member] | None:
    """The members in order, or None when the device would drop the request."""
    text = body.split(b"\0", 1)[0]  # the firmware reads the body as a C string
    try:
        members = _Reader(text).object()
    except _Reject:
        return None
    for member in members:
        if schema.get(member.key) is not member.kind:
            return None
    return members


def atoi(raw: bytes) -> int:
    """C ``atoi`` on newlib: leading digits only, saturating at the 32-bit limits."""
    match = re.match(rb"[ \t\n\v\f\r]*([+-]?[0-9]+)", raw)
    if match is None:
        return 0
    return max(_INT32_MIN, min(_INT32_MAX, int(match.group(1))))


def json_unescape(raw: bytes) -> bytes | None:
    """The firmware's unescaping for certificates: simple escapes only, ``\\uXXXX`` refused."""
    out = bytearray()
    simple = {ord('"'): b'"', ord("\\"): b"\\", ord("/"): b"/", ord("b"): b"\b"}
    simple |= {ord("f"): b"\f", ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t"}
    pos = 0
    while pos < len(raw):
        c = raw[pos]
        if c != 0x5C:
            out.append(c)
            pos += 1
            continue
        replacement = simple.get(raw[pos + 1]) if pos + 1 < len(raw) else None
        if replacement is None:
            return None
        out += replacement
        pos += 2
    return bytes(out)


class _Reader:
    def __init__(self, text: bytes) -> None:
        self.text = text
        self.pos = 0

    def object(self) -> list[Member]:
        self._skip_space()
        self._expect(b"{")
        members: list[Member] = []
        self._skip_space()
        if self._peek() == b"}":
            self.pos += 1
        else:
            while True:
                self._skip_space()
                if self._peek() != b'"':
                    raise _Reject
                key = self._string()
                self._skip_space()
                self._expect(b":")
                self._skip_space()
                kind, raw = self._value()
                members.append(Member(key, kind, raw))
                self._skip_space()
                if self._peek() == b",":
                    self.pos += 1
                    continue
                self._expect(b"}")
                break
        self._skip_space()
        if self.pos != len(self.text):
            raise _Reject
        return members

    def _value(self) -> tuple[Kind, bytes]:
        if self._peek() == b'"':
            return Kind.STRING, self._string()
        match = _PRIMITIVE.match(self.text, self.pos)
        if match is None:
            raise _Reject  # nested object or array, or not JSON at all
        self.pos = match.end()
        return Kind.PRIMITIVE, match.group(0)

    def _string(self) -> bytes:
        start = self.pos + 1
        pos = start
        text = self.text
        while pos < len(text):
            c = text[pos]
            if c == 0x22:
                self.pos = pos + 1
                return text[start:pos]
            if c < 0x20:
                raise _Reject
            if c == 0x5C:
                escaped = text[pos + 1 : pos + 2]
                if escaped == b"u":
                    digits = text[pos + 2 : pos + 6]
                    if len(digits) != 4 or any(d not in _HEX for d in digits):
                        raise _Reject
                    pos += 6
                    continue
                if not escaped or escaped not in _ESCAPABLE:
                    raise _Reject
                pos += 2
                continue
            pos += 1
        raise _Reject

    def _skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in _WHITESPACE:
            self.pos += 1

    def _peek(self) -> bytes:
        return self.text[self.pos : self.pos + 1]

    def _expect(self, token: bytes) -> None:
        if self._peek() != token:
            raise _Reject
        self.pos += 1
