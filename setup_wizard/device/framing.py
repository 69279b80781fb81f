"""The byte framing of the TCP setup server on port 5609 (§2.2).

Request: ``name\\nLEN\\n\\nBODY`` with LF only and LEN the UTF-8 byte count: the firmware does
not validate the length line and blocks forever on a body shorter than announced.
Reply: the device writes a header (in practice just ``\\n\\n``), then the JSON, then closes.
"""

from __future__ import annotations

MAX_NAME_BYTES = 29  # the firmware stops reading the name at 30 bytes


def encode_request(name: str, body: bytes = b"") -> bytes:
    """Frame one command for the TCP server."""
    raw_name = name.encode("ascii")
    if not raw_name or len(raw_name) > MAX_NAME_BYTES or any(b in b"\r\n\0" for b in raw_name):
        raise ValueError(f"not a setup command name: {name!r}")
    return b"%s\n%d\n\n%s" % (raw_name, len(body), body)


def _is_blank(line: bytes) -> bool:
    return not line.strip()


def reply_payload(data: bytes) -> bytes:
    """The JSON part of a TCP reply read to EOF; empty when the device refused the request.

    Leading blank lines are skipped. If what follows is not JSON, it is a header: skip it up
    to the first blank line.
    """
    lines = data.splitlines(keepends=True)
    index = 0
    while index < len(lines) and _is_blank(lines[index]):
        index += 1
    if index < len(lines) and not lines[index].lstrip().startswith((b"{", b"[")):
        while index < len(lines) and not _is_blank(lines[index]):
            index += 1
        while index < len(lines) and _is_blank(lines[index]):
            index += 1
    return b"".join(lines[index:]).strip()
