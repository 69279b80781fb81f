"""Fixtures for the device layer: a fast transport policy and a tripwire that records contact."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from setup_wizard.device import DeviceAddress, TransportPolicy

if TYPE_CHECKING:
    from setup_wizard.sim.photon import SimulatedPhoton

# Generous enough for a busy 2-core machine, small enough to keep failures quick.
FAST = TransportPolicy(
    connect_timeout=2.0,
    quick_timeout=3.0,
    scan_timeout=5.0,
    configure_timeout=5.0,
    connect_ap_timeout=2.0,
    attempts=2,
    retry_delays=(0.01,),
)


@pytest.fixture
def fast_policy() -> TransportPolicy:
    return FAST


@dataclass
class Tripwire:
    """Two listening sockets standing in for a Photon that must never be contacted."""

    address: DeviceAddress
    contacts: list[str] = field(default_factory=list)


@pytest.fixture
async def tripwire() -> AsyncIterator[Tripwire]:
    contacts: list[str] = []

    def recorder(
        kind: str,
    ) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
        async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            contacts.append(kind)
            writer.close()
            await writer.wait_closed()

        return on_connect

    tcp = await asyncio.start_server(recorder("tcp"), "127.0.0.1", 0)
    http = await asyncio.start_server(recorder("http"), "127.0.0.1", 0)
    address = DeviceAddress(
        "127.0.0.1", tcp.sockets[0].getsockname()[1], http.sockets[0].getsockname()[1]
    )
    try:
        yield Tripwire(address, contacts)
    finally:
        for server in (tcp, http):
            server.close()
            await server.wait_closed()


@dataclass
class Request:
    transport: str
    name: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    method: str = ""


@dataclass
class ScriptedDevice:
    """A loopback peer with canned replies, for wire details and failures the simulator cannot
    be made to show (exact request bytes, a router on port 80, an empty reply to our requests).

    ``replies`` maps a command name to the JSON bytes to answer (b"" = refuse, the way the
    firmware does), or to None to accept the request and never answer; or to a list of those,
    one per request in turn, the last one repeating. ``http_statuses`` likewise gives the
    status of each HTTP request in turn (the last repeating); 200 when empty.
    """

    address: DeviceAddress
    replies: dict[str, bytes | list[bytes | None] | None]
    requests: list[Request] = field(default_factory=list)
    http_statuses: list[int] = field(default_factory=list)
    peers: list[str] = field(default_factory=list)  # the source address of each connection
    open_connections: int = 0
    most_open_connections: int = 0
    release: asyncio.Event = field(default_factory=asyncio.Event)
    handlers: set[asyncio.Task[object]] = field(default_factory=set)
    servers: list[asyncio.Server] = field(default_factory=list)

    def come_online(self) -> None:
        """Start taking connections (until then both ports refuse them, as with no Photon).

        Plain, not async, so a retry hook can call it: the start is scheduled ahead of the
        client's pause, so the servers listen before its next try, however short the pause.
        """
        for server in self.servers:
            task: asyncio.Task[object] = asyncio.get_running_loop().create_task(
                server.start_serving()
            )
            self.handlers.add(task)
            task.add_done_callback(self.handlers.discard)

    @property
    def http_status(self) -> int:
        return self.http_statuses[0] if self.http_statuses else 200

    @http_status.setter
    def http_status(self, status: int) -> None:
        self.http_statuses = [status]

    def _next_status(self) -> int:
        return self.http_statuses.pop(0) if len(self.http_statuses) > 1 else self.http_status

    def _opened(self, writer: asyncio.StreamWriter) -> None:
        self.peers.append(writer.get_extra_info("peername")[0])
        task = asyncio.current_task()
        if task is not None:
            self.handlers.add(task)
            task.add_done_callback(self.handlers.discard)
        self.open_connections += 1
        self.most_open_connections = max(self.most_open_connections, self.open_connections)

    async def _reply_for(self, name: str) -> bytes | None:
        reply = self.replies.get(name, b"")
        if isinstance(reply, list):
            reply = reply.pop(0) if len(reply) > 1 else reply[0]
        if reply is None:
            await self.release.wait()
        return reply

    async def serve_tcp(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._opened(writer)
        try:
            name = (await reader.readuntil(b"\n"))[:-1].decode()
            length = int((await reader.readuntil(b"\n"))[:-1])
            await reader.readuntil(b"\n")
            body = await reader.readexactly(length)
            self.requests.append(Request("tcp", name, body))
            reply = await self._reply_for(name)
            if reply is not None:
                writer.write(b"\n\n" + reply)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        except asyncio.CancelledError:
            pass  # the fixture ends the handlers that still wait, at teardown
        finally:
            self.open_connections -= 1
            writer.close()

    async def serve_http(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._opened(writer)
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            method, path, _ = head[0].split(" ", 2)
            headers = {
                key.strip().lower(): value.strip()
                for key, value in (line.split(":", 1) for line in head[1:] if line)
            }
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            name = path.lstrip("/")
            self.requests.append(Request("http", name, body, headers, method))
            status = self._next_status()
            if status != 200:
                writer.write(
                    b"HTTP/1.1 %d Nope\r\nContent-Type: text/html\r\nContent-Length: 13\r\n"
                    b"Connection: close\r\n\r\n<html></html>" % status
                )
            else:
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                )
                await writer.drain()
                reply = await self._reply_for(name)
                if reply is None:
                    return
                for start in range(0, len(reply), 7):  # small chunks, as the device streams
                    chunk = reply[start : start + 7]
                    writer.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                writer.write(b"0\r\n\r\n")
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        except asyncio.CancelledError:
            pass  # the fixture ends the handlers that still wait, at teardown
        finally:
            self.open_connections -= 1
            writer.close()


@asynccontextmanager
async def scripted_device(*, online: bool) -> AsyncIterator[ScriptedDevice]:
    device = ScriptedDevice(DeviceAddress("127.0.0.1", 0, 0), {})
    # Bound but not listening, a port refuses connections, like a host with no Photon on it.
    tcp = await asyncio.start_server(device.serve_tcp, "127.0.0.1", 0, start_serving=online)
    http = await asyncio.start_server(device.serve_http, "127.0.0.1", 0, start_serving=online)
    device.servers = [tcp, http]
    device.address = DeviceAddress(
        "127.0.0.1", tcp.sockets[0].getsockname()[1], http.sockets[0].getsockname()[1]
    )
    try:
        yield device
    finally:
        device.release.set()
        for server in (tcp, http):
            server.close()
            await server.wait_closed()
        for task in list(device.handlers):
            task.cancel()
        await asyncio.gather(*device.handlers, return_exceptions=True)


@pytest.fixture
async def scripted() -> AsyncIterator[ScriptedDevice]:
    async with scripted_device(online=True) as device:
        yield device


@pytest.fixture
async def scripted_offline() -> AsyncIterator[ScriptedDevice]:
    """A scripted device whose ports refuse connections until :meth:`come_online`."""
    async with scripted_device(online=False) as device:
        yield device


@pytest.fixture
def closed_address() -> DeviceAddress:
    """Two loopback ports nobody listens on (bound, then released)."""
    ports = []
    for _ in range(2):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            ports.append(sock.getsockname()[1])
    return DeviceAddress("127.0.0.1", ports[0], ports[1])


StartPhoton = Callable[..., Awaitable[tuple["SimulatedPhoton", DeviceAddress]]]


@pytest.fixture
async def start_photon() -> AsyncIterator[StartPhoton]:
    """Start simulated Photons on loopback (sped up 500×); all are stopped after the test."""
    from setup_wizard.sim.clock import SimClock
    from setup_wizard.sim.link import NoCloud
    from setup_wizard.sim.photon import PhotonFaults, SimulatedPhoton
    from setup_wizard.sim.photon.timing import SetupTiming
    from setup_wizard.sim.wifi import WifiEnvironment

    started: list[SimulatedPhoton] = []

    async def start(
        wifi: WifiEnvironment | None = None,
        faults: PhotonFaults | None = None,
        setup_timing: SetupTiming | None = None,
    ) -> tuple[SimulatedPhoton, DeviceAddress]:
        photon = SimulatedPhoton(
            clock=SimClock(speed=500),
            wifi=wifi or WifiEnvironment.home(),
            link=NoCloud(),
            faults=faults or PhotonFaults(),
            setup_timing=setup_timing,
            seed=1,
        )
        await photon.start()
        started.append(photon)
        return photon, DeviceAddress(photon.host, photon.tcp_port, photon.http_port)

    try:
        yield start
    finally:
        for photon in started:
            await photon.stop()


@dataclass(frozen=True)
class DeviceKey:
    """An RSA-1024 key pair like a Photon's, and the ``public-key`` reply that carries it."""

    private: rsa.RSAPrivateKey
    reply: bytes


@pytest.fixture(scope="session")
def device_key() -> DeviceKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505
    der = private.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    window = der.ljust(294, b"\0").hex().upper()  # as the firmware pads and prints it
    return DeviceKey(private, b'{"b":"%s","r":0}' % window.encode())
