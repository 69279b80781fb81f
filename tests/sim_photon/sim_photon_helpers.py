"""Talking to a simulated Photon the way any third-party client would (softap-protocol.md).

Raw asyncio sockets for TCP 5609, httpx or raw sockets for HTTP, ``cryptography`` for the
RSA step: written from the reference, not from our own client package.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import load_der_public_key

from setup_wizard.sim.link import Handshake
from setup_wizard.sim.photon import PhotonState, SimulatedPhoton

SPEED = 1000.0  # a 60 s join timeout passes in 60 ms
STATE_TIMEOUT = 10.0  # wall seconds a test waits for a state before failing
QUIET = 0.2  # wall seconds of silence that count as "nothing was answered"


@dataclass
class RecordingLink:
    """A CloudLink that remembers every handshake; ``accept`` decides the claim's fate."""

    accept: bool = True
    fail_first: int = 0  # handshakes to fail (cloud unreachable) before answering
    online: list[Handshake] = field(default_factory=list)
    offline: list[str] = field(default_factory=list)
    attempts: int = 0

    async def device_online(self, handshake: Handshake) -> bool:
        self.attempts += 1
        if self.attempts <= self.fail_first:
            raise ConnectionError("the simulated cloud is unreachable")
        self.online.append(handshake)
        return self.accept

    async def device_offline(self, device_id: str) -> None:
        self.offline.append(device_id)


class Tcp:
    """Port 5609, one connection per command, bytes in and bytes out."""

    async def exchange(self, photon: SimulatedPhoton, request: bytes) -> bytes:
        """Send ``request``, half-close, return everything until the device closes."""
        reader, writer = await asyncio.open_connection(photon.host, photon.tcp_port)
        try:
            writer.write(request)
            await writer.drain()
            writer.write_eof()
            return await asyncio.wait_for(reader.read(), STATE_TIMEOUT)
        finally:
            writer.close()
            await writer.wait_closed()

    async def command(self, photon: SimulatedPhoton, name: str, body: bytes = b"") -> bytes:
        return await self.exchange(photon, frame(name, body))

    async def json(self, photon: SimulatedPhoton, name: str, body: Any = None) -> Any:
        raw = b"" if body is None else json.dumps(body).encode()
        reply = await self.command(photon, name, raw)
        assert reply.startswith(b"\n\n"), reply
        return json.loads(reply)

    async def open(self, photon: SimulatedPhoton) -> tuple[asyncio.StreamReader, Any]:
        return await asyncio.open_connection(photon.host, photon.tcp_port)

    async def warm_up(self, photon: SimulatedPhoton) -> None:
        """Use up the session's first connection, which the device never closes (#1252, §2.2).

        What softap-setup-js does: a throw-away ``device-id``, read until its JSON is whole,
        then closed by the client; the connections after it are closed by the device.
        """
        reader, writer = await self.open(photon)
        try:
            writer.write(frame("device-id"))
            await writer.drain()
            received = b""
            while True:
                received += await asyncio.wait_for(reader.read(4096), STATE_TIMEOUT)
                try:
                    json.loads(received)
                    return
                except ValueError:
                    continue
        finally:
            writer.close()
            await writer.wait_closed()


def frame(name: str, body: bytes = b"") -> bytes:
    """A request framed per §2.2: name, UTF-8 byte length, blank line, body."""
    return name.encode() + b"\n" + str(len(body)).encode() + b"\n\n" + body


def device_key(public_key_reply: dict[str, Any]) -> rsa.RSAPublicKey:
    """Load the key the way §5 says: hex-decode, keep the DER the header announces."""
    der = bytes.fromhex(public_key_reply["b"])
    key = load_der_public_key(der[: 3 + der[2]])
    assert isinstance(key, rsa.RSAPublicKey)
    return key


def encrypt(key: rsa.RSAPublicKey, password: str) -> str:
    return key.encrypt(password.encode(), padding.PKCS1v15()).hex().rjust(256, "0")


async def reach(photon: SimulatedPhoton, state: PhotonState) -> None:
    await asyncio.wait_for(photon.wait_for_state(state), STATE_TIMEOUT)


async def refused(host: str, port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection(host, port)
    except ConnectionRefusedError:
        return True
    writer.close()
    await writer.wait_closed()
    return False


async def public_key(tcp: Tcp, photon: SimulatedPhoton) -> rsa.RSAPublicKey:
    return device_key(await tcp.json(photon, "public-key"))


async def configure(
    tcp: Tcp,
    photon: SimulatedPhoton,
    ssid: str,
    password: str | None,
    sec: int,
    channel: int = 0,
) -> dict[str, Any]:
    """configure-ap the way the official clients send it (idx 0, encrypted pwd, numbers)."""
    body: dict[str, Any] = {"idx": 0, "ssid": ssid, "sec": sec, "ch": channel}
    if password is not None:
        body["pwd"] = encrypt(await public_key(tcp, photon), password)
    reply: dict[str, Any] = await tcp.json(photon, "configure-ap", body)
    return reply


async def http_exchange(photon: SimulatedPhoton, request: bytes) -> bytes:
    """Send raw HTTP bytes, return everything until the device closes the connection."""
    reader, writer = await asyncio.open_connection(photon.host, photon.http_port)
    try:
        writer.write(request)
        await writer.drain()
        return await asyncio.wait_for(reader.read(), STATE_TIMEOUT)
    finally:
        writer.close()
        await writer.wait_closed()


async def read_http_response(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    """One response off a kept-alive connection: (head, de-chunked body)."""
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), STATE_TIMEOUT)
    body = b""
    if b"Transfer-Encoding: chunked" in head:
        while True:
            size = int(await asyncio.wait_for(reader.readuntil(b"\r\n"), STATE_TIMEOUT), 16)
            chunk = await asyncio.wait_for(reader.readexactly(size + 2), STATE_TIMEOUT)
            if size == 0:
                break
            body += chunk[:-2]
    else:
        length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
        body = await asyncio.wait_for(reader.readexactly(length), STATE_TIMEOUT)
    return head, body
