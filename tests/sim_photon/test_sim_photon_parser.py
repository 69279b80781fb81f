"""Property tests for the TCP request parser of §2.2, and garbage thrown at the real server."""

from __future__ import annotations

import asyncio
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sim_photon_helpers import SPEED, STATE_TIMEOUT, frame

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.link import NoCloud
from setup_wizard.sim.photon import SimulatedPhoton
from setup_wizard.sim.photon.tcp_server import read_request_head
from setup_wizard.sim.wifi import WifiEnvironment


class MemorySource:
    """The bytes a client sent, then end of stream."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    async def read_byte(self) -> int | None:
        if self._pos >= len(self._data):
            return None
        self._pos += 1
        return self._data[self._pos - 1]

    async def read_exactly(self, count: int) -> bytes | None:
        if self._pos + count > len(self._data):
            return None
        self._pos += count
        return self._data[self._pos - count : self._pos]


# A name a client can send: 1-29 bytes, no newline and no NUL (both end the name).
names = st.binary(min_size=1, max_size=29).filter(lambda b: b"\n" not in b and b"\0" not in b)


@settings(max_examples=300, database=None, deadline=None)
@given(name=names, body=st.binary(max_size=600))
def test_a_framed_request_parses_back_to_its_name_and_body(name: bytes, body: bytes) -> None:
    request = name + b"\n" + str(len(body)).encode() + b"\n\n" + body

    async def parse() -> tuple[bytes, bytes | None]:
        source = MemorySource(request)
        head = await read_request_head(source)
        assert head is not None
        return head.name, await source.read_exactly(head.length)

    assert asyncio.run(parse()) == (name, body)


@settings(max_examples=200, database=None, deadline=None)
@given(garbage=st.binary(max_size=200))
def test_the_parser_never_fails_on_garbage(garbage: bytes) -> None:
    async def parse() -> None:
        head = await read_request_head(MemorySource(garbage))
        if head is not None:
            assert len(head.name) <= 30
            assert -(2**31) <= head.length < 2**31

    asyncio.run(parse())


requests = st.one_of(
    st.binary(max_size=120),
    st.builds(
        lambda name, length, body: name + b"\n" + length + b"\n\n" + body,
        st.sampled_from([b"set", b"configure-ap", b"version", b"device-id", b"scan"]),
        st.binary(max_size=6),
        st.binary(max_size=80),
    ),
)


@settings(
    max_examples=25,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(batch=st.lists(requests, min_size=1, max_size=8))
def test_garbage_never_breaks_the_server(batch: list[bytes]) -> None:
    async def attack() -> None:
        photon = SimulatedPhoton(
            clock=SimClock(SPEED), wifi=WifiEnvironment.home(), link=NoCloud(), seed=3
        )
        await photon.start()
        try:
            for request in batch:
                reader, writer = await asyncio.open_connection(photon.host, photon.tcp_port)
                writer.write(request)
                await writer.drain()
                writer.write_eof()
                reply = await asyncio.wait_for(reader.read(), STATE_TIMEOUT)
                assert reply == b"" or reply.startswith(b"\n\n")
                writer.close()
                await writer.wait_closed()
            reader, writer = await asyncio.open_connection(photon.host, photon.tcp_port)
            writer.write(frame("version"))
            await writer.drain()
            writer.write_eof()  # closes the connection even if it is the session's first (§2.2)
            assert json.loads(await asyncio.wait_for(reader.read(), STATE_TIMEOUT)) == {"v": 2}
            writer.close()
            await writer.wait_closed()
        finally:
            await photon.stop()

    asyncio.run(attack())
