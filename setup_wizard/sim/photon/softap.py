"""One listening session: the SoftAP's two setup servers over one shared set of commands."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.photon.commands import SoftApCommands
from setup_wizard.sim.photon.faults import PhotonFaults
from setup_wizard.sim.photon.flash import Flash
from setup_wizard.sim.photon.freeze import Freeze
from setup_wizard.sim.photon.http_server import HttpServer
from setup_wizard.sim.photon.live_faults import LiveFaults
from setup_wizard.sim.photon.tcp_server import TcpServer
from setup_wizard.sim.photon.timing import SetupTiming
from setup_wizard.sim.wifi import WifiEnvironment


class SoftAp:
    """Both servers of one listening session, up from start() until stop()."""

    def __init__(
        self,
        *,
        host: str,
        tcp_port: int,
        http_port: int,
        flash: Flash,
        wifi: WifiEnvironment,
        clock: SimClock,
        timing: SetupTiming,
        faults: PhotonFaults,
        live: LiveFaults | None = None,
        power_cycle: Callable[[], None] | None = None,
    ) -> None:
        self.connect_requested = asyncio.Event()
        self.freeze = Freeze()
        """The session's network stack: once stalled, nothing answers until a reset."""
        live = live if live is not None else LiveFaults()
        self.commands = SoftApCommands(
            flash=flash,
            wifi=wifi,
            clock=clock,
            timing=timing,
            faults=faults,
            freeze=self.freeze,
            on_connect=self.connect_requested.set,
            live=live,
            power_cycle=power_cycle,
        )
        self._tcp = (
            None
            if faults.tcp_closed
            else TcpServer(
                host=host,
                port=tcp_port,
                commands=self.commands,
                freeze=self.freeze,
                first_command_hangs=faults.first_tcp_command_hangs,
                live=live,
            )
        )
        self._http = HttpServer(
            host=host, port=http_port, commands=self.commands, freeze=self.freeze, clock=clock
        )
        self._host = host
        self.tcp_port = tcp_port
        self.http_port = http_port

    async def start(self) -> None:
        try:
            await self._http.start()
            self.http_port = self._http.port
            if self._tcp is not None:
                await self._tcp.start()
                self.tcp_port = self._tcp.port
            elif self.tcp_port == 0:
                self.tcp_port = _unused_port(self._host)
        except BaseException:
            await self.stop()
            raise

    async def stop(self) -> None:
        if self._tcp is not None:
            await self._tcp.stop()
        await self._http.stop()


def _unused_port(host: str) -> int:
    """A port nobody listens on, to report for the missing TCP server: it refuses connections."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port
