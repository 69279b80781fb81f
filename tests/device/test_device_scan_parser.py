"""scan-ap as the firmware really writes it: SSIDs unescaped, repeated, hidden ones absent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from setup_wizard.device import DeviceReplyUnreadableError, Security, WifiNetwork
from setup_wizard.device.replies import MAX_REPLY_BYTES, parse_scan_reply
from setup_wizard.device.scan import parse_scan


def firmware_scan(entries: list[tuple[bytes, int, int, int, int]]) -> bytes:
    """Render a scan the way the firmware does: each SSID's raw bytes between quotes."""
    rendered = [b'{"ssid":"%s","rssi":%d,"sec":%d,"ch":%d,"mdr":%d}' % entry for entry in entries]
    return b'{"scans":[' + b",".join(rendered) + b"]}"


# Characters that break JSON or a naive parser are drawn often; any other character too.
TRICKY = st.sampled_from([*'"\\{}[],: ', "\\u0041", '\\"', "\u00e9", "\U0001f4f6", "\t"])
# Quotes that leave the reply valid JSON, shaped by the SSID: an extra key, the key "ssid"
# twice, an entry split in two, a stray object around the list. Only the shape gives them away.
PLAIN = st.text(st.characters(whitelist_categories=("L", "N", "Zs")), max_size=10)
SHAPING = st.builds(
    "{}{}{}".format,
    PLAIN,
    st.sampled_from(
        ['","x":"', '","ssid":"', '"},{"ssid":"', '","mdr":7,"x":"', '"}],"y":[{"a":"']
    ),
    PLAIN,
)
SSID = (
    st.one_of(
        SHAPING,
        st.lists(st.one_of(TRICKY, st.characters(blacklist_categories=("Cs",))), min_size=1).map(
            "".join
        ),
    )
    .filter(lambda s: 1 <= len(s.encode()) <= 32)
    # The one thing the fallback cannot tell from structure: the SSID spelling out the keys
    # that follow it. No real SSID does; the limit is documented in scan.py.
    .filter(lambda s: '","rssi":' not in s)
)
SECURITY = st.sampled_from(list(Security)) | st.integers(-(2**31), 2**31 - 1)
ENTRY = st.tuples(
    SSID, st.integers(-100, -1), SECURITY, st.integers(1, 14), st.integers(0, 1_000_000)
)


@given(st.lists(ENTRY, max_size=12))
def test_every_network_is_recovered_once_with_its_strongest_signal(
    entries: list[tuple[str, int, int, int, int]],
) -> None:
    reply = firmware_scan([(s.encode(), r, int(sec), ch, m) for s, r, sec, ch, m in entries])

    networks = parse_scan(reply)

    strongest: dict[str, int] = {}
    for ssid, rssi, *_ in entries:
        strongest[ssid] = max(rssi, strongest.get(ssid, rssi))
    assert {n.ssid: n.rssi for n in networks} == strongest
    assert len(networks) == len(strongest)
    assert [n.rssi for n in networks] == sorted((n.rssi for n in networks), reverse=True)


@given(st.binary(max_size=2000))
def test_garbage_never_crashes_the_parser(garbage: bytes) -> None:
    assert all(isinstance(n, WifiNetwork) for n in parse_scan(garbage))


@given(st.binary(max_size=300).map(lambda b: b'{"scans":[' + b))
def test_a_cut_short_scan_yields_only_complete_entries(tail: bytes) -> None:
    assert all(isinstance(n, WifiNetwork) for n in parse_scan(tail))


def test_quote_and_backslash_ssids_come_back_verbatim() -> None:
    reply = firmware_scan(
        [
            (b'Joe"s', -40, 4194310, 1, 1),
            (b"C:\\net\\", -50, 0, 6, 1),
            (b"plain", -60, 2097156, 11, 1),
            (b"esc\\u0041", -70, 1, 3, 1),
        ]
    )
    assert [(n.ssid, n.security, n.channel) for n in parse_scan(reply)] == [
        ('Joe"s', Security.WPA2_MIXED_PSK, 1),
        ("C:\\net\\", Security.OPEN, 6),
        ("plain", Security.WPA_AES_PSK, 11),
        ("esc\\u0041", Security.WEP_PSK, 3),  # raw, not JSON-decoded to "escA"
    ]


