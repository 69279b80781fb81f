"""The simulated Photon reads what any client sends it (ours, Particle's, a broken one), as
the firmware does: every reader answers, or drops the request (None), and never raises.
(The USB console's reader is left to the USB work.)"""

from __future__ import annotations

import asyncio

from fuzz_support import FUZZ, mutated_bytes, parser
from hypothesis import given
from hypothesis import strategies as st

from setup_wizard.sim.photon.http_server import read_request
from setup_wizard.sim.photon.jsonbody import Kind, atoi, parse_flat_object
from setup_wizard.sim.photon.keys import hex_decode
from setup_wizard.sim.photon.tcp_server import read_request_head

BODIES = [
    b'{"k":"cc","v":"Kd0TuDn5EnwJ1+8L4oOb"}',
    b'{"idx":0,"ssid":"HomeNet","pwd":"5b8f00aa","sec":4194310,"ch":3}',
    b'{"idx":0}',
    b'{"ssid":"a\\"b\\u0041","sec":-1e5,"ch":true}',
]
SCHEMA = {
    b"k": Kind.STRING,
    b"v": Kind.STRING,
    b"idx": Kind.PRIMITIVE,
    b"ssid": Kind.STRING,
    b"pwd": Kind.STRING,
    b"sec": Kind.PRIMITIVE,
    b"ch": Kind.PRIMITIVE,
}


@FUZZ
@given(mutated_bytes(BODIES))
def test_a_command_body_is_read_or_dropped(body: bytes) -> None:
    with parser("simulated Photon: JSON body (jsmn rules)").example():
        members = parse_flat_object(body, SCHEMA)
        for member in members or []:
            if member.kind is Kind.PRIMITIVE:
                atoi(member.raw)
                hex_decode(member.raw, 128)


REQUESTS = [
    b"POST /configure-ap HTTP/1.1\r\nHost: 192.168.0.1\r\nContent-Length: 12\r\n\r\n{}",
    b"GET /device-id HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    b"POST /set HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{...}\r\n0\r\n\r\n",
    b"device-id\n0\n\n",
    b"configure-ap\n12\n\n{}",
]


class Bytes:
    """What a client sent, then the end of the connection."""

    def __init__(self, data: bytes) -> None:
        self._data, self._at = data, 0

    async def read_byte(self) -> int | None:
        if self._at >= len(self._data):
            return None
        self._at += 1
        return self._data[self._at - 1]

    async def read_exactly(self, count: int) -> bytes | None:
        if self._at + count > len(self._data):
            return None
        self._at += count
        return self._data[self._at - count : self._at]


async def _read_both(data: bytes) -> None:
    reader = asyncio.StreamReader(limit=1024)
    reader.feed_data(data)
    reader.feed_eof()
    await read_request(reader)
    await read_request_head(Bytes(data))


@FUZZ
@given(mutated_bytes(REQUESTS), st.binary(max_size=8))
def test_a_request_head_is_read_or_dropped(data: bytes, tail: bytes) -> None:
    parser("simulated Photon: HTTP and TCP request heads").run(
        lambda: asyncio.run(_read_both(data + tail))
    )
