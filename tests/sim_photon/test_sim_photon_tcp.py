"""TCP 5609 byte by byte (softap-protocol.md §2.2)."""

from __future__ import annotations

import asyncio
import json
import re

import pytest
from sim_photon_helpers import QUIET, STATE_TIMEOUT, Tcp, frame, reach

from setup_wizard.sim.photon import PhotonState, SimulatedPhoton


async def test_version_reply_is_two_newlines_then_json_then_close(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    assert await tcp.command(photon, "version") == b'\n\n{"v":2}'


async def test_device_id_reply_is_upper_case_id_and_claimed_flag(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    reply = await tcp.command(photon, "device-id")
    assert reply == b'\n\n{"id":"' + photon.device_id.encode() + b'","c":"0"}'
    assert re.fullmatch(r"[0-9A-F]{24}", photon.device_id)


async def test_device_closes_after_one_reply_without_waiting_for_the_client(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    await tcp.warm_up(photon)
    reader, writer = await tcp.open(photon)
    try:
        writer.write(frame("version"))  # no half-close: the device must close on its own
        await writer.drain()
        assert await asyncio.wait_for(reader.read(), STATE_TIMEOUT) == b'\n\n{"v":2}'
    finally:
        writer.close()
        await writer.wait_closed()


async def send_without_closing(
    tcp: Tcp, photon: SimulatedPhoton, request: bytes
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter, bytes]:
    """Send a request, read its whole reply ``\n\n{...}``, and keep the connection."""
    reader, writer = await tcp.open(photon)
    writer.write(request)
    await writer.drain()
    reply = await asyncio.wait_for(reader.readuntil(b"}"), STATE_TIMEOUT)
    return reader, writer, reply


async def test_the_first_connection_gets_its_whole_reply_and_is_never_closed(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    """device-os #1252: the first connection of a listening session stays open (§2.2)."""
    reader, writer, reply = await send_without_closing(tcp, photon, frame("device-id"))
    try:
        assert json.loads(reply) == {"id": photon.device_id, "c": "0"}
        with pytest.raises(TimeoutError):  # no EOF follows the reply
            await asyncio.wait_for(reader.read(1), QUIET)
        # The worker has moved on: later connections are answered and closed meanwhile.
        assert await tcp.command(photon, "version") == b'\n\n{"v":2}'
        other_reader, other_writer = await tcp.open(photon)
        other_writer.write(frame("version"))  # no half-close
        await other_writer.drain()
        assert await asyncio.wait_for(other_reader.read(), STATE_TIMEOUT) == b'\n\n{"v":2}'
        other_writer.close()
        await other_writer.wait_closed()
        with pytest.raises(TimeoutError):  # the first one is still open
            await asyncio.wait_for(reader.read(1), QUIET)
        writer.write_eof()  # the client's FIN is what ends it
        assert await asyncio.wait_for(reader.read(), STATE_TIMEOUT) == b""
    finally:
        writer.close()
        await writer.wait_closed()


async def test_each_listening_session_leaves_its_first_connection_open(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    await tcp.warm_up(photon)
    photon.enter_listening_mode()  # from listening mode: nothing happens, same session
    assert await tcp.command(photon, "version") == b'\n\n{"v":2}'
    photon.reset()
    await reach(photon, PhotonState.LISTENING)
    reader, writer, reply = await send_without_closing(tcp, photon, frame("version"))
    try:
        assert reply == b'\n\n{"v":2}'
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(reader.read(1), QUIET)
    finally:
        writer.close()
        await writer.wait_closed()


@pytest.mark.parametrize("name", ["hello", "provision-keys", "ant-internal", "ant-external"])
async def test_unknown_or_antenna_command_closes_with_zero_bytes(
    photon: SimulatedPhoton, tcp: Tcp, name: str
) -> None:
    assert await tcp.command(photon, name) == b""


async def test_crlf_makes_the_name_unknown(photon: SimulatedPhoton, tcp: Tcp) -> None:
    assert await tcp.exchange(photon, b"version\r\n0\r\n\r\n") == b""


async def test_crlf_in_the_length_line_corrupts_the_length(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    body = b'{"k":"cc","v":"ABCDEF"}'
    good = frame("set", body)
    assert await tcp.exchange(photon, good) == b'\n\n{"r":0}'
    # "23\r" is read as 23*10 + ('\r' - '0'): the device waits for 195 bytes that never come.
    corrupted = b"set\n%d\r\n\n" % len(body) + body
    assert await tcp.exchange(photon, corrupted) == b"\n\n"


async def test_length_must_count_utf8_bytes_not_characters(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    body = '{"k":"cc","v":"Café"}'
    by_characters = b"set\n%d\n\n" % len(body) + body.encode()
    assert await tcp.exchange(photon, by_characters) == b"\n\n"
    assert await tcp.command(photon, "set", body.encode()) == b'\n\n{"r":0}'


async def test_extra_header_lines_before_the_blank_line_are_ignored(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    assert await tcp.exchange(photon, b"version\n0\nX-Note: hi\nmore\n\n") == b'\n\n{"v":2}'


async def test_a_body_sent_to_a_command_without_one_is_ignored(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    assert await tcp.command(photon, "version", b'{"idx":0}') == b'\n\n{"v":2}'


async def test_a_command_without_a_body_does_not_wait_for_the_announced_one(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    await tcp.warm_up(photon)
    reader, writer = await tcp.open(photon)
    try:
        writer.write(b"version\n5\n\n")  # five bytes announced, none sent, no half-close
        await writer.drain()
        assert await asyncio.wait_for(reader.read(), STATE_TIMEOUT) == b'\n\n{"v":2}'
    finally:
        writer.close()
        await writer.wait_closed()


async def test_short_body_blocks_the_single_worker_until_that_client_closes(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    stuck_reader, stuck_writer = await tcp.open(photon)
    stuck_writer.write(b'configure-ap\n100\n\n{"idx":0')  # announces 100 bytes, sends 9
    await stuck_writer.drain()
    # The device writes its preamble before reading the body: the worker is now waiting.
    assert await asyncio.wait_for(stuck_reader.readexactly(2), STATE_TIMEOUT) == b"\n\n"

    reader, writer = await tcp.open(photon)
    writer.write(frame("version"))
    await writer.drain()
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(reader.read(1), QUIET)

    stuck_writer.close()
    await stuck_writer.wait_closed()
    assert await asyncio.wait_for(reader.read(), STATE_TIMEOUT) == b'\n\n{"v":2}'
    writer.close()
    await writer.wait_closed()


async def test_clients_are_served_in_the_order_their_requests_arrive(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    _, idle_writer = await tcp.open(photon)  # connected first, but says nothing
    try:
        assert await tcp.command(photon, "version") == b'\n\n{"v":2}'
    finally:
        idle_writer.close()
        await idle_writer.wait_closed()


async def test_a_sixth_simultaneous_socket_is_turned_away(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    held = [await tcp.open(photon) for _ in range(5)]
    try:
        reader, writer = await tcp.open(photon)
        try:
            # An admitted client would wait here for its reply; this one is dropped at once.
            dropped = await asyncio.wait_for(reader.read(), STATE_TIMEOUT)
        except ConnectionResetError:
            dropped = b""
        finally:
            writer.close()
        assert dropped == b""
    finally:
        for _, held_writer in held:
            held_writer.close()
            await held_writer.wait_closed()
    assert await tcp.command(photon, "version") == b'\n\n{"v":2}'


async def test_every_command_answers_over_tcp(photon: SimulatedPhoton, tcp: Tcp) -> None:
    assert await tcp.json(photon, "version") == {"v": 2}
    assert (await tcp.json(photon, "device-id"))["id"] == photon.device_id
    assert set(await tcp.json(photon, "public-key")) == {"b", "r"}
    assert "scans" in await tcp.json(photon, "scan-ap")
    assert await tcp.json(photon, "set", {"k": "cc", "v": "X" * 63}) == {"r": 0}
    assert await tcp.json(photon, "configure-ap", {"idx": 0, "ssid": "xfinitywifi"}) == {"r": 0}
    assert await tcp.json(photon, "connect-ap", {"idx": 0}) == {"r": 0}


async def test_reply_is_plain_json_after_the_preamble(photon: SimulatedPhoton, tcp: Tcp) -> None:
    reply = await tcp.command(photon, "device-id")
    head, _, rest = reply.partition(b"\n\n")
    assert head == b""
    assert json.loads(rest)["c"] == "0"
