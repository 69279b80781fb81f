"""Reading the ``scan-ap`` reply, including the invalid JSON the firmware really sends (§3.5).

The firmware prints each SSID's bytes between quotes without escaping them, so an SSID with
``"`` or ``\\`` breaks the JSON, or worse, still parses as a *different* name: a backslash
escape, or a quote that shapes the JSON (``Home","x":"y`` reads as ``Home`` plus a key ``x``).
And an SSID need not be UTF-8 at all (§3.6 point 8). The JSON is trusted only when it is
UTF-8 without a backslash and every entry has exactly the firmware's shape; otherwise each
entry is read by that fixed shape instead: ``{"ssid":"<raw>","rssi":N,"sec":N,"ch":N,"mdr":N}``.
The SSID is whatever lies between ``{"ssid":"`` and the first ``","rssi":<number>,"sec":
<number>,"ch":<number>`` within the 32 bytes an SSID can have.

Both readings take time in proportion to the reply's length, whatever its bytes: every
repetition in the entry pattern is bounded, so a hostile reply cannot make the pattern try
each of its start positions against the rest of the reply.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator

from setup_wizard.device.models import WifiNetwork
from setup_wizard.device.security import Security

log = logging.getLogger(__name__)

SSID_MAX_BYTES = 32  # the firmware cuts longer names
_SPACE = rb"\s{0,8}"  # the firmware writes none; a little is tolerated


def _number(name: str) -> bytes:
    key, space = name.encode(), _SPACE
    return rb'%s,%s"%s"%s:%s(?P<%s>-?\d{1,12})%s' % (space, space, key, space, space, key, space)


# Anchored on the keys that follow the SSID, in the firmware's order; a few unknown numeric
# keys after them are tolerated.
_ENTRY = re.compile(
    rb'\{%s"ssid"%s:%s"(?P<ssid>.{0,%d}?)"' % (_SPACE, _SPACE, _SPACE, SSID_MAX_BYTES)
    + _number("rssi")
    + _number("sec")
    + _number("ch")
    + rb"(?:%s)?" % _number("mdr")
    + rb'(?:,%s"\w{1,16}"%s:%s-?[\w.]{1,24}%s){0,8}\}' % (_SPACE, _SPACE, _SPACE, _SPACE),
    re.DOTALL,
)


def looks_like_scan(payload: bytes) -> bool:
    """Whether a reply is a scan result at all (possibly empty or garbled)."""
    return b'"scans"' in payload


def parse_scan(payload: bytes) -> list[WifiNetwork]:
    """Every network that can be read from the reply, deduplicated, strongest first.

    Never raises: unreadable entries are skipped.
    """
    entries: Iterable[WifiNetwork] | None = None
    if b"\\" not in payload:
        entries = _from_json(payload)
    if entries is None:
        entries = list(_from_raw(payload))
    return strongest_per_ssid(entries)


def strongest_per_ssid(networks: Iterable[WifiNetwork]) -> list[WifiNetwork]:
    """One entry per SSID (several access points share a name), keeping the best signal.

    Names are compared as bytes: two names that only look alike are two networks.
    """
    best: dict[bytes, WifiNetwork] = {}
    for network in networks:
        if not network.raw_ssid:
            continue  # hidden networks: the firmware skips them, but be sure
        current = best.get(network.raw_ssid)
        if current is None or network.rssi > current.rssi:
            best[network.raw_ssid] = network
    return sorted(best.values(), key=lambda n: n.rssi, reverse=True)


def json_integer(value: object) -> int | None:
    """A JSON number that is an integer (Python's ``True`` is an ``int`` too, but not one)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _network(
    raw_ssid: bytes, rssi: object, sec: object, ch: object, mdr: object
) -> WifiNetwork | None:
    signal, value, channel = json_integer(rssi), json_integer(sec), json_integer(ch)
    if signal is None or value is None or channel is None:
        return None
    try:
        security = Security(value)
    except ValueError:
        return None
    return WifiNetwork.scanned(raw_ssid, security, signal, channel, json_integer(mdr))


_NEEDED_KEYS = frozenset({"ssid", "rssi", "sec", "ch"})
_ENTRY_KEYS = _NEEDED_KEYS | {"mdr"}


def _from_json(payload: bytes) -> list[WifiNetwork] | None:
    """The networks, if the reply is UTF-8 JSON in exactly the firmware's shape; else None.

    Objects are read as their key/value pairs, so that a key seen twice (an SSID holding
    ``","ssid":"``) shows, and so does an unknown key, a missing one or an entry split in two.
    Without a backslash in the reply, the UTF-8 of each SSID string is its exact bytes.
    """
    try:
        document = json.loads(payload.decode("utf-8"), object_pairs_hook=tuple)
    except (ValueError, RecursionError):
        return None
    match document:
        case tuple([("scans", list() as items)]):
            pass
        case _:
            return None
    networks = []
    for item in items:
        if not isinstance(item, tuple):
            return None
        keys = [key for key, _ in item]
        if len(set(keys)) != len(keys) or not _NEEDED_KEYS <= set(keys) <= _ENTRY_KEYS:
            return None
        entry = dict(item)
        if not isinstance(entry["ssid"], str):
            return None
        raw_ssid = entry["ssid"].encode("utf-8")
        network = _network(raw_ssid, entry["rssi"], entry["sec"], entry["ch"], entry.get("mdr"))
        if network is not None:
            networks.append(network)
    return networks


def _from_raw(payload: bytes) -> Iterator[WifiNetwork]:
    log.debug("scan reply is not plain JSON; reading its entries one by one")
    for match in _ENTRY.finditer(payload):
        mdr = match["mdr"]
        network = _network(
            match["ssid"],
            int(match["rssi"]),
            int(match["sec"]),
            int(match["ch"]),
            int(mdr) if mdr is not None else None,
        )
        if network is not None:
            yield network
