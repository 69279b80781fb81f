"""The seven SoftAP commands (softap-protocol.md §3), shared by the TCP and the HTTP server.

Replies are written by hand, byte for byte as the firmware writes them (SSIDs unescaped,
``b`` before ``r``). A request the firmware cannot parse produces no JSON at all.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.photon import radio, wlan
from setup_wizard.sim.photon.faults import PhotonFaults
from setup_wizard.sim.photon.flash import (
    CLAIM_CODE_BYTES,
    EapType,
    EnterpriseConfig,
    Flash,
)
from setup_wizard.sim.photon.freeze import Freeze
from setup_wizard.sim.photon.jsonbody import Kind, Member, atoi, json_unescape, parse_flat_object
from setup_wizard.sim.photon.keys import KEY_BYTES, DecryptError, hex_decode
from setup_wizard.sim.photon.live_faults import GARBAGE, LiveFaults
from setup_wizard.sim.photon.security import SecurityType, coarse_security
from setup_wizard.sim.photon.timing import SetupTiming
from setup_wizard.sim.wifi import WifiEnvironment

log = logging.getLogger(__name__)

COMMAND_NAMES = frozenset(
    {"version", "device-id", "scan-ap", "configure-ap", "connect-ap", "public-key", "set"}
)


# The body is read into one malloc'd buffer; a Photon in listening mode has about this much
# heap, so a larger announced length fails the allocation (and the request) outright.
FREE_HEAP_BYTES = 40_000

_SET_SCHEMA = {b"k": Kind.STRING, b"v": Kind.STRING}
_CONFIGURE_AP_SCHEMA = {
    b"idx": Kind.PRIMITIVE,
    b"ssid": Kind.STRING,
    b"pwd": Kind.STRING,
    b"ch": Kind.PRIMITIVE,
    b"sec": Kind.PRIMITIVE,
    b"eap": Kind.PRIMITIVE,
    b"oi": Kind.STRING,
    b"ii": Kind.STRING,
    b"crt": Kind.STRING,
    b"ek": Kind.STRING,
    b"key": Kind.STRING,
    b"ca": Kind.STRING,
}


class ReplySink(Protocol):
    """Where a command's JSON goes (the TCP stream, or HTTP chunks)."""

    async def write(self, data: bytes) -> None: ...


class DiscardedReply:
    """The sink of a reply that never reaches the client (the lost connect-ap reply)."""

    async def write(self, data: bytes) -> None:
        return None


class _GarbledReply:
    """A reply mangled on the way: ``GARBAGE`` goes out instead of the JSON."""

    def __init__(self, out: ReplySink) -> None:
        self._out = out
        self._sent = False

    async def write(self, data: bytes) -> None:
        if not self._sent:
            self._sent = True
            await self._out.write(GARBAGE)


class RequestBody(Protocol):
    """The request body, read only by the commands that take one."""

    async def read(self) -> bytes | None:
        """The whole body, or None when the device could not get it (no memory, client gone)."""
        ...


@dataclass(frozen=True)
class _ConfigureRequest:
    ssid: bytes = b""
    pwd: bytes | None = None
    channel: int = 0
    sec: int | None = None
    eap: int = EapType.NONE
    inner_identity: bytes = b""
    outer_identity: bytes = b""
    certificate: bytes = b""
    encrypted_key: bytes | None = None
    private_key: bytes = b""
    ca_certificate: bytes = b""


