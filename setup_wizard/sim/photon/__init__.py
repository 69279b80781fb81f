"""A simulated Particle Photon in listening mode, written from softap-protocol.md alone.

``device`` holds the lifecycle, ``softap`` the two setup servers of one listening session
(``tcp_server``, ``http_server``) over the shared ``commands``; ``flash`` is what the device
remembers, ``radio`` how it scans and joins, ``wlan`` how it checks credentials, ``keys`` its
RSA key pair; ``usb_console`` is its console on the USB serial port (``usb_serial``);
``faults`` are misbehaviours fixed at power-on, ``live_faults`` those a test switches on and
off while it runs.
"""

from setup_wizard.sim.photon.device import SimulatedPhoton
from setup_wizard.sim.photon.faults import PhotonFaults
from setup_wizard.sim.photon.flash import StoredCredential
from setup_wizard.sim.photon.live_faults import LiveFaults
from setup_wizard.sim.photon.security import SecurityType
from setup_wizard.sim.photon.state import Led, LedPattern, PhotonState
from setup_wizard.sim.photon.timing import SetupTiming
from setup_wizard.sim.photon.usb_serial import PTY_AVAILABLE, UsbUnavailableError

__all__ = [
    "PTY_AVAILABLE",
    "Led",
    "LedPattern",
    "LiveFaults",
    "PhotonFaults",
    "PhotonState",
    "SecurityType",
    "SetupTiming",
    "SimulatedPhoton",
    "StoredCredential",
    "UsbUnavailableError",
]
