"""The byte framing of the TCP setup server on port 5609 (§2.2).

Request: ``name\\nLEN\\n\\nBODY`` with LF only and LEN the UTF-8 byte count: the firmware does
not validate the length line and blocks forever on a body shorter than announced.
Reply: the device writes ``\\n\\n`` *before* it runs the command, then the JSON, then closes;
except that it leaves the first connection of each listening session open after the whole
reply (device-os #1252). So a reply is over at EOF, or as soon as the bytes after the blank
lines form one complete JSON value: the blank lines alone are not an answer yet.
"""

from __future__ import annotations

import re

MAX_NAME_BYTES = 29  # the firmware stops reading the name at 30 bytes

_NOT_SPACE = re.compile(rb"[^ \t\r\n]")
_STRUCTURAL = re.compile(rb'[][{}"\\]')
_OPEN, _CLOSE, _QUOTE, _BACKSLASH = b"{[", b"}]", ord('"'), ord("\\")
# How the firmware starts a scan, and ends it: the last entry's last number (or the empty
# list), then "]}". For the scans whose raw SSIDs (quotes, backslashes) confuse the structural
# count below; the end is looked for in the last bytes only.
_SCAN_START = b'{"scans":['
_SCAN_END = re.compile(
    rb'(?:\[|"mdr"\s{0,8}:\s{0,8}-?\d{1,12}\s{0,8}\})\s{0,8}\]\s{0,8}\}\s{0,8}\Z'
)
_SCAN_END_WINDOW = 64


def encode_request(name: str, body: bytes = b"") -> bytes:
    """Frame one command for the TCP server."""
    raw_name = name.encode("ascii")
    if not raw_name or len(raw_name) > MAX_NAME_BYTES or any(b in b"\r\n\0" for b in raw_name):
        raise ValueError(f"not a setup command name: {name!r}")
    return b"%s\n%d\n\n%s" % (raw_name, len(body), body)


def reply_payload(data: bytes) -> bytes:
    """The JSON part of a TCP reply: what follows the blank lines (empty: the device refused)."""
    return data.strip()


class TcpReply:
    """A TCP reply as it arrives, telling when it is whole without waiting for EOF.

    Brackets and braces outside strings are counted as bytes arrive, each byte looked at
    once, so a long or hostile reply costs time in proportion to its length. The count is
    exact for JSON; an SSID with an odd number of quotes can confuse it, so a reply that
    ends the way the firmware ends a scan is whole too.
    """

    def __init__(self) -> None:
        self._data = bytearray()
        self._start = -1  # where the JSON begins, once a byte other than whitespace arrived
        self._depth = 0
        self._in_string = False
        self._escaped_at = -1  # the position a backslash inside a string escapes

    @property
    def data(self) -> bytes:
        return bytes(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def feed(self, chunk: bytes) -> None:
        scan_from = len(self._data)
        self._data += chunk
        if self._start < 0:
            first = _NOT_SPACE.search(self._data, scan_from)
            if first is None:
                return
            self._start = scan_from = first.start()
        if self._data[self._start] not in _OPEN:
            return  # not an object or a list: only EOF ends it
        for match in _STRUCTURAL.finditer(self._data, scan_from):
            position = match.start()
            byte = self._data[position]
            if self._in_string:
                if position == self._escaped_at:
                    continue
                if byte == _BACKSLASH:
                    self._escaped_at = position + 1
                elif byte == _QUOTE:
                    self._in_string = False
            elif byte == _QUOTE:
                self._in_string = True
            elif byte in _OPEN:
                self._depth += 1
            elif byte in _CLOSE:
                self._depth -= 1

    @property
    def complete(self) -> bool:
        """Whether the bytes so far hold one whole JSON object or list (or a whole scan)."""
        if self._start < 0 or self._data[self._start] not in _OPEN:
            return False
        if self._depth == 0 and not self._in_string:
            return True
        is_scan = self._data.startswith(_SCAN_START, self._start)
        return is_scan and _SCAN_END.search(bytes(self._data[-_SCAN_END_WINDOW:])) is not None

    @property
    def cut_short(self) -> bool:
        """A scan began and did not end. The device streams a scan as it finds the networks
        (``ScanAPCommand`` writes each entry as the radio reports it), so one that resets or
        loses power meanwhile leaves the start of a list, which EOF must not pass off as the
        whole reply. (Other replies are written at once: a broken one is unreadable.)"""
        return (
            self._start >= 0
            and self._data.startswith(_SCAN_START, self._start)
            and not self.complete
        )

    def payload(self) -> bytes:
        return reply_payload(bytes(self._data))