class SoftApCommands:
    """One listening session's command objects; they run one at a time."""

    def __init__(
        self,
        *,
        flash: Flash,
        wifi: WifiEnvironment,
        clock: SimClock,
        timing: SetupTiming,
        faults: PhotonFaults,
        freeze: Freeze,
        on_connect: Callable[[], None],
        live: LiveFaults | None = None,
        power_cycle: Callable[[], None] | None = None,
    ) -> None:
        self._flash = flash
        self._wifi = wifi
        self._clock = clock
        self._base_timing = timing
        self._faults = faults
        self._live = live if live is not None else LiveFaults()
        self._power_cycle = power_cycle
        self._freeze = freeze
        self._on_connect = on_connect
        self._lock = asyncio.Lock()
        self.credentials_changed = False  # a configure-ap stored something this session

    @property
    def _timing(self) -> SetupTiming:
        return self._live.setup_timing or self._base_timing

    @staticmethod
    def knows(name: str) -> bool:
        return name in COMMAND_NAMES

    def loses_reply(self, name: str) -> bool:
        """Whether this command's reply is lost on the way (the drop_connect_ap_reply fault)."""
        return name == "connect-ap" and self._faults.drop_connect_ap_reply

    async def execute(self, name: str, body: RequestBody, out: ReplySink) -> None:
        self._live.arrived(name)
        async with self._lock:
            log.debug("SoftAP command %s", name)
            if self._live.take_reset() and self._power_cycle is not None:
                self._power_cycle()  # its teardown drops this connection, ending this wait
                await asyncio.Event().wait()
            if self._live.garble:
                out = _GarbledReply(out)
            if self._timing.command_seconds:
                await self._clock.sleep(self._timing.command_seconds)
            if name == "version":
                await out.write(b'{"v":2}')
            elif name == "device-id":
                claimed = b"1" if self._flash.claimed else b"0"
                device_id = self._flash.device_id.encode()
                await out.write(b'{"id":"' + device_id + b'","c":"' + claimed + b'"}')
            elif name == "public-key":
                hex_key = self._flash.key.public_window().hex().upper().encode()
                await out.write(b'{"b":"' + hex_key + b'","r":0}')
            elif name == "scan-ap":
                await self._scan_ap(out)
            elif name == "set":
                await self._set(body, out)
            elif name == "configure-ap":
                await self._configure_ap(body, out)
            elif name == "connect-ap":
                try:
                    await out.write(b'{"r":0}')
                finally:
                    self._on_connect()  # setup is complete whether or not the reply got out
            else:
                raise ValueError(f"not a SoftAP command: {name}")

    async def _scan_ap(self, out: ReplySink) -> None:
        await out.write(b'{"scans":[')
        stall_after = self._faults.scan_stalls_after
        written = 0
        async for entry in radio.scan(self._clock, self._wifi, self._timing.scan_seconds):
            if not entry.ssid:
                continue
            if stall_after is not None and written >= stall_after:
                await self._freeze.hang()
            fields = [
                b'"ssid":"' + entry.ssid + b'"',  # unescaped, as the firmware writes it
                b'"rssi":%d' % entry.rssi,
                b'"sec":%d' % entry.sec,
                b'"ch":%d' % entry.channel,
                b'"mdr":%d' % entry.mdr,
            ]
            await out.write((b"," if written else b"") + b"{" + b",".join(fields) + b"}")
            written += 1
        await out.write(b"]}")

    async def _set(self, body: RequestBody, out: ReplySink) -> None:
        members = await _read_members(body, _SET_SCHEMA)
        if members is None:
            return
        key = value = b""
        for member in members:
            if member.key == b"k":
                key = member.raw[:2]
            else:
                value = member.raw[:CLAIM_CODE_BYTES]
        if key and value and key == b"cc":
            self._flash.claim_code = value
            await out.write(b'{"r":0}')
        else:
            await out.write(b'{"r":-1}')

    async def _configure_ap(self, body: RequestBody, out: ReplySink) -> None:
        members = await _read_members(body, _CONFIGURE_AP_SCHEMA)
        if members is None:
            return
        request = _configure_request(members)
        if request is None:
            return
        result = await self._save_credentials(request)
        await out.write(b'{"r":%d}' % result)

    async def _save_credentials(self, req: _ConfigureRequest) -> int:
        """§3.6 steps 1-5, in the firmware's order; returns the ``r`` code."""
        try:
            password = self._decrypt_password(req.pwd)
            ek = req.encrypted_key
            aes_key = self._decrypt_hex(ek) if ek is not None and len(ek) >= 2 else None
        except DecryptError as exc:
            return exc.code
        creds = wlan.WlanCredentials(
            ssid=req.ssid,
            password=password,
            # configure-ap carries a WICED value; the firmware keeps only its coarse type.
            security=coarse_security(req.sec) if req.sec is not None else SecurityType.OPEN,
            channel=req.channel,
            eap_type=req.eap,
            enterprise=(
                _enterprise_config(req, password, aes_key) if req.eap != EapType.NONE else None
            ),
        )
        result = await wlan.set_credentials(self._flash, creds, self._find_security)
        if result == 0:
            self.credentials_changed = True
        return result

    async def _find_security(self, ssid: bytes) -> int | None:
        return await radio.find_security(self._clock, self._wifi, ssid, self._timing.scan_seconds)

    def _decrypt_password(self, pwd: bytes | None) -> bytes:
        """Two or more characters: hex of an RSA ciphertext. Fewer: the password itself."""
        if pwd is None:
            return b""
        if len(pwd) < 2:
            return pwd
        return self._decrypt_hex(pwd).split(b"\0", 1)[0]  # the firmware keeps a C string

    def _decrypt_hex(self, text: bytes) -> bytes:
        ciphertext = hex_decode(text, 2 * KEY_BYTES)
        return self._flash.key.decrypt(ciphertext, max_plaintext=len(text))


