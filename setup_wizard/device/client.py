"""The Photon setup client: typed commands over TCP 5609 with HTTP 80 as the fallback.

Transport policy (§2.4):
- one command at a time: the firmware shares one object per command between both servers;
- TCP first. A command that cannot connect over TCP goes over HTTP, and so does one whose
  TCP reply never starts as long as TCP has not answered yet (the known first-command hang);
- TCP is given up for the session once HTTP answered where TCP could not connect, or after
  a few of those first-command hangs;
- retries only where resending is harmless: read-only commands, ``set``, ``configure-ap``
  (idempotent: the same SSID replaces its own slot, so it is sent once more after a timeout);
- a busy web server (HTTP 5xx) never ran the command: it is asked once more after a pause;
- ``connect-ap`` is sent again only while it reaches neither server; once it may have been
  delivered it is not repeated: a lost reply means "probably accepted", and the caller
  confirms it another way (the access point disappears, the device shows up online).

A client holds no connection and no TLS context: opening one costs nothing, so the flow may
make one per step.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self, TypeVar

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.body import json_body
from setup_wizard.device.errors import (
    DeviceBusyError,
    DeviceError,
    DeviceReplyUnreadableError,
    DeviceTimeoutError,
    DeviceUnreachableError,
    ScanTimeoutError,
    claim_code_rejection,
    configure_rejection,
    generic_rejection,
)
from setup_wizard.device.keys import DevicePublicKey
from setup_wizard.device.models import ConnectResult, DeviceInfo, WifiNetwork
from setup_wizard.device.policy import TransportPolicy
from setup_wizard.device.replies import (
    parse_device_info,
    parse_key_reply,
    parse_scan_reply,
    parse_version,
    result_code,
)
from setup_wizard.device.security import Security
from setup_wizard.device.transport import (
    BusyReplyError,
    ForeignReplyError,
    IncompleteReplyError,
    NotDeliveredError,
    Transport,
    http_exchange,
    tcp_exchange,
)
from setup_wizard.device.validation import (
    check_channel,
    check_ssid,
    claim_code_bytes,
    password_plaintext,
    typed_ssid,
)
from setup_wizard.secret import ClaimCode, WifiPassword

log = logging.getLogger(__name__)

T = TypeVar("T")

_CONNECT_AP_BODY = b'{"idx":0}'  # ignored by the firmware; what the official clients send


@dataclass
class _Tries:
    """How one command has fared so far, and whether it may be sent again."""

    policy: TransportPolicy
    #: How many tries a command that timed out gets in all (``None``: like any failure).
    timeout_tries: int | None = None
    attempt: int = 1
    timeouts: int = 0
    busy: int = 0

    def again_after(self, error: NotDeliveredError | IncompleteReplyError | DeviceError) -> bool:
        """Count the failure; True if the command may be sent again."""
        if isinstance(error, BusyReplyError):
            self.busy += 1
            return self.busy <= 1  # "busy, try once more after a pause" (§2.3)
        if isinstance(error, IncompleteReplyError) and error.timed_out:
            self.timeouts += 1
            if self.timeout_tries is not None and self.timeouts >= self.timeout_tries:
                return False
        return self.attempt < max(1, self.policy.attempts)

    async def pause(self) -> None:
        await asyncio.sleep(self.policy.retry_delay(self.attempt))
        self.attempt += 1


class PhotonClient:
    """Talks to one Photon in listening mode. Use as ``async with PhotonClient(...) as photon``."""

    def __init__(
        self,
        address: DeviceAddress | None = None,
        *,
        policy: TransportPolicy | None = None,
        prefer: Transport = Transport.TCP,
    ) -> None:
        self._address = address or DeviceAddress()
        self._policy = policy or TransportPolicy()
        self._transport = prefer
        self._tcp_hangs = 0
        self._tcp_answered = False
        self._lock = asyncio.Lock()
        self._device_id: str | None = None
        self._key: DevicePublicKey | None = None

    @property
    def address(self) -> DeviceAddress:
        return self._address

    @property
    def transport(self) -> Transport:
        """The transport the next command tries first."""
        return self._transport

    async def aclose(self) -> None:
        """Nothing to release (every command opens and closes its own connection)."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    # -- commands ----------------------------------------------------------------------------

    async def version(self) -> int:
        """The setup protocol version (2 on all shipped firmware)."""
        return await self._run("version", None, self._policy.quick_timeout, parse_version)

    async def device_info(self) -> DeviceInfo:
        """Device ID (lower case) and whether it was ever claimed."""
        info = await self._run("device-id", None, self._policy.quick_timeout, parse_device_info)
        if info.device_id != self._device_id:
            self._device_id, self._key = info.device_id, None  # another Photon: forget its key
        return info

    async def public_key(self) -> DevicePublicKey:
        """The key the Wi-Fi password is encrypted with (fetched again on every call)."""
        self._key = await self._run("public-key", None, self._policy.quick_timeout, parse_key_reply)
        return self._key

    async def scan(self) -> list[WifiNetwork]:
        """Networks the Photon itself can see, one per SSID, strongest first."""
        return await self._run(
            "scan-ap", None, self._policy.scan_timeout, parse_scan_reply, timeout_tries=1
        )

    async def set_claim_code(self, code: ClaimCode) -> None:
        """Give the device the claim code it presents to the cloud when it first connects."""
        body = json_body([("k", b"cc"), ("v", claim_code_bytes(code))])

        def check(payload: bytes) -> None:
            result = result_code("set", payload) if payload else None
            if result != 0:
                raise claim_code_rejection(result)

        await self._run("set", body, self._policy.quick_timeout, check)

    async def configure(
        self,
        network: WifiNetwork | str,
        security: Security | None = None,
        password: WifiPassword | None = None,
        channel: int | None = None,
    ) -> None:
        """Store Wi-Fi credentials on the device (it joins only after :meth:`connect`).

        ``network`` is a scan result, whose exact SSID bytes are sent back, or an SSID typed
        by hand, sent as UTF-8 (then ``security`` is required). Everything is validated
        before anything is sent.
        """
        if isinstance(network, WifiNetwork):
            shown, raw_ssid = network.ssid, network.raw_ssid
            security = network.security if security is None else security
            channel = network.channel if channel is None else channel
        else:
            shown, raw_ssid = network, typed_ssid(network)
            if security is None:
                raise TypeError("configure() needs the security type with a typed-in SSID")
        check_ssid(raw_ssid)
        check_channel(channel)
        plaintext = password_plaintext(security, password)

        members: list[tuple[str, bytes | int]] = [("idx", 0), ("ssid", raw_ssid)]
        if plaintext is not None:
            key = self._key or await self.public_key()
            members.append(("pwd", key.encrypt_hex(plaintext).encode("ascii")))
        members.append(("sec", int(security)))
        members.append(("ch", channel or 0))  # 0: unknown, the firmware looks it up itself

        def check(payload: bytes) -> None:
            result = result_code("configure-ap", payload) if payload else None
            if result != 0:
                raise configure_rejection(result, shown)

        log.info("sending Wi-Fi settings for %r (%s)", shown, security.label)
        await self._run(
            "configure-ap",
            json_body(members),
            self._policy.configure_timeout,
            check,
            timeout_tries=1 + max(0, self._policy.configure_resends),
        )

    async def connect(self) -> ConnectResult:
        """Tell the device to leave setup mode and join the configured network.

        Tried again only while no server takes the connection (the device never saw it);
        once sent, never repeated. The device drops its access point right after answering,
        so a lost reply is normal and reported as :attr:`ConnectResult.PROBABLY_ACCEPTED`.
        """
        async with self._lock:
            tries = _Tries(self._policy)
            while True:
                try:
                    payload = await self._once(
                        "connect-ap",
                        _CONNECT_AP_BODY,
                        self._policy.connect_ap_timeout,
                        resend=False,
                    )
                    break
                except NotDeliveredError as error:
                    if not tries.again_after(error):
                        raise self._failure("connect-ap", error) from error
                    log.info("connect-ap not delivered (%s); trying again", error)
                except IncompleteReplyError as error:
                    log.info("connect-ap: %s; the device probably accepted it", error)
                    return ConnectResult.PROBABLY_ACCEPTED
                except ForeignReplyError as error:
                    raise DeviceReplyUnreadableError("connect-ap", error.detail) from error
                await tries.pause()
        try:
            code = result_code("connect-ap", payload)
        except DeviceReplyUnreadableError:
            log.info("connect-ap: reply empty or cut short; the device probably accepted it")
            return ConnectResult.PROBABLY_ACCEPTED
        if code != 0:
            raise generic_rejection("connect-ap", code)
        return ConnectResult.ACCEPTED

    # -- the exchange ------------------------------------------------------------------------

    async def _run(
        self,
        name: str,
        body: bytes | None,
        reply_timeout: float,
        parse: Callable[[bytes], T],
        *,
        timeout_tries: int | None = None,
    ) -> T:
        """One resend-safe command: exchange, parse, and try again on a transient failure.

        ``timeout_tries`` limits the tries of a command that times out: ``scan-ap`` waits
        long already, and a device that stays silent that long is stuck until it is reset.
        """
        async with self._lock:
            tries = _Tries(self._policy, timeout_tries)
            while True:
                try:
                    return parse(await self._once(name, body, reply_timeout, resend=True))
                except ForeignReplyError as error:
                    raise DeviceReplyUnreadableError(name, error.detail) from error
                except (
                    NotDeliveredError,
                    IncompleteReplyError,
                    DeviceReplyUnreadableError,
                ) as error:
                    if not tries.again_after(error):
                        if isinstance(error, DeviceError):
                            raise
                        raise self._failure(name, error) from error
                    log.info("%s failed (%s); trying again", name, error)
                await tries.pause()

    def _failure(self, name: str, error: NotDeliveredError | IncompleteReplyError) -> DeviceError:
        if isinstance(error, BusyReplyError):
            return DeviceBusyError(name)
        if isinstance(error, NotDeliveredError):
            return DeviceUnreachableError(
                self._address, local_address_missing=error.local_address_missing
            )
        if name == "scan-ap":
            return ScanTimeoutError()
        return DeviceTimeoutError(name)

    async def _once(
        self, name: str, body: bytes | None, reply_timeout: float, *, resend: bool
    ) -> bytes:
        """One exchange: over TCP, or over HTTP when TCP is given up or did not get through.

        ``resend`` allows HTTP to repeat a command TCP may have delivered but got no reply to.
        """
        connect_timeout = self._policy.connect_timeout
        if self._transport is Transport.TCP:
            try:
                payload = await tcp_exchange(
                    self._address,
                    name,
                    body or b"",
                    connect_timeout=connect_timeout,
                    reply_timeout=reply_timeout,
                )
            except NotDeliveredError as error:
                if error.local_address_missing:
                    raise  # HTTP would leave from the same missing address
                tcp_error: Exception = error
            except IncompleteReplyError as error:
                # Only the first TCP command is known to hang for no reason; later silence is
                # the device being busy or stuck, which HTTP would not fix.
                if error.got_anything or not resend or self._tcp_answered:
                    raise
                tcp_error = error
            else:
                self._tcp_answered = True
                return payload
            log.info("%s over TCP failed (%s); trying HTTP", name, tcp_error)
            payload = await self._over_http(name, body, reply_timeout)
            self._note_tcp_failure(tcp_error)
            return payload
        return await self._over_http(name, body, reply_timeout)

    async def _over_http(self, name: str, body: bytes | None, reply_timeout: float) -> bytes:
        return await http_exchange(
            self._address,
            name,
            body,
            connect_timeout=self._policy.connect_timeout,
            reply_timeout=reply_timeout,
        )

    def _note_tcp_failure(self, error: Exception) -> None:
        """HTTP answered where TCP did not: decide whether TCP is worth trying next time."""
        self._tcp_hangs += 1
        if (
            isinstance(error, NotDeliveredError)
            or self._tcp_hangs >= self._policy.tcp_hangs_before_http_only
        ):
            log.info("TCP setup server does not answer; using HTTP for the rest of this session")
            self._transport = Transport.HTTP
