"""The Photon setup client: typed commands over TCP 5609 with HTTP 80 as the fallback.

Transport policy (§2.4):
- one command at a time: the firmware shares one object per command between both servers;
- TCP first. A command that cannot connect over TCP goes over HTTP, and so does one whose
  TCP reply never starts as long as TCP has not answered yet (the known first-command hang);
- TCP is given up for the session once HTTP answered where TCP could not connect, or after
  a few of those first-command hangs;
- retries only where resending is harmless: read-only commands, ``set``, ``configure-ap``;
- ``connect-ap`` is sent again only while it reaches neither server; once it may have been
  delivered it is not repeated: a lost reply means "probably accepted", and the caller
  confirms it another way (the access point disappears, the device shows up online).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from types import TracebackType
from typing import Self, TypeVar

import httpx

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.errors import (
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
    ForeignReplyError,
    IncompleteReplyError,
    NotDeliveredError,
    Transport,
    http_exchange,
    new_http_client,
    tcp_exchange,
)
from setup_wizard.device.validation import (
    check_channel,
    check_ssid,
    claim_code_text,
    password_plaintext,
)
from setup_wizard.secret import ClaimCode, WifiPassword

log = logging.getLogger(__name__)

T = TypeVar("T")

_CONNECT_AP_BODY = b'{"idx":0}'  # ignored by the firmware; what the official clients send


def _json_body(document: dict[str, object]) -> bytes:
    """Compact JSON with non-ASCII kept as raw UTF-8: the firmware does not unescape ``\\u``."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class PhotonClient:
    """Talks to one Photon in listening mode. Use as ``async with PhotonClient(...) as photon``."""

    def __init__(
        self,
        address: DeviceAddress | None = None,
        *,
        policy: TransportPolicy | None = None,
        http: httpx.AsyncClient | None = None,
        prefer: Transport = Transport.TCP,
    ) -> None:
        self._address = address or DeviceAddress()
        self._policy = policy or TransportPolicy()
        self._http = http or new_http_client()
        self._owns_http = http is None
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
        if self._owns_http:
            await self._http.aclose()

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
            "scan-ap", None, self._policy.scan_timeout, parse_scan_reply, retry_timeouts=False
        )

    async def set_claim_code(self, code: ClaimCode) -> None:
        """Give the device the claim code it presents to the cloud when it first connects."""
        body = _json_body({"k": "cc", "v": claim_code_text(code)})

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

        ``network`` is a scan result, or an SSID typed by hand (then ``security`` is
        required). Everything is validated before anything is sent.
        """
        if isinstance(network, WifiNetwork):
            ssid = network.ssid
            security = network.security if security is None else security
            channel = network.channel if channel is None else channel
        else:
            ssid = network
            if security is None:
                raise TypeError("configure() needs the security type with a typed-in SSID")
        check_ssid(ssid)
        check_channel(channel)
        plaintext = password_plaintext(security, password)

        request: dict[str, object] = {"idx": 0, "ssid": ssid}
        if plaintext is not None:
            key = self._key or await self.public_key()
            request["pwd"] = key.encrypt_hex(plaintext)
        request["sec"] = int(security)
        request["ch"] = channel or 0  # 0: unknown, the firmware looks the network up itself

        def check(payload: bytes) -> None:
            result = result_code("configure-ap", payload) if payload else None
            if result != 0:
                raise configure_rejection(result, ssid)

        log.info("sending Wi-Fi settings for %r (%s)", ssid, security.label)
        await self._run(
            "configure-ap",
            _json_body(request),
            self._policy.configure_timeout,
            check,
            retry_timeouts=False,
        )

    async def connect(self) -> ConnectResult:
        """Tell the device to leave setup mode and join the configured network.

        Tried again only while no server takes the connection (the device never saw it);
        once sent, never repeated. The device drops its access point right after answering,
        so a lost reply is normal and reported as :attr:`ConnectResult.PROBABLY_ACCEPTED`.
        """
        async with self._lock:
            attempts = max(1, self._policy.attempts)
            attempt = 1
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
                    if attempt >= attempts:
                        raise DeviceUnreachableError(self._address) from error
                    log.info(
                        "connect-ap not delivered (%s); try %d of %d", error, attempt + 1, attempts
                    )
                except IncompleteReplyError as error:
                    log.info("connect-ap: %s; the device probably accepted it", error)
                    return ConnectResult.PROBABLY_ACCEPTED
                except ForeignReplyError as error:
                    raise DeviceReplyUnreadableError("connect-ap", str(error)) from error
                await asyncio.sleep(self._policy.retry_delay(attempt))
                attempt += 1
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
        retry_timeouts: bool = True,
    ) -> T:
        """One resend-safe command: exchange, parse, and try again on a transient failure.

        A timeout is retried only for quick commands: ``scan-ap`` and ``configure-ap`` wait
        long already, and a device that stays silent that long is stuck until it is reset.
        """
        async with self._lock:
            attempts = max(1, self._policy.attempts)
            attempt = 1
            while True:
                try:
                    return parse(await self._once(name, body, reply_timeout, resend=True))
                except ForeignReplyError as error:
                    raise DeviceReplyUnreadableError(name, str(error)) from error
                except (
                    NotDeliveredError,
                    IncompleteReplyError,
                    DeviceReplyUnreadableError,
                ) as error:
                    timed_out = isinstance(error, IncompleteReplyError) and error.timed_out
                    if attempt >= attempts or (timed_out and not retry_timeouts):
                        if isinstance(error, DeviceError):
                            raise
                        raise self._failure(name, error) from error
                    log.info("%s failed (%s); try %d of %d", name, error, attempt + 1, attempts)
                await asyncio.sleep(self._policy.retry_delay(attempt))
                attempt += 1

    def _failure(self, name: str, error: NotDeliveredError | IncompleteReplyError) -> DeviceError:
        if isinstance(error, NotDeliveredError):
            return DeviceUnreachableError(self._address)
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
            self._http,
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