async def _read_members(body: RequestBody, schema: Mapping[bytes, Kind]) -> list[Member] | None:
    raw = await body.read()
    if not raw:
        return None
    return parse_flat_object(raw, schema)


def _configure_request(members: list[Member]) -> _ConfigureRequest | None:
    """The request's fields; a duplicated key counts as its last value, as in the firmware."""
    req = _ConfigureRequest()
    for member in members:
        key, raw = member.key, member.raw
        if key == b"ssid":
            req = replace(req, ssid=raw)
        elif key == b"pwd":
            req = replace(req, pwd=raw)
        elif key == b"ch":
            req = replace(req, channel=atoi(raw))
        elif key == b"sec":
            req = replace(req, sec=atoi(raw))
        elif key == b"eap":
            req = replace(req, eap=atoi(raw))
        elif key == b"ii":
            req = replace(req, inner_identity=raw)
        elif key == b"oi":
            req = replace(req, outer_identity=raw)
        elif key == b"ek":
            req = replace(req, encrypted_key=raw)
        elif key == b"key":
            req = replace(req, private_key=raw)
        elif key in (b"crt", b"ca"):
            text = json_unescape(raw)
            if text is None:
                return None
            if key == b"crt":
                req = replace(req, certificate=text)
            else:
                req = replace(req, ca_certificate=text)
    return req


def _enterprise_config(
    req: _ConfigureRequest, password: bytes, aes_key: bytes | None
) -> EnterpriseConfig | None:
    private_key = b""
    if req.private_key and aes_key is not None and len(aes_key) >= 32:
        private_key = _aes_cbc_decrypt(aes_key, req.private_key)
    return wlan.enterprise_config(
        eap_type=req.eap,
        inner_identity=req.inner_identity,
        outer_identity=req.outer_identity,
        password=password,
        client_certificate=req.certificate,
        private_key=private_key,
        ca_certificate=req.ca_certificate,
    )


def _aes_cbc_decrypt(kiv: bytes, hex_text: bytes) -> bytes:
    """The EAP-TLS private key: hex of AES-128-CBC with key ‖ IV from the RSA-sent 32 bytes."""
    data = hex_decode(hex_text, len(hex_text) // 2)
    data = data[: len(data) - len(data) % 16]
    if not data:
        return b""
    decryptor = Cipher(algorithms.AES(kiv[:16]), modes.CBC(kiv[16:32])).decryptor()
    plain = decryptor.update(data) + decryptor.finalize()
    pad = plain[-1]
    if 1 <= pad <= 16 and plain.endswith(bytes([pad]) * pad):
        plain = plain[:-pad]
    return plain.rstrip(b"\0")
