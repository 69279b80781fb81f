"""Reading the ``scan-ap`` reply, including the invalid JSON the firmware really sends (§3.5).

The firmware prints each SSID between quotes without escaping it, so an SSID with ``"`` or
``\\`` breaks the JSON, or worse, still parses as a *different* name: a backslash escape, or
a quote that shapes the JSON (``Home","x":"y`` reads as ``Home`` plus a key ``x``). The JSON
is trusted only without a backslash and with every entry exactly in the firmware's shape;
otherwise each entry is read by that fixed shape instead:
``{"ssid":"<raw>","rssi":N,"sec":N,"ch":N,"mdr":N}``. The SSID is whatever lies between
``{"ssid":"`` and the first ``","rssi":<number>,"sec":<number>,"ch":<number>`` after it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator

from setup_wizard.device.models import WifiNetwork
from setup_wizard.device.security import Security

log = logging.getLogger(__name__)


def _number(name: str) -> bytes:
    return rb'\s*,\s*"%s"\s*:\s*(?P<%s>-?\d{1,12})\s*' % (name.encode(), name.encode())


# Anchored on the keys that follow the SSID, in the firmware's order; unknown numeric keys
# after them are tolerated.
_ENTRY = re.compile(
    rb'\{\s*"ssid"\s*:\s*"(?P<ssid>.*?)"'
    + _number("rssi")
    + _number("sec")
    + _number("ch")
    + rb"(?:%s)?" % _number("mdr")
    + rb'(?:,\s*"\w+"\s*:\s*-?[\w.]+\s*)*\}',
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
    """One entry per SSID (several access points share a name), keeping the best signal."""
    best: dict[str, WifiNetwork] = {}
    for network in networks:
        if not network.ssid:
            continue  # hidden networks: the firmware skips them, but be sure
        current = best.get(network.ssid)
        if current is None or network.rssi > current.rssi:
            best[network.ssid] = network
    return sorted(best.values(), key=lambda n: n.rssi, reverse=True)


def json_integer(value: object) -> int | None:
    """A JSON number that is an integer (Python's ``True`` is an ``int`` too, but not one)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _network(ssid: str, rssi: object, sec: object, ch: object, mdr: object) -> WifiNetwork | None:
    signal, value, channel = json_integer(rssi), json_integer(sec), json_integer(ch)
    if signal is None or value is None or channel is None:
        return None
    try:
        security = Security(value)
    except ValueError:
        return None
    return WifiNetwork(ssid, security, signal, channel, max_data_rate=json_integer(mdr))


_NEEDED_KEYS = frozenset({"ssid", "rssi", "sec", "ch"})
_ENTRY_KEYS = _NEEDED_KEYS | {"mdr"}


def _from_json(payload: bytes) -> list[WifiNetwork] | None:
    """The networks, if the reply is JSON in exactly the firmware's shape; else None.

    Objects are read as their key/value pairs, so that a key seen twice (an SSID holding
    ``","ssid":"``) shows, and so does an unknown key, a missing one or an entry split in two.
    """
    try:
        document = json.loads(payload, object_pairs_hook=tuple)
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
        network = _network(
            entry["ssid"], entry["rssi"], entry["sec"], entry["ch"], entry.get("mdr")
        )
        if network is not None:
            networks.append(network)
    return networks


def _from_raw(payload: bytes) -> Iterator[WifiNetwork]:
    log.debug("scan reply is not plain JSON; reading its entries one by one")
    for match in _ENTRY.finditer(payload):
        ssid = match["ssid"].decode("utf-8", errors="replace")
        mdr = match["mdr"]
        network = _network(
            ssid,
            int(match["rssi"]),
            int(match["sec"]),
            int(match["ch"]),
            int(mdr) if mdr is not None else None,
        )
        if network is not None:
            yield network