@pytest.mark.parametrize(
    "ssid",
    [b'Home","x":"y', b'a","ssid":"b', b'a"},{"ssid":"b', b'x"}],"y":[{"a":"z'],
)
def test_a_quote_that_still_leaves_valid_json_does_not_change_the_ssid(ssid: bytes) -> None:
    reply = firmware_scan([(ssid, -40, 4194310, 1, 1), (b"plain", -60, 0, 6, 1)])
    assert [n.ssid for n in parse_scan(reply)] == [ssid.decode(), "plain"]


def test_hidden_networks_do_not_appear() -> None:
    reply = firmware_scan([(b"", -30, 4194310, 1, 1), (b"Home", -50, 4194310, 6, 1)])
    assert [n.ssid for n in parse_scan(reply)] == ["Home"]


def test_entries_that_cannot_be_read_are_skipped_not_fatal() -> None:
    reply = b'{"scans":[{"ssid":"ok","rssi":-50,"sec":0,"ch":6,"mdr":1},{"ssid":"bad","rssi":"x"}]}'
    assert [n.ssid for n in parse_scan(reply)] == ["ok"]


def test_an_ssid_that_is_not_utf8_keeps_its_bytes_and_shows_replacement_characters() -> None:
    networks = parse_scan(firmware_scan([(b"caf\xe9", -50, 0, 6, 1)]))
    assert [(n.ssid, n.raw_ssid) for n in networks] == [("caf\ufffd", b"caf\xe9")]


def test_names_that_only_look_alike_are_two_networks() -> None:
    """Latin-1 "café" and "cafï" both show as "caf�"; the device tells them apart."""
    networks = parse_scan(firmware_scan([(b"caf\xe9", -50, 0, 6, 1), (b"caf\xef", -60, 0, 1, 1)]))
    assert [n.raw_ssid for n in networks] == [b"caf\xe9", b"caf\xef"]
    assert {n.ssid for n in networks} == {"caf\ufffd"}


RAW_SSID = (
    st.binary(min_size=1, max_size=32)
    .filter(lambda b: b'","rssi":' not in b)  # see SSID above
    .filter(lambda b: b.strip(b"\x00") == b)  # a C string on the device: no NUL at the ends
)


@given(st.lists(st.tuples(RAW_SSID, st.integers(-100, -1)), max_size=10))
def test_every_ssid_comes_back_as_its_exact_bytes(entries: list[tuple[bytes, int]]) -> None:
    reply = firmware_scan([(ssid, rssi, 4194310, 6, 1) for ssid, rssi in entries])
    strongest: dict[bytes, int] = {}
    for ssid, rssi in entries:
        strongest[ssid] = max(rssi, strongest.get(ssid, rssi))
    networks = parse_scan(reply)
    assert {n.raw_ssid: n.rssi for n in networks} == strongest
    assert all(n.ssid == n.raw_ssid.decode("utf-8", errors="replace") for n in networks)


# Pieces that make a backtracking reader try every start against the rest of the reply.
HOSTILE_PIECES = st.sampled_from(
    [
        *(b'{"ssid":"', b'"', b"\\", b"{", b"}", b'","rssi":-1', b',"sec":0', b',"ch":1'),
        *(b',"mdr":1', b",", b" " * 40, b"\xe9", b"a" * 40, b"]}", b'{"scans":['),
    ]
)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from([b'{"scans":[', b'{"scans":[\\']),
    st.lists(HOSTILE_PIECES, min_size=1, max_size=6).map(b"".join),
    st.integers(1_000, 4 * MAX_REPLY_BYTES),
)
def test_a_large_hostile_reply_is_read_or_refused_in_one_pass(
    start: bytes, unit: bytes, size: int
) -> None:
    """Read in time linear in its length (the client shares its thread with the window), or
    refused with a typed error when it is longer than any Photon's. No timing here: the old
    backtracking reader needed minutes for one of these, which the suite's timeout catches;
    bench/bench_hostile_scan.py prints the figures."""
    reply = start + unit * (size // len(unit))
    assert all(len(n.raw_ssid) <= 32 for n in parse_scan(reply))
    if len(reply) > MAX_REPLY_BYTES:
        with pytest.raises(DeviceReplyUnreadableError, match="far longer"):
            parse_scan_reply(reply)
    else:
        assert all(isinstance(n, WifiNetwork) for n in parse_scan_reply(reply))


def test_an_empty_scan_is_an_empty_list() -> None:
    assert parse_scan_reply(b'{"scans":[]}') == []


def test_a_reply_that_is_no_scan_at_all_is_unreadable() -> None:
    with pytest.raises(DeviceReplyUnreadableError, match="cannot read"):
        parse_scan_reply(b"<html>router login</html>")
