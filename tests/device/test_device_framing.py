"""TCP framing (§2.2): what the firmware's byte parser reads back, and reply header skipping."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from setup_wizard.device.framing import TcpReply, encode_request, reply_payload


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


@given(BLANK_LINES, BODIES)
def test_reply_payload_is_what_follows_the_blank_lines(blanks: bytes, body: bytes) -> None:
    assert reply_payload(blanks + body) == body


def test_junk_before_the_json_is_kept_so_it_reads_as_unreadable_not_as_a_refusal() -> None:
    """The device writes only blank lines before its JSON (§2.2): anything else is junk."""
    assert reply_payload(b"HTTP/1.0 200 OK\n\n{}") == b"HTTP/1.0 200 OK\n\n{}"
    assert reply_payload(b"garbage") == b"garbage"


@pytest.mark.parametrize("reply", [b"", b"\n\n", b"\n", b"\r\n\r\n"])
def test_a_refusal_has_an_empty_payload(reply: bytes) -> None:
    assert reply_payload(reply) == b""


def test_the_device_reply_shape() -> None:
    assert reply_payload(b'\n\n{"r":0}') == b'{"r":0}'


def fed(*chunks: bytes) -> TcpReply:
    reply = TcpReply()
    for chunk in chunks:
        reply.feed(chunk)
    return reply


@given(BODIES, st.data())
def test_a_reply_is_whole_exactly_when_its_last_byte_arrives(
    body: bytes, data: st.DataObject
) -> None:
    """However the bytes are split, the JSON is whole at its last byte and not before."""
    wire = b"\n\n" + body
    cuts = sorted(data.draw(st.lists(st.integers(1, len(wire) - 1), max_size=6, unique=True)))
    reply = TcpReply()
    for start, end in zip([0, *cuts], [*cuts, len(wire)], strict=True):
        reply.feed(wire[start:end])
        assert reply.complete is (end == len(wire))
    assert reply.payload() == body


@pytest.mark.parametrize(
    "blank", [b"", b"\n", b"\n\n", b"\n\n  \r\n"], ids=["nothing", "lf", "preamble", "spaces"]
)
def test_the_blank_lines_alone_are_not_an_answer(blank: bytes) -> None:
    """They come before the command runs: a slow command's answer is still to come."""
    assert not fed(blank).complete


@pytest.mark.parametrize(
    "reply",
    [
        b'\n\n{"scans":[{"ssid":"Say "hi","rssi":-70,"sec":0,"ch":9,"mdr":54000}]}',  # odd quote
        b'\n\n{"scans":[{"ssid":"C:\\","rssi":-70,"sec":0,"ch":9,"mdr":54000}]}',  # trailing \\
        b'\n\n{"scans":[]}',
    ],
)
def test_a_scan_with_raw_ssids_is_whole_at_its_last_byte(reply: bytes) -> None:
    assert not fed(reply[:-1]).complete
    assert fed(reply[:-1], reply[-1:]).complete


def test_braces_and_quotes_inside_strings_do_not_end_the_reply() -> None:
    reply = fed(b'\n\n{"b":"}]\\"}",')
    assert not reply.complete
    reply.feed(b'"r":0}')
    assert reply.complete
