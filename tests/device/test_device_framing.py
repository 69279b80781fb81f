"""TCP framing (§2.2): what the firmware's byte parser reads back, and reply header skipping."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from setup_wizard.device.framing import encode_request, reply_payload


def firmware_read(stream: bytes) -> tuple[bytes, int, bytes]:
    """The device's parser, byte by byte as §2.2 describes it: name, length, header, body."""
    position = 0
    name = bytearray()
    while stream[position] not in (0x0A, 0x00) and len(name) < 30:
        name.append(stream[position])
        position += 1
    position += 1
    length = 0
    while stream[position] != 0x0A:
        length = length * 10 + (stream[position] - 0x30)  # unchecked, as in the firmware
        position += 1
    position += 1
    previous_was_newline = True
    while True:
        byte = stream[position]
        position += 1
        if byte == 0x0A:
            if previous_was_newline:
                break
            previous_was_newline = True
        else:
            previous_was_newline = False
    return bytes(name), length, stream[position:]


COMMANDS = st.sampled_from(
    ["version", "device-id", "scan-ap", "configure-ap", "connect-ap", "public-key", "set"]
)
JSON_VALUES = st.one_of(st.text(), st.integers(-(2**31), 2**31))
BODIES = st.dictionaries(st.text(max_size=20), JSON_VALUES, max_size=6).map(
    lambda d: json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
)


@given(COMMANDS, st.one_of(st.just(b""), BODIES))
def test_the_firmware_reads_back_name_and_exact_body(name: str, body: bytes) -> None:
    framed = encode_request(name, body)
    assert b"\r" not in framed[: framed.index(b"\n\n")]
    read_name, length, rest = firmware_read(framed)
    assert read_name == name.encode()
    assert length == len(body)  # UTF-8 bytes, not characters: a short count hangs the device
    assert rest == body


def test_length_counts_utf8_bytes() -> None:
    assert encode_request("set", '{"v":"é"}'.encode()) == b'set\n10\n\n{"v":"\xc3\xa9"}'


@pytest.mark.parametrize("name", ["", "a\nb", "x" * 30, "bad\r"])
def test_names_the_firmware_would_misread_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="not a setup command name"):
        encode_request(name)


BLANK_LINES = st.lists(st.sampled_from([b"\n", b"\r\n", b" \n"]), max_size=4).map(b"".join)
HEADER_LINE = st.text(
    st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)), min_size=1
).filter(lambda t: t.strip() and not t.lstrip().startswith(("{", "[")))
HEADERS = st.lists(HEADER_LINE, max_size=3).map(
    lambda lines: b"".join(line.encode() + b"\n" for line in lines) + (b"\n" if lines else b"")
)


@given(BLANK_LINES, HEADERS, BODIES)
def test_reply_payload_skips_blank_lines_and_header_noise(
    blanks: bytes, header: bytes, body: bytes
) -> None:
    assert reply_payload(blanks + header + body) == body


@pytest.mark.parametrize("reply", [b"", b"\n\n", b"\n", b"\r\n\r\n"])
def test_a_refusal_has_an_empty_payload(reply: bytes) -> None:
    assert reply_payload(reply) == b""


def test_the_device_reply_shape() -> None:
    assert reply_payload(b'\n\n{"r":0}') == b'{"r":0}'
