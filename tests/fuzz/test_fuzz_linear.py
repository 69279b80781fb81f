"""Linear time and bounded memory for the parsers of outside input.

No clock is read: a timed assertion would fail on a loaded 2-core CI machine, or pass a
quadratic parser on a fast one. Instead:

* **Work in Python is counted.** Each parser reads a realistic input of n units (rows,
  networks, events, keys) and of 10 n units, and the Python events it executes (calls,
  lines, returns: ``sys.settrace``) are counted. Linear work gives a ratio near 10, work
  in the square of the length near 100; the check allows 15. The count is the same on
  every machine and under any load.
* **Work in C is bounded by construction.** A regular expression or the JSON decoder runs
  in C, where no event is counted. Each such pattern gets the input that makes a
  backtracking pattern slow (long runs of what its ambiguous parts share, with no match at
  the end) at a size of about a megabyte. There a linear pattern takes milliseconds and a
  quadratic one minutes (a cubic one: days), so a limit of 30 seconds (pytest-timeout, per
  test) separates them by three orders of magnitude either way, whatever the load.
* **Memory is measured by tracemalloc**, which counts the bytes Python allocates, again the
  same on every machine: the peak while parsing an input of about a megabyte stays within a
  stated multiple of the input's size (the multiples measured are printed at the end).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import h11
import httpx
import pytest
from fuzz_support import (
    CONSOLE_AWESOME,
    CONSOLE_CIPHER_PROMPT,
    CONSOLE_CLAIM_PROMPT,
    CONSOLE_CLAIMED,
    CONSOLE_ID,
    CONSOLE_PASSWORD_PROMPT,
    CONSOLE_SECURITY_PROMPTS,
    CONSOLE_SSID_PROMPT,
    CONSOLE_THANKS,
    REGISTRY,
    console_claim_set,
    console_echo,
    peak_memory,
    python_work,
    swallow,
)
from httpx_sse import EventSource

from setup_wizard.cloud.errors import (
    Operation,
    error_for_response,
    parse_error_body,
    says_exists,
)
from setup_wizard.cloud.events import event_from_sse
from setup_wizard.cloud.models import as_list, device_from
from setup_wizard.device import DeviceAddress
from setup_wizard.device.framing import TcpReply
from setup_wizard.device.scan import parse_scan
from setup_wizard.device.transport import _http_request, _read_http_reply
from setup_wizard.device.usb.prompts import (
    CLAIM_CODE_OUTCOME,
    CLAIMED_LINE,
    DEVICE_ID_LINE,
    WIFI_STEPS,
    wifi_step,
)
from setup_wizard.flow.worklist import WorkListError, parse_work_list
from setup_wizard.network.commands import CommandResult
from setup_wizard.network.errors import WifiError
from setup_wizard.network.macos import (
    check_networksetup,
    parse_airport_power,
    parse_hardware_ports,
    parse_preferred_networks,
    parse_summary_ssid,
    parse_system_profiler,
)
from setup_wizard.network.nmcli import check, parse_added_uuid, parse_wifi_list
from setup_wizard.network.windows import parse_interfaces, parse_networks, parse_profile_names
from setup_wizard.profile import ProfileError, load_profile

RATIO = 15
"""Work on 10 n units over work on n units: about 10 when linear, about 100 when not."""
MEGABYTE = 1_000_000


@dataclass(frozen=True)
class Case:
    """A parser and a realistic input for it, grown unit by unit."""

    name: str
    parse: Callable[[Any], object]
    grow: Callable[[int], Any]
    units: int
    """n for the work check (10 n is run too)."""
    big: int
    """Units for the memory check (about a megabyte, or as much as the parser accepts)."""
    memory: float
    """The stated bound: peak memory at most this many times the input's size (20 for a
    parser that builds Python objects for what it reads, 10 for the framing, which only
    keeps the bytes; the measured multiples are 2 to 13)."""


def _size(value: Any) -> int:
    return sum(len(part) for part in value) if isinstance(value, list) else len(value)


# -- realistic inputs, n units long ----------------------------------------------------------


def _scan(n: int, quote: str = "") -> bytes:
    entries = [
        f'{{"ssid":"Net{quote} {i}","rssi":-{30 + i % 60},"sec":4194310,"ch":{1 + i % 11},'
        '"mdr":144400}'
        for i in range(n)
    ]
    return ('{"scans":[' + ",".join(entries) + "]}").encode()


def _tcp_chunks(n: int) -> list[bytes]:
    data = b"\n\n" + _scan(n)
    return [data[i : i + 4096] for i in range(0, len(data), 4096)]


def _feed(chunks: list[bytes]) -> None:
    reply = TcpReply()
    for chunk in chunks:
        reply.feed(chunk)
        _ = reply.complete
    reply.payload()


def _http_chunked(n: int) -> bytes:
    body = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in [b'{"r":0}  '] * n)
    return b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body + b"0\r\n\r\n"


def _read_http(data: bytes) -> None:
    async def read() -> None:
        connection = h11.Connection(h11.CLIENT)
        _http_request(connection, DeviceAddress("127.0.0.1", 5609, 80), "device-id", None)
        reader = asyncio.StreamReader()
        reader.feed_data(data)
        reader.feed_eof()
        await _read_http_reply(connection, reader, bytearray())

    asyncio.run(read())


def _error_body(n: int) -> bytes:
    errors = [{"error": {"status": f"reason {i}"}} for i in range(n)]
    return json.dumps({"ok": False, "errors": errors}).encode()


def _refusal(body: bytes) -> None:
    error_for_response(Operation.SIGN_IN, 400, body, secrets=("pw-123456",))


def _devices(n: int) -> bytes:
    device = {
        "id": "3a0021000447343233323032",
        "name": "hall",
        "online": True,
        "platform_id": 6,
        "last_heard": "2016-12-01T12:00:00.000Z",
        "last_handshake_at": "2016-12-01T11:59:00Z",
    }
    return json.dumps([device] * n).encode()


def _read_devices(body: bytes) -> None:
    for item in as_list(json.loads(body), None, "list"):
        device_from(item)


def _events(n: int) -> bytes:
    data = '{"data":"online","ttl":60,"published_at":"2016-12-01T12:00:00Z","coreid":"3a00"}'
    return f"event: spark/status\ndata: {data}\n\n:ok\n\n".encode() * n


def _read_events(stream: bytes) -> None:
    async def read() -> None:
        response = httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=stream
        )
        async for sse in EventSource(response).aiter_sse():
            event_from_sse(sse)

    asyncio.run(read())


def _nmcli(n: int) -> str:
    return "".join(f" :Caf\\u00e9\\: {i} \\\\ up:{i % 100}:WPA2 WPA3\n" for i in range(n))


def _profiler(n: int) -> str:
    networks = [
        {
            "_name": f"Net {i}",
            "spairport_signal_noise": "-49 dBm / -93 dBm",
            "spairport_security_mode": "spairport_security_mode_wpa2_personal",
        }
        for i in range(n)
    ]
    interface = {"_name": "en1", "spairport_airport_other_local_wireless_networks": networks}
    return json.dumps({"SPAirPortDataType": [{"spairport_airport_interfaces": [interface]}]})


def _macos(text: str) -> None:
    parse_hardware_ports(text)
    parse_preferred_networks(text)
    parse_airport_power(text, "en1")
    parse_summary_ssid(text)
    check_networksetup(CommandResult(0, text, ""), doing="join", names=("Net 1",))


def _macos_lines(n: int) -> str:
    return "".join(
        f"Hardware Port: Wi-Fi {i}\nDevice: en{i}\nEthernet Address: N/A\n\n\tNet {i}\n"
        for i in range(n)
    )


def _netsh_interfaces(n: int) -> str:
    block = (
        "    Name                   : Wi-Fi {i}\n"
        "    GUID                   : 5f3c2a1b-7d4e-4b8a-9c6d-0e1f2a3b{i:04x}\n"
        "    State                  : connected\n"
        "    SSID                   : Office: {i}\n"
        "    Radio status           : Hardware On\n"
        "                             Software On\n"
        "    Profile                : Office: {i}\n\n"
    )
    return "".join(block.format(i=i % 65536) for i in range(n))


def _netsh_networks(n: int) -> str:
    block = (
        "SSID {i} : Net {i}\n"
        "    Network type            : Infrastructure\n"
        "    Authentication          : WPA2-Personal\n"
        "    Encryption              : CCMP\n"
        "    BSSID 1                 : 3c:84:6a:10:20:31\n"
        "         Signal             : 90%\n\n"
    )
    return "".join(block.format(i=i) for i in range(n))


def _netsh(text: str) -> None:
    parse_interfaces(text)
    parse_networks(text)
    parse_profile_names(text)


def _profile_text(n: int) -> str:
    """A profile of n misspelt keys under 10 n lines of comments (a well documented file)."""
    comments = "# what this product is, and who to ask\n" * (10 * n)
    keys = "".join(f"unknown_key_{i} = {i}\n" for i in range(n))
    return comments + 'product = "p"\nclient_id = "c"\nclient_secret = "s"\n' + keys


def _load_profile(tmp: Any) -> Callable[[str], None]:
    def load(text: str) -> None:
        path = tmp / "profile.toml"
        path.write_text(text, encoding="utf-8")
        with contextlib.suppress(ProfileError):
            load_profile(path, environ={}, keyring_get=None)

    return load


def _work_list(n: int) -> str:
    return "customer e-mail,device name,Wi-Fi network\n" + "".join(
        f"user{i}@example.com,device_{i},Home Network {i % 7}\n" for i in range(n)
    )


def _console(n: int) -> bytes:
    """n sessions of the USB console: ``i``, ``c``, ``C`` and a ``w`` dialogue, echoes too."""
    code = b"Zx9" * 21
    session = (
        CONSOLE_ID
        + CONSOLE_CLAIMED[0]
        + CONSOLE_CLAIM_PROMPT
        + console_echo(code)
        + console_claim_set(code)
        + CONSOLE_SSID_PROMPT
        + console_echo(b"HomeNet")
        + CONSOLE_SECURITY_PROMPTS[0]
        + console_echo(b"3")
        + CONSOLE_CIPHER_PROMPT
        + console_echo(b"1")
        + CONSOLE_PASSWORD_PROMPT
        + console_echo(b"correct horse battery")
        + CONSOLE_THANKS
        + CONSOLE_AWESOME
    )
    return session * n


def _read_console(printed: bytes) -> None:
    """Each of the client's patterns, match after match, as it reads one reply after another."""
    for pattern in (DEVICE_ID_LINE, CLAIMED_LINE, CLAIM_CODE_OUTCOME):
        for _ in pattern.finditer(printed):
            pass
    for found in WIFI_STEPS.finditer(printed):
        wifi_step(found)


