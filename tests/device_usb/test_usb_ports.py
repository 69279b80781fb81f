"""Photons are found among the serial ports by USB vendor and product, and named by their ID."""

from __future__ import annotations

from serial.tools.list_ports_common import ListPortInfo

from setup_wizard.device import PHOTON_USB_IDS, UsbPort, photon_ports


def port(device: str, vid: int | None, pid: int | None, serial: str | None = None) -> ListPortInfo:
    """A port as pyserial describes it (its own data class, filled as its enumerators do)."""
    info = ListPortInfo(device, skip_link_detection=True)
    info.vid, info.pid, info.serial_number = vid, pid, serial
    if vid is not None:
        info.apply_usb_info()
    return info


def test_only_photons_and_p1s_are_listed_in_path_order() -> None:
    ports = [
        port("/dev/ttyACM2", 0x2B04, 0xC008, "E00FCE68AAAAAAAAAAAAAAAA"),  # P1
        port("/dev/ttyACM0", 0x2B04, 0xC006, "3a001d000647343232363230"),  # Photon
        port("/dev/ttyACM1", 0x2B04, 0xC00C, "e00fce68bbbbbbbbbbbbbbbb"),  # Argon: not ours
        port("/dev/ttyUSB0", 0x0403, 0x6001, "A50285BI"),  # an FTDI adapter
        port("/dev/ttyS0", None, None),  # a built-in serial port, no USB
        port("/dev/ttyACM3", 0x2B04, 0xD006),  # a Photon in DFU mode has no console
    ]
    assert photon_ports(ports) == [
        UsbPort("/dev/ttyACM0", "Photon", "3a001d000647343232363230"),
        UsbPort("/dev/ttyACM2", "P1", "E00FCE68AAAAAAAAAAAAAAAA"),
    ]


def test_a_port_is_named_by_the_device_id_in_its_usb_serial_number() -> None:
    found = photon_ports(
        [
            port("COM4", 0x2B04, 0xC006, "3A001D000647343232363230"),
            port("COM5", 0x2B04, 0xC006, None),
            port("COM6", 0x2B04, 0xC006, "not an id"),
        ]
    )
    assert [p.device_id for p in found] == ["3a001d000647343232363230", None, None]


def test_the_usb_ids_are_particles_photon_and_p1() -> None:
    assert PHOTON_USB_IDS == {(0x2B04, 0xC006): "Photon", (0x2B04, 0xC008): "P1"}
