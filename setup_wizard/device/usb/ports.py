"""Finding Photons on USB: serial ports whose USB vendor and product are a Photon's or a P1's.

A Photon is a USB CDC serial device whether or not it is in listening mode; only its console
can tell (it answers ``i``). Its USB serial number is its device ID in lower-case hex (the
firmware's serial-string descriptor, device-os ``usbd_desc_stm32f2xx.c``), which names a port
before it is opened; the console's own answer stays the authority.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from serial.tools.list_ports import comports
from serial.tools.list_ports_common import ListPortInfo

PARTICLE_VENDOR_ID = 0x2B04
PHOTON_USB_IDS: Mapping[tuple[int, int], str] = {
    (PARTICLE_VENDOR_ID, 0xC006): "Photon",
    (PARTICLE_VENDOR_ID, 0xC008): "P1",
}
"""(USB vendor ID, product ID) of the console in normal and listening mode → the product."""

_DEVICE_ID = re.compile(r"[0-9A-Fa-f]{24}")


@dataclass(frozen=True)
class UsbPort:
    """A serial port with a Photon (or P1) behind it."""

    path: str
    """What :class:`~setup_wizard.device.usb.console.UsbConsole` opens: ``/dev/ttyACM0``,
    ``/dev/cu.usbmodem1411``, ``COM3``."""
    product: str
    """"Photon" or "P1", from the USB product ID."""
    serial_number: str | None = None
    """The USB serial number string, where the system reports one."""

    @property
    def device_id(self) -> str | None:
        """The device ID the USB serial number holds (lower case), if it holds one."""
        found = _DEVICE_ID.search(self.serial_number or "")
        return found.group().lower() if found else None


def photon_ports(ports: Iterable[ListPortInfo]) -> list[UsbPort]:
    """The Photons among ``ports`` (pyserial's descriptions), ordered by path."""
    found = [
        UsbPort(port.device, product, port.serial_number or None)
        for port in ports
        if (product := PHOTON_USB_IDS.get((port.vid, port.pid))) is not None
    ]
    return sorted(found, key=lambda port: port.path)


def list_usb_ports() -> list[UsbPort]:
    """The Photons plugged into this computer, by USB vendor and product ID.

    Blocking (the system enumerates its devices, which can take a moment): call it in a
    worker thread, e.g. ``await asyncio.to_thread(list_usb_ports)``.
    """
    return photon_ports(comports())
