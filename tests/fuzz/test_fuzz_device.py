"""The Photon's answers, as a broken or hostile device (or whatever answers at its address)
could send them: every reply parser raises only the device layer's typed errors."""

from __future__ import annotations

import asyncio
import json

import h11
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from fuzz_support import FUZZ, mutated_bytes, mutated_text, parser
from hypothesis import example, given
from hypothesis import strategies as st

from setup_wizard.device import (
    DeviceAddress,
    DeviceKeyError,
    DeviceReplyUnreadableError,
    InvalidSetupInputError,
    Security,
)
from setup_wizard.device.framing import TcpReply
from setup_wizard.device.keys import parse_public_key
from setup_wizard.device.replies import (
    parse_device_info,
    parse_key_reply,
    parse_scan_reply,
    parse_version,
    result_code,
)
from setup_wizard.device.scan import parse_scan
from setup_wizard.device.transport import (
    BusyReplyError,
    ForeignReplyError,
    _http_request,
    _read_http_reply,
)
from setup_wizard.device.validation import check_ssid, claim_code_bytes, password_plaintext
from setup_wizard.secret import ClaimCode, WifiPassword


def _key_window() -> str:
    """A ``public-key`` ``b`` as the firmware sends it: DER SPKI padded with zeros to 294 bytes."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505
    key = private.public_key()
    der = key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return (der + bytes(294 - len(der))).hex().upper()


KEY_WINDOW = _key_window()
SCAN = (
    b'{"scans":[{"ssid":"HomeNet","rssi":-60,"sec":4194310,"ch":3,"mdr":144400},'
    b'{"ssid":"Cafe","rssi":-82,"sec":2097156,"ch":6,"mdr":150000}]}'
)
SCAN_RAW = b'{"scans":[{"ssid":"Joe"s \\net","rssi":-40,"sec":0,"ch":1,"mdr":1}]}'
REPLIES = [
    b'{"id":"3A0021000447343233323032","c":"0"}',
    b'{"id":"3a0021000447343233323032","c":"1"}',
    b'{"v":2}',
    b'{"r":0}',
    b'{"r":-1}',
    b'{"b":"' + KEY_WINDOW.encode() + b'","r":0}',
    b'{"r":1}',
    SCAN,
    SCAN_RAW,
    b'{"scans":[]}',
]
REPLY = mutated_bytes(REPLIES)


@FUZZ
@given(REPLY)
@example(b'{"id":"3A0021000447343233323032","c":0}')
@example(b"[" * 100_000)
def test_short_replies_raise_only_unreadable(reply: bytes) -> None:
    unreadable = (DeviceReplyUnreadableError,)
    parser("device-id reply", *unreadable).run(lambda: parse_device_info(reply))
    parser("version reply", *unreadable).run(lambda: parse_version(reply))
    parser("result-code reply (set, configure-ap, connect-ap)", *unreadable).run(
        lambda: result_code("set", reply)
    )


@FUZZ
@given(REPLY)
def test_a_key_reply_raises_only_a_key_error(reply: bytes) -> None:
    parser("public-key reply", DeviceKeyError).run(lambda: parse_key_reply(reply))


@FUZZ
@given(mutated_text([KEY_WINDOW, KEY_WINDOW[:320], "3081" + "00" * 200, "30820122" + "ff" * 8]))
@example("30" + "82" + "ffff")
def test_a_key_window_raises_only_a_key_error(window: str) -> None:
    parser("public key (DER window)", DeviceKeyError).run(lambda: parse_public_key(window))


@FUZZ
@given(REPLY)
def test_a_scan_reply_raises_only_unreadable_and_its_entries_are_whole(reply: bytes) -> None:
    with parser("scan-ap reply", DeviceReplyUnreadableError).example():
        networks = parse_scan_reply(reply)
        assert all(1 <= len(n.raw_ssid) <= 32 for n in networks)
    with parser("scan-ap entries (either reading)").example():
        parse_scan(reply)


@FUZZ
@given(REPLY, st.lists(st.integers(1, 64), max_size=8), st.binary(max_size=4))
def test_the_tcp_framing_takes_any_bytes_in_any_pieces(
    reply: bytes, cuts: list[int], blank: bytes
) -> None:
    with parser("TCP reply framing").example():
        data = b"\n\n" + blank + reply
        framing = TcpReply()
        start = 0
        for size in [*cuts, len(data)]:
            framing.feed(data[start : start + size])
            start += size
            _ = framing.complete
        assert framing.data == data
        assert framing.payload() == data.strip()


HTTP_REPLIES = [
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"%x\r\n%s\r\n0\r\n\r\n" % (len(REPLIES[0]), REPLIES[0]),
    b"HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\n" + b'{"v":2}',
    b"HTTP/1.0 200 OK\r\n\r\n" + SCAN,
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n",
    b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found",
]


async def _read_reply(data: bytes, cuts: list[int]) -> bytes:
    connection = h11.Connection(h11.CLIENT)
    _http_request(connection, DeviceAddress("127.0.0.1", 5609, 80), "device-id", None)
    reader = asyncio.StreamReader()
    start = 0
    for size in [*cuts, len(data)]:
        reader.feed_data(data[start : start + size])
        start += size
    reader.feed_eof()
    received = bytearray()
    await _read_http_reply(connection, reader, received)
    return bytes(received)


@FUZZ
@given(mutated_bytes(HTTP_REPLIES), st.lists(st.integers(1, 64), max_size=4))
def test_an_http_reply_raises_only_what_the_transport_documents(
    data: bytes, cuts: list[int]
) -> None:
    allowed = (ForeignReplyError, BusyReplyError, ConnectionResetError)
    parser("HTTP reply (h11)", *allowed).run(lambda: asyncio.run(_read_reply(data, cuts)))


SECURITIES = st.sampled_from(list(Security))


@FUZZ
@given(
    ssid=st.text(max_size=40) | st.binary(max_size=40),
    security=SECURITIES,
    password=st.none() | mutated_text(["correct horse", "a" * 64, "0123456789", "abcde"]),
    claim=mutated_text(["Kd0TuDn5EnwJ1+8L4oOb+rtvRwAfH2rLEN3a9T8cyf1T+lUONyYyTJa3Hj9ehAo"]),
)
def test_what_a_person_types_is_refused_only_with_a_typed_error(
    ssid: str | bytes, security: Security, password: str | None, claim: str
) -> None:
    checks = parser("Wi-Fi name, password and claim code checks", InvalidSetupInputError)
    checks.run(lambda: check_ssid(ssid))
    checks.run(
        lambda: password_plaintext(security, None if password is None else WifiPassword(password))
    )
    checks.run(lambda: claim_code_bytes(ClaimCode(claim)))


def test_the_samples_are_what_the_parsers_read() -> None:
    """The fuzzing starts from real answers: each sample parses as the firmware meant."""
    assert parse_device_info(REPLIES[0]).device_id == "3a0021000447343233323032"
    assert parse_key_reply(REPLIES[5]).size_bytes == 128
    assert [n.ssid for n in parse_scan_reply(SCAN)] == ["HomeNet", "Cafe"]
    assert json.loads(asyncio.run(_read_reply(HTTP_REPLIES[0], []))) == json.loads(REPLIES[0])
