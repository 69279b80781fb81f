"""scan-ap as the firmware really writes it: SSIDs unescaped, repeated, hidden ones absent."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from setup_wizard.device import DeviceReplyUnreadableError, Security, WifiNetwork
from setup_wizard.device.replies import parse_scan_reply
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


def test_non_utf8_ssid_bytes_do_not_crash() -> None:
    networks = parse_scan(firmware_scan([(b"caf\xe9", -50, 0, 6, 1)]))
    assert [n.ssid for n in networks] == ["caf\ufffd"]


def test_an_empty_scan_is_an_empty_list() -> None:
    assert parse_scan_reply(b'{"scans":[]}') == []


def test_a_reply_that_is_no_scan_at_all_is_unreadable() -> None:
    with pytest.raises(DeviceReplyUnreadableError, match="cannot read"):
        parse_scan_reply(b"<html>router login</html>")
