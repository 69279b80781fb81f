"""Reply bodies that are not what a Photon writes are refused, not guessed at (§3.1-§3.3)."""

from __future__ import annotations

import pytest

from setup_wizard.device import DeviceReplyUnreadableError
from setup_wizard.device.replies import (
    MAX_REPLY_BYTES,
    parse_device_info,
    parse_scan_reply,
    result_code,
)

DEVICE_ID = b"3A0021000447343233323032"


def test_a_photons_device_id_answer_is_read() -> None:
    info = parse_device_info(b'{"id":"%s","c":"1"}' % DEVICE_ID)
    assert (info.device_id, info.claimed) == (DEVICE_ID.decode().lower(), True)


@pytest.mark.parametrize(
    ("reply", "why"),
    [
        (b'{"id":"%s","c":true}' % DEVICE_ID, "claimed flag"),  # c is a quoted string
        (b'{"id":"%s","c":1}' % DEVICE_ID, "claimed flag"),
        (b'{"id":"%s","c":"yes"}' % DEVICE_ID, "claimed flag"),
        (b'{"id":"%s","c":"0","c":"1"}' % DEVICE_ID, "repeats a key"),
        (b'{"id":"%s","id":"%s","c":"0"}' % (DEVICE_ID, b"0" * 24), "repeats a key"),
    ],
)
def test_a_device_id_answer_a_photon_would_not_write_is_unreadable(reply: bytes, why: str) -> None:
    with pytest.raises(DeviceReplyUnreadableError, match=why):
        parse_device_info(reply)


def test_a_result_code_given_twice_is_unreadable() -> None:
    """Which of the two a reader keeps is a guess: {"r":-2,"r":0} must not read as success."""
    with pytest.raises(DeviceReplyUnreadableError, match="repeats a key"):
        result_code("configure-ap", b'{"r":-2,"r":0}')


def test_an_empty_answer_and_junk_are_told_apart() -> None:
    with pytest.raises(DeviceReplyUnreadableError, match="was empty"):
        result_code("set", b"")
    with pytest.raises(DeviceReplyUnreadableError, match="not JSON") as junk:
        result_code("set", b"<html>router</html>")
    assert "empty" not in str(junk.value)


def test_replies_beyond_the_cap_are_refused_before_parsing() -> None:
    scan = b'{"scans":[' + b'{"ssid":"a","rssi":-1,"sec":0,"ch":1,"mdr":1},' * 2000
    assert len(scan) > MAX_REPLY_BYTES
    with pytest.raises(DeviceReplyUnreadableError, match="far longer"):
        parse_scan_reply(scan)
    with pytest.raises(DeviceReplyUnreadableError, match="far longer"):
        result_code("set", b'{"r":0,"x":"%s"}' % (b"x" * MAX_REPLY_BYTES))
