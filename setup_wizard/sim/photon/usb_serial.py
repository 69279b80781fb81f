"""The Photon's USB serial port, carried over a pseudo-terminal (softap-protocol.md §10).

The computer's side is the pty's slave (``/dev/pts/N``), opened with pyserial exactly as a
real port; the device holds the master on the asyncio loop. The slave is raw, so the only
echo is the device's own. Like the Photon's USB receive ring, at most 256 bytes wait to be
read; beyond that the computer's writes wait in the kernel, as USB flow control makes them
wait. Pulling the cable closes the master: the computer's reads and writes on the slave fail.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import os

log = logging.getLogger(__name__)

RX_BUFFER_BYTES = 256  # USB_RX_BUFFER_SIZE is a 257-byte ring (usb_settings.h)
_READ_CHUNK = 4096

PTY_AVAILABLE = hasattr(os, "openpty") and importlib.util.find_spec("termios") is not None
"""Pseudo-terminals exist here (Linux, macOS); not on Windows."""


class UsbUnavailableError(RuntimeError):
    """This platform has no pseudo-terminals to carry a simulated USB console."""


class UsbSerial:
    """The device's end of the cable: bytes in from the computer, bytes out to it.

    One per device, from power-on to power-off; the cable may be plugged and pulled many times.
    What the computer sent stays in the receive ring across a pull, as in the device's RAM.
    """

    def __init__(self) -> None:
        self._inbox = bytearray()
        self._arrived = asyncio.Event()
        self._outbox = bytearray()
        self._master: int | None = None
        self._slave: int | None = None
        self._reading = False
        self._writing = False
        self.path: str | None = None

    @property
    def plugged(self) -> bool:
        return self._master is not None

    def plug(self) -> str:
        """Plug the cable in: a new pseudo-terminal; returns the path a client opens."""
        if self.path is not None:
            return self.path
        if not PTY_AVAILABLE:
            raise UsbUnavailableError(
                "this platform has no pseudo-terminals (os.openpty, termios), so a simulated "
                "Photon cannot offer its USB console here"
            )
        import tty  # POSIX only: imported here so that the module loads on Windows

        master, slave = os.openpty()
        try:
            tty.setraw(slave)  # no echo, no CR/LF translation, no flow-control characters
            os.set_blocking(master, False)
            path = os.ttyname(slave)
        except BaseException:
            os.close(master)
            os.close(slave)
            raise
        # The slave stays open here too: without any opener the master reads fail (EIO).
        self._master, self._slave, self.path = master, slave, path
        self._resume_reading()
        log.info("USB console on %s", path)
        return path

    def unplug(self) -> None:
        """Pull the cable: the master is closed; output not yet taken is lost."""
        master, slave = self._master, self._slave
        if master is None:
            return
        loop = asyncio.get_running_loop()
        if self._reading:
            loop.remove_reader(master)
        if self._writing:
            loop.remove_writer(master)
        self._reading = self._writing = False
        self._master = self._slave = None
        self._outbox.clear()
        os.close(master)
        if slave is not None:
            os.close(slave)
        log.info("USB console on %s unplugged", self.path)
        self.path = None

    # --- the device's side ------------------------------------------------------------------

    async def read(self) -> int:
        """The next byte from the computer; waits as long as it takes (the firmware has no
        timeout), through pulls and plugs of the cable."""
        while not self._inbox:
            self._arrived.clear()
            await self._arrived.wait()
        byte = self._inbox.pop(0)
        self._resume_reading()
        return byte

    def discard_input(self) -> None:
        """Throw away everything the computer has sent so far (the end of read_line)."""
        self._inbox.clear()
        if self._master is not None:
            self._pull(limit=None)
        self._inbox.clear()
        self._resume_reading()

    def write(self, data: bytes) -> None:
        """Send to the computer; with no cable the bytes go nowhere."""
        if self._master is None:
            return
        self._outbox += data
        self._flush()

    # --- plumbing ---------------------------------------------------------------------------

    def _resume_reading(self) -> None:
        master = self._master
        if master is not None and not self._reading and len(self._inbox) < RX_BUFFER_BYTES:
            asyncio.get_running_loop().add_reader(master, self._on_readable)
            self._reading = True

    def _on_readable(self) -> None:
        self._pull(limit=RX_BUFFER_BYTES)
        if len(self._inbox) >= RX_BUFFER_BYTES and self._reading and self._master is not None:
            asyncio.get_running_loop().remove_reader(self._master)  # the ring is full
            self._reading = False

    def _pull(self, limit: int | None) -> None:
        """Take what the computer has sent, up to ``limit`` bytes waiting in all."""
        master = self._master
        assert master is not None
        arrived = False
        while limit is None or len(self._inbox) < limit:
            want = _READ_CHUNK if limit is None else limit - len(self._inbox)
            try:
                chunk = os.read(master, want)
            except BlockingIOError:
                break
            except OSError:
                log.debug("USB console: reading the pty failed", exc_info=True)
                break
            if not chunk:
                break
            self._inbox += chunk
            arrived = True
        if arrived:
            self._arrived.set()

    def _flush(self) -> None:
        master = self._master
        assert master is not None
        while self._outbox:
            try:
                written = os.write(master, self._outbox)
            except BlockingIOError:
                break
            except OSError:
                log.debug("USB console: writing the pty failed", exc_info=True)
                self._outbox.clear()
                break
            del self._outbox[:written]
        loop = asyncio.get_running_loop()
        if self._outbox and not self._writing:
            loop.add_writer(master, self._flush)
            self._writing = True
        elif not self._outbox and self._writing:
            loop.remove_writer(master)
            self._writing = False
