"""The listening-mode console on the Photon's USB serial port (softap-protocol.md §10).

Written from device-os ``system/src/system_setup.cpp`` and ``serialReadLine``: the system
thread takes one byte at a time; a command letter runs to its end (a dialogue with no
timeout) before the next byte is looked at, and listening mode can only end between commands.
Other bytes are ignored (``f``, ``s``, ``L``, ``d`` and YModem are not simulated).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.photon import radio, wlan
from setup_wizard.sim.photon.faults import PhotonFaults
from setup_wizard.sim.photon.flash import CLAIM_CODE_BYTES, EapType, Flash
from setup_wizard.sim.photon.freeze import Freeze
from setup_wizard.sim.photon.live_faults import GARBAGE, LiveFaults
from setup_wizard.sim.photon.security import SecurityType, coarse_security
from setup_wizard.sim.photon.timing import SetupTiming
from setup_wizard.sim.photon.usb_serial import UsbSerial
from setup_wizard.sim.photon.wlan import Cipher, WlanCredentials
from setup_wizard.sim.wifi import WifiEnvironment

log = logging.getLogger(__name__)

FIRMWARE_VERSION = "2.3.1"
MAC_PREFIX = bytes.fromhex("6c0b84")  # the Photon's Wi-Fi module maker (USI)

CR, LF, BACKSPACE, DELETE = 0x0D, 0x0A, 0x08, 0x7F
PASSWORD_MAX_BYTES = 64  # char password[65]
IDENTITY_MAX_BYTES = 64
CERTIFICATE_MAX_BYTES = 4 * 1024 - 1
PRIVATE_KEY_MAX_BYTES = 2 * 1024 - 1

# The Photon is built with WPA Enterprise support (Wiring_WpaEnterprise 1): this variant.
SECURITY_PROMPT = (
    b"Security 0=unsecured, 1=WEP, 2=WPA, 3=WPA2, 4=WPA Enterprise, 5=WPA2 Enterprise: "
)
CIPHER_PROMPT = b"Security Cipher 1=AES, 2=TKIP, 3=AES+TKIP: "
EAP_PROMPT = b"EAP Type 0=PEAP/MSCHAPv2, 1=EAP-TLS: "
SAVING = b"Thanks! Wait while I save those credentials...\r\n\r\n"
AWESOME = (
    b"Awesome. Now we'll connect!\r\n\r\n"
    b"If you see a pulsing cyan light, your device \r\n"
    b"has connected to the Cloud and is ready to go!\r\n\r\n"
    b"If your LED flashes red or you encounter any other problems,\r\n"
    b"visit https://www.particle.io/support to debug.\r\n\r\n"
    b"    Particle <3 you!\r\n\r\n"
)
DERP = b"Derp. Sorry, we couldn't save the credentials.\r\n\r\n"


class UsbConsole:
    """One listening session's console (the firmware makes one each time it starts listening).

    ``leave`` is the listening session's "done" flag, shared with SoftAP's ``connect-ap``:
    ``x`` sets it, and so does a credential check that passes (``WLAN_SERIAL_CONFIG_DONE``,
    set even by the dialogue's dry run), so the device moves on once the command is over.
    """

    def __init__(
        self,
        *,
        serial: UsbSerial,
        flash: Flash,
        wifi: WifiEnvironment,
        clock: SimClock,
        timing: SetupTiming,
        faults: PhotonFaults,
        leave: asyncio.Event,
        live: LiveFaults | None = None,
        freeze: Freeze | None = None,
        power_cycle: Callable[[], None] | None = None,
    ) -> None:
        """``freeze``: the system's, shared with SoftAP (stalled: no command runs); ``live``
        and ``power_cycle``: the faults a test switches on (a reset, garbled lines)."""
        self._serial = serial
        self._flash = flash
        self._wifi = wifi
        self._clock = clock
        self._base_timing = timing
        self._faults = faults
        self._leave = leave
        self._live = live if live is not None else LiveFaults()
        self._freeze = freeze if freeze is not None else Freeze()
        self._power_cycle = power_cycle
        self._idle = asyncio.Event()
        self._idle.set()
        self.credentials_changed = False  # a `w` saved credentials this session
        self._commands: dict[int, Callable[[], Awaitable[None]]] = {
            ord("i"): self._device_id,
            ord("m"): self._mac_address,
            ord("v"): self._version,
            ord("c"): self._claimed,
            ord("C"): self._claim_code,
            ord("w"): self._wifi_dialogue,
            ord("x"): self._exit,
        }

    @property
    def _timing(self) -> SetupTiming:
        return self._live.setup_timing or self._base_timing

    async def run(self) -> None:
        """The console's share of the listening loop, until the session is over."""
        while not self._leave.is_set():
            byte = await self._serial.read()
            command = self._commands.get(byte)
            if command is None or self._leave.is_set():
                continue
            self._live.arrived(chr(byte))
            self._idle.clear()
            try:
                await self._freeze.alive()
                if self._live.take_reset() and self._power_cycle is not None:
                    self._power_cycle()  # its teardown stops this console, ending this wait
                    await asyncio.Event().wait()
                if self._timing.command_seconds:
                    await self._clock.sleep(self._timing.command_seconds)
                await command()
            finally:
                self._idle.set()

    async def idle(self) -> None:
        """Return once no command is under way: a half-answered dialogue holds listening mode
        (and connect-ap's effect) for as long as it lasts."""
        await self._idle.wait()

    # --- the commands ---------------------------------------------------------------------

    async def _device_id(self) -> None:
        self._print(b"Your device id is " + self._flash.device_id.lower().encode() + b"\r\n")

    async def _mac_address(self) -> None:
        mac = MAC_PREFIX + bytes.fromhex(self._flash.device_id)[-3:]
        self._print(b"Your device MAC address is\r\n" + mac.hex(":").encode() + b"\r\n")

    async def _version(self) -> None:
        self._print(b"system firmware version: " + FIRMWARE_VERSION.encode() + b"\n\r\n")

    async def _claimed(self) -> None:
        self._print(b"Device claimed: " + (b"yes" if self._flash.claimed else b"no") + b"\r\n")

    async def _claim_code(self) -> None:
        self._print(b"Enter 63-digit claim code: ")
        log.info("USB console: waiting for the claim code")
        code = await self._read_line(CLAIM_CODE_BYTES)
        if len(code) == CLAIM_CODE_BYTES:
            self._flash.claim_code = code  # the same storage as SoftAP's `set`
            self._print(b"Claim code set to: " + code)
        else:
            self._print(b"Sorry, claim code is not 63 characters long. Claim code unchanged.")
        self._print(b"\r\n")

    async def _exit(self) -> None:
        self._leave.set()

    async def _wifi_dialogue(self) -> None:
        ssid = b""
        while not ssid:
            self._print(b"SSID: ")
            ssid = await self._read_line(radio.SSID_MAX_BYTES)
        if self._faults.console_scan_hangs:
            log.info("USB console: the scan hangs; nothing more until the device is reset")
            await asyncio.Event().wait()
        log.info("USB console: scanning for the network it was given")
        security, cipher = await self._scan_for(ssid)
        if security == SecurityType.NOT_SET:
            security = SecurityType(await self._read_digit(SECURITY_PROMPT, 0, 5))
        # A placeholder password, so that the dry run does not take the network for open.
        creds = WlanCredentials(ssid, b"" if security == SecurityType.OPEN else b"1", security)
        creds = replace(creds, cipher=cipher)
        checked = await self._add_profile(creds, dry_run=True)
        if checked == wlan.CIPHER_REQUIRED or cipher == Cipher.NOT_SET:
            creds = replace(creds, cipher=Cipher(await self._read_digit(CIPHER_PROMPT, 1, 3)))
        if SecurityType.WEP <= security <= SecurityType.WPA2:
            self._print(b"Password: ")
            creds = replace(creds, password=await self._read_line(PASSWORD_MAX_BYTES))
        elif security.is_enterprise:
            creds = await self._enterprise_dialogue(creds)
        self._print(SAVING)
        self._print(AWESOME if await self._add_profile(creds) == 0 else DERP)

    # --- the `w` dialogue's parts -----------------------------------------------------------

    async def _scan_for(self, ssid: bytes) -> tuple[SecurityType, Cipher]:
        """The security and cipher of the last access point heard with exactly this SSID."""
        security, cipher = SecurityType.NOT_SET, Cipher.NOT_SET
        async for entry in radio.scan(self._clock, self._wifi, self._timing.scan_seconds):
            if entry.ssid and _c_string(entry.ssid) == ssid:
                security, cipher = coarse_security(entry.sec), wlan.scanned_cipher(entry.sec)
        return security, cipher

    async def _add_profile(self, creds: WlanCredentials, *, dry_run: bool = False) -> int:
        """``network_set_credentials``: an empty password makes any non-Enterprise network
        open, then ``wlan_set_credentials``."""
        if not creds.security.is_enterprise and not creds.password:
            creds = replace(creds, security=SecurityType.OPEN)
        result = await wlan.set_credentials(
            self._flash, creds, self._find_security, dry_run=dry_run
        )
        if result == 0:
            self._leave.set()
            if not dry_run:
                self.credentials_changed = True
        return result

    async def _find_security(self, ssid: bytes) -> int | None:
        return await radio.find_security(self._clock, self._wifi, ssid, self._timing.scan_seconds)

    async def _enterprise_dialogue(self, creds: WlanCredentials) -> WlanCredentials:
        eap = await self._read_digit(EAP_PROMPT, 0, 1)
        identity = certificate = private_key = b""
        password = creds.password
        if eap == 1:
            self._print(b"Client certificate in PEM format:\r\n")
            certificate = _certificate_der(await self._read_lines(CERTIFICATE_MAX_BYTES))
            self._print(b"Private key in PEM format:\r\n")
            private_key = _private_key_der(await self._read_lines(PRIVATE_KEY_MAX_BYTES))
        else:
            self._print(b"Username: ")
            identity = await self._read_line(IDENTITY_MAX_BYTES)
            self._print(b"Password: ")
            password = await self._read_line(PASSWORD_MAX_BYTES)
        self._print(b"Outer identity (optional): ")
        outer = await self._read_line(IDENTITY_MAX_BYTES)
        self._print(b"Root CA in PEM format (optional):\r\n")
        ca_text = await self._read_lines(CERTIFICATE_MAX_BYTES)
        ca = _certificate_der(ca_text) if ca_text.strip() else b""
        eap_type = EapType.TLS if eap == 1 else EapType.PEAP
        config = wlan.enterprise_config(
            eap_type=eap_type,
            inner_identity=identity,
            outer_identity=outer,
            password=password,
            client_certificate=certificate,
            private_key=private_key,
            ca_certificate=ca,
        )
        return replace(creds, password=password, eap_type=eap_type, enterprise=config)

    # --- reading and writing ----------------------------------------------------------------

    def _print(self, text: bytes) -> None:
        self._serial.write(GARBAGE if self._live.garble else text)

    async def _read_digit(self, prompt: bytes, low: int, high: int) -> int:
        """Prompt until the line starts with a digit from ``low`` to ``high``."""
        while True:
            self._print(prompt)
            line = await self._read_line(1)
            if line and low <= line[0] - ord("0") <= high:
                return line[0] - ord("0")

    async def _read_line(self, max_len: int, *, discard: bool = True) -> bytes:
        """``read_line``: ``serialReadLine``, then CR LF, then the input already waiting is
        thrown away.

        A line ends at CR or LF, or at the byte after ``max_len`` stored ones (taken, not
        stored); neither is echoed. Stored bytes are echoed; 0x08 and 0x7F delete one and are
        echoed, except on an empty line, where they are ignored. The text ends at a NUL.
        """
        line = bytearray()
        while True:
            byte = await self._serial.read()
            if len(line) == max_len or byte in (CR, LF):
                break
            if byte in (BACKSPACE, DELETE):
                if not line:
                    continue
                line.pop()
            else:
                line.append(byte)
            self._print(bytes([byte]))
        self._print(b"\r\n")
        if discard:
            self._serial.discard_input()
        return _c_string(bytes(line))

    async def _read_lines(self, max_len: int) -> bytes:
        """``read_multiline``: lines joined by CR LF until an empty one; nothing is thrown away
        between lines (a pasted PEM arrives at once), only at the end of a full buffer."""
        text = b""
        while max_len - len(text) > 3:
            line = await self._read_line(max_len - len(text), discard=False)
            if not line:
                return text
            text += line + b"\r\n"
        self._serial.discard_input()
        return text


def _c_string(data: bytes) -> bytes:
    return data.split(b"\0", 1)[0]


def _certificate_der(pem: bytes) -> bytes:
    """``mbedtls_x509_crt_pem_to_der``: nothing when the text is not a PEM certificate."""
    try:
        return x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
    except ValueError:
        return b""


def _private_key_der(pem: bytes) -> bytes:
    """``mbedtls_pk_pem_to_der``: nothing when the text is not an unencrypted PEM key."""
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return b""
    return key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
