"""Request bodies as the firmware reads them (§3): one flat JSON object, strings as raw bytes.

The firmware takes the bytes between a string's quotes as they are and undoes no escape, so a
value must reach it unescaped: an SSID that is not UTF-8 travels as its own bytes, and a value
holding a quote, a backslash or a control byte cannot be sent at all (validation refuses it).
"""

from __future__ import annotations

from collections.abc import Sequence

_UNSENDABLE = frozenset(b'"\\\x7f') | frozenset(range(0x20))


def is_sendable(raw: bytes) -> bool:
    """Whether the firmware's raw string reader receives ``raw`` exactly as it is."""
    return not any(byte in _UNSENDABLE for byte in raw)


def json_body(members: Sequence[tuple[str, bytes | int]]) -> bytes:
    """``{"key":value,...}`` in this order; bytes go between quotes untouched, ints as numbers."""
    parts = []
    for key, value in members:
        if isinstance(value, bytes):
            if not is_sendable(value):
                raise ValueError(f"the value of {key!r} cannot be sent raw")
            rendered = b'"' + value + b'"'
        else:
            rendered = b"%d" % value
        parts.append(b'"' + key.encode("ascii") + b'":' + rendered)
    return b"{" + b",".join(parts) + b"}"
