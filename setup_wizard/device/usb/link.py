"""A serial port for asyncio: pyserial's blocking calls run in threads, never on the loop.

One reader thread per open port blocks in ``read`` and hands each chunk to the event loop;
opening, writing and closing run in the loop's default executor. pyserial allows a read
and a write on the same port from two threads at once (what its own ``ReaderThread`` does);
``cancel_read`` wakes the reader when the port is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import threading
from collections.abc import Callable
from typing import TypeVar

import serial

from setup_wizard.device.usb.errors import UsbProblem, UsbUnreachableError

log = logging.getLogger(__name__)

T = TypeVar("T")

CONSOLE_BAUD = 9600
"""USB CDC ignores the rate, except that the Photon acts on two: 14400 resets it into DFU
mode and 28800 puts it into listening mode (device-os ``system_update.cpp``
``system_lineCodingBitRateHandler``). 9600 is what particle-cli opens the console with."""

_JOIN_SECONDS = 2.0  # how long closing waits for the reader thread (it is woken at once)

_OPEN_PROBLEMS = {
    errno.ENOENT: UsbProblem.NOT_FOUND,
    errno.ENODEV: UsbProblem.NOT_FOUND,
    errno.ENXIO: UsbProblem.NOT_FOUND,
    errno.EACCES: UsbProblem.DENIED,
    errno.EPERM: UsbProblem.DENIED,
    errno.EBUSY: UsbProblem.BUSY,
    errno.EAGAIN: UsbProblem.BUSY,  # the exclusive lock is held by another program
}


def _open_problem(error: serial.SerialException) -> UsbProblem:
    if error.errno is not None:
        return _OPEN_PROBLEMS.get(error.errno, UsbProblem.LOST)
    text = str(error)  # Windows: the message names the system error
    if "FileNotFoundError" in text:
        return UsbProblem.NOT_FOUND
    if "PermissionError" in text:
        return UsbProblem.BUSY  # Windows denies a COM port another program has open
    return UsbProblem.LOST


class SerialLink:
    """An open serial port: bytes read so far in :attr:`received`, :meth:`more` to wait for
    further bytes, :meth:`write` and :meth:`close`.

    Use :meth:`open`. After the port fails (unplugged, I/O error, end of file), :meth:`more`
    and :meth:`write` raise :class:`~setup_wizard.device.usb.errors.UsbUnreachableError`.
    """

    def __init__(self, path: str, port: serial.Serial, loop: asyncio.AbstractEventLoop) -> None:
        self.path = path
        self.received = bytearray()
        """Bytes the device printed that the reader has not consumed yet (loop side only)."""
        self._port = port
        self._loop = loop
        self._arrived = asyncio.Event()
        self._lost = False
        self._stopping = threading.Event()
        self._reader = threading.Thread(
            target=self._read_loop, name=f"usb-console {path}", daemon=True
        )

    @classmethod
    async def open(cls, path: str, *, write_timeout: float) -> SerialLink:
        def opened() -> serial.Serial:
            return serial.Serial(
                path,
                baudrate=CONSOLE_BAUD,
                timeout=None,  # the reader blocks until a byte arrives or cancel_read()
                write_timeout=write_timeout,
                exclusive=True,  # one console per port, also across programs
            )

        loop = asyncio.get_running_loop()
        opening = loop.run_in_executor(None, opened)
        try:
            port = await asyncio.shield(opening)
        except serial.SerialException as error:
            log.info("USB %s: could not open (%s)", path, error)
            raise UsbUnreachableError(path, _open_problem(error)) from error
        except asyncio.CancelledError:
            # The thread opens the port all the same: close it before giving up, or its
            # exclusive lock would keep every later console off the port.
            with contextlib.suppress(serial.SerialException):
                await asyncio.to_thread((await opening).close)
            raise
        link = cls(path, port, loop)
        link._reader.start()
        return link

    async def more(self) -> None:
        """Return once more bytes arrived (or the port failed: then the next call raises)."""
        if self._lost:
            raise UsbUnreachableError(self.path)
        self._arrived.clear()
        await self._arrived.wait()

    async def write(self, data: bytes) -> None:
        """Send ``data``; TimeoutError if the device takes none of it within the write timeout."""
        if self._lost:
            raise UsbUnreachableError(self.path)
        try:
            await asyncio.to_thread(self._port.write, data)
        except serial.SerialTimeoutException as error:
            raise TimeoutError("the device did not take the bytes sent") from error
        except (serial.SerialException, OSError) as error:
            self._note_lost(error)
            raise UsbUnreachableError(self.path) from error

    async def close(self) -> None:
        """Stop the reader and close the port (idempotent)."""
        if not self._stopping.is_set():
            self._stopping.set()
            await asyncio.to_thread(self._shut)

    def _shut(self) -> None:
        with contextlib.suppress(serial.SerialException, OSError):  # failed: reader ended
            self._port.cancel_read()
        if self._reader.is_alive():
            self._reader.join(_JOIN_SECONDS)
        self._port.close()

    # -- the reader thread ----------------------------------------------------------------

    def _read_loop(self) -> None:
        failure: BaseException | None = None
        try:
            while not self._stopping.is_set():
                chunk = self._port.read(1)  # blocks until a byte arrives or cancel_read()
                if chunk:
                    waiting = self._port.in_waiting
                    if waiting:
                        chunk += self._port.read(waiting)
                    self._post(self._on_data, chunk)
        except (serial.SerialException, OSError) as error:
            failure = error
        if not self._stopping.is_set():
            self._post(self._note_lost, failure)

    def _post(self, callback: Callable[[T], None], value: T) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            self._loop.call_soon_threadsafe(callback, value)

    # -- on the event loop ----------------------------------------------------------------

    def _on_data(self, chunk: bytes) -> None:
        self.received += chunk
        self._arrived.set()

    def _note_lost(self, error: BaseException | None) -> None:
        if not self._lost:
            log.info("USB %s: connection lost (%s)", self.path, error or "end of file")
        self._lost = True
        self._arrived.set()