CASES = [
    Case("scan-ap reply (JSON)", parse_scan, _scan, 100, 600, 20),
    Case("scan-ap reply (raw, quotes)", parse_scan, lambda n: _scan(n, '"'), 100, 600, 20),
    Case("TCP reply framing", _feed, _tcp_chunks, 100, 600, 10),
    Case("HTTP reply (h11)", _read_http, _http_chunked, 100, 3_000, 20),
    Case("cloud error body", swallow()(parse_error_body), _error_body, 100, 30_000, 20),
    Case("cloud refusal", _refusal, _error_body, 100, 30_000, 20),
    Case("devices (JSON)", _read_devices, _devices, 50, 5_000, 20),
    Case("event stream", _read_events, _events, 50, 8_000, 20),
    Case("nmcli Wi-Fi list", parse_wifi_list, _nmcli, 100, 20_000, 20),
    Case(
        "system_profiler (JSON)",
        swallow(WifiError)(lambda text: parse_system_profiler(text, "en1")),
        _profiler,
        50,
        6_000,
        20,
    ),
    Case("networksetup listings", swallow(WifiError)(_macos), _macos_lines, 100, 15_000, 20),
    Case("netsh interfaces", _netsh, _netsh_interfaces, 50, 2_000, 20),
    Case("netsh networks", _netsh, _netsh_networks, 50, 4_000, 20),
    Case("bench work list", swallow(WorkListError)(parse_work_list), _work_list, 100, 20_000, 20),
    Case("USB console (patterns)", _read_console, _console, 100, 1_500, 10),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_work_grows_in_step_with_the_input(case: Case) -> None:
    small, large = case.grow(case.units), case.grow(10 * case.units)
    ratio = python_work(lambda: case.parse(large)) / python_work(lambda: case.parse(small))
    assert ratio <= RATIO, f"{case.name}: 10x the input took {ratio:.0f}x the work"


def test_the_product_profile_reads_in_step_with_its_length(tmp_path: Any) -> None:
    """The profile names the line of each of its problems; looking each key up in the whole
    text took work in the square of the file's length."""
    load = _load_profile(tmp_path)
    small, large = _profile_text(20), _profile_text(200)
    ratio = python_work(lambda: load(large)) / python_work(lambda: load(small))
    assert ratio <= RATIO, f"10x the keys took {ratio:.0f}x the work"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_memory_stays_within_a_multiple_of_the_input(case: Case) -> None:
    data = case.grow(case.big)
    peak = peak_memory(lambda: case.parse(data))
    ratio = peak / _size(data)
    REGISTRY.memory[case.name] = (_size(data), ratio, case.memory)
    assert ratio <= case.memory, f"{case.name}: {peak} bytes for {_size(data)} bytes of input"


# -- C-level work: the inputs that make backtracking patterns slow ---------------------------

SPACES = " " * MEGABYTE
BLANK_LINES = "\n" * MEGABYTE


def _networksetup(text: str) -> None:
    check_networksetup(CommandResult(0, text, ""), doing="join")


SLOW_FOR_BACKTRACKING: list[tuple[str, Callable[[], object]]] = [
    ("netsh: a line of spaces", lambda: _netsh(SPACES + "x")),
    ("netsh: an indented line of spaces and tabs", lambda: _netsh(" " + " \t" * MEGABYTE)),
    ("netsh: a key without a colon", lambda: _netsh("    " + "k " * MEGABYTE)),
    ("networksetup: blank lines", lambda: _networksetup("x" + BLANK_LINES + "x")),
    ("networksetup: lines of spaces", lambda: _networksetup("x" + " \n" * MEGABYTE + "x")),
    (
        "networksetup: an unclosed device name",
        lambda: parse_airport_power("(" + "a" * MEGABYTE, "x"),
    ),
    ("ipconfig: blank lines", lambda: parse_summary_ssid(BLANK_LINES)),
    ("ipconfig: lines of spaces", lambda: parse_summary_ssid(" \t\n" * MEGABYTE)),
    (
        "system_profiler: a long signal",
        swallow(WifiError)(
            lambda: parse_system_profiler(_profiler(1).replace("-49", "-" + "4" * MEGABYTE), "en1")
        ),
    ),
    ("nmcli: a long unescaped line", lambda: parse_wifi_list("\\" * MEGABYTE)),
    ("nmcli: hex without a UUID", swallow(WifiError)(lambda: parse_added_uuid("0" * MEGABYTE))),
    (
        "nmcli: refusal words",
        swallow(WifiError)(lambda: check(CommandResult(4, "not " * MEGABYTE, ""), doing="join")),
    ),
    (
        "cloud: many 'password' and no 'required'",
        lambda: error_for_response(
            Operation.SIGN_IN,
            400,
            json.dumps(
                {"error": "invalid_client", "error_description": "password " * (MEGABYTE // 9)}
            ).encode(),
        ),
    ),
    ("cloud: many 'not' before 'exists'", lambda: says_exists("n't " + "not " * (MEGABYTE // 4))),
    ("cloud: spaces after 'not'", lambda: says_exists("not" + SPACES + "x")),
    ("cloud: a text body of one long line", lambda: parse_error_body(b"x" * MEGABYTE)),
    ("cloud: a body nested a million deep", lambda: parse_error_body(b"[" * MEGABYTE)),
    ("scan-ap: entry starts without an end", lambda: parse_scan(b'{"ssid":"' * (MEGABYTE // 9))),
    (
        "scan-ap: keys without their numbers",
        lambda: parse_scan(b'{"scans":[' + b'{"ssid":"a","rssi":-1,"sec":' * (MEGABYTE // 28)),
    ),
    ("TCP framing: a million brackets", lambda: _feed([b"[" * MEGABYTE])),
    (
        "usb console: 'Device ID: ' all along one line",
        lambda: DEVICE_ID_LINE.search(b"Device ID: " * (MEGABYTE // 11)),
    ),
    (
        "usb console: 'Your device id is ' all along one line",
        lambda: DEVICE_ID_LINE.search(b"Your device id is " * (MEGABYTE // 18)),
    ),
    (
        "usb console: a device ID without its line end",
        lambda: DEVICE_ID_LINE.search(b"Device ID: " + b"0" * MEGABYTE),
    ),
    (
        "usb console: 'Claim code set to: ' all along one line",
        lambda: CLAIM_CODE_OUTCOME.search(b"Claim code set to: " * (MEGABYTE // 19)),
    ),
    (
        "usb console: security prompts cut short",
        lambda: WIFI_STEPS.search(CONSOLE_SECURITY_PROMPTS[0][:-3] * (MEGABYTE // 78)),
    ),
    (
        "usb console: 'Thanks!' lines without their end",
        lambda: WIFI_STEPS.search(CONSOLE_THANKS[:-4] * (MEGABYTE // 46)),
    ),
    (
        "work list: an e-mail without its @",
        swallow(WorkListError)(lambda: parse_work_list("a" * 100_000 + ",b,c\n")),
    ),
]


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    ("name", "call"), SLOW_FOR_BACKTRACKING, ids=[n for n, _ in SLOW_FOR_BACKTRACKING]
)
def test_inputs_made_to_trigger_backtracking_are_read_at_once(
    name: str, call: Callable[[], object]
) -> None:
    call()


@pytest.mark.timeout(30)
def test_a_profile_line_made_to_trigger_backtracking_is_read_at_once(tmp_path: Any) -> None:
    load = _load_profile(tmp_path)
    load('product = "p"\n' + " " * MEGABYTE + "x\n")
    load('product = "p"\n' + "a" * MEGABYTE + "\n")
