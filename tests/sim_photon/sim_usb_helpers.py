"""The computer's end of a simulated Photon's USB cable: the pty's slave, opened as a terminal
program would, read with deadlines (never through our client package)."""

from __future__ import annotations

import asyncio
import os

import pytest
from sim_photon_helpers import QUIET, STATE_TIMEOUT

from setup_wizard.sim.photon import PTY_AVAILABLE

needs_pty = pytest.mark.skipif(
    not PTY_AVAILABLE,
    reason="this platform has no pseudo-terminals (os.openpty, termios): the simulated "
    "USB console is served on one",
)

AWESOME = (
    b"Thanks! Wait while I save those credentials...\r\n\r\n"
    b"Awesome. Now we'll connect!\r\n\r\n"
    b"If you see a pulsing cyan light, your device \r\n"
    b"has connected to the Cloud and is ready to go!\r\n\r\n"
    b"If your LED flashes red or you encounter any other problems,\r\n"
    b"visit https://www.particle.io/support to debug.\r\n\r\n"
    b"    Particle <3 you!\r\n\r\n"
)
DERP = (
    b"Thanks! Wait while I save those credentials...\r\n\r\n"
    b"Derp. Sorry, we couldn't save the credentials.\r\n\r\n"
)
SECURITY_PROMPT = (
    b"Security 0=unsecured, 1=WEP, 2=WPA, 3=WPA2, 4=WPA Enterprise, 5=WPA2 Enterprise: "
)
CIPHER_PROMPT = b"Security Cipher 1=AES, 2=TKIP, 3=AES+TKIP: "


class Terminal:
    """A serial terminal on the port: what it sends, and everything the device printed."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.fd = os.open(path, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
        self.received = b""  # printed by the device and not yet taken by a test

    def close(self) -> None:
        os.close(self.fd)

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    async def until(self, marker: bytes) -> bytes:
        """Everything printed up to and including ``marker``; fails after STATE_TIMEOUT s."""
        async with asyncio.timeout(STATE_TIMEOUT):
            while marker not in self.received:
                self.received += await self._chunk()
        end = self.received.index(marker) + len(marker)
        text, self.received = self.received[:end], self.received[end:]
        return text

    async def quiet(self) -> bytes:
        """What the device prints within QUIET seconds (b"" when it says nothing)."""
        try:
            async with asyncio.timeout(QUIET):
                while True:
                    self.received += await self._chunk()
        except TimeoutError:
            pass
        text, self.received = self.received, b""
        return text

    async def _chunk(self) -> bytes:
        """Wait until the port is readable, then read what is there (b"" at end of file)."""
        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        loop.add_reader(self.fd, lambda: readable.done() or readable.set_result(None))
        try:
            await readable
        finally:
            loop.remove_reader(self.fd)
        try:
            chunk = os.read(self.fd, 4096)
        except BlockingIOError:
            return b""
        if not chunk:
            raise EOFError("the port reports end of file")
        return chunk


async def answer(term: Terminal, prompt: bytes, line: bytes) -> bytes:
    """Wait for ``prompt``, type ``line`` and LF; returns everything printed up to the prompt."""
    text = await term.until(prompt)
    term.send(line + b"\n")
    return text
