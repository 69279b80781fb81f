"""The Photon's listening-mode console over USB, as a typed async client (softap-protocol.md §10).

The console is prompt-driven, like particle-cli's ``serial wifi``: send a command byte, wait
for the prompt, answer with one line, and only then go on. Never earlier: after each line
the device throws away any input already waiting. The device echoes every byte of an answer
and then prints CR LF; the echo is checked, so an answer that arrived changed is caught
before the device acts on the next one.

Success and failure are the device's own lines ("Claim code set to: …", "Awesome", "Derp").
Nothing read from the console is logged: the echo holds the password and the claim code.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
from collections.abc import Coroutine
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from setup_wizard.device.errors import DeviceError
from setup_wizard.device.models import DeviceInfo
from setup_wizard.device.security import Security
from setup_wizard.device.usb import prompts
from setup_wizard.device.usb.checks import check_usb_claim_code, check_usb_input
from setup_wizard.device.usb.errors import (
    UsbClaimCodeRefusedError,
    UsbCredentialsRefusedError,
    UsbEnterpriseNetworkError,
    UsbPasswordNeededError,
    UsbReplyUnreadableError,
    UsbTimeoutError,
)
from setup_wizard.device.usb.link import SerialLink
from setup_wizard.device.usb.prompts import Step
from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.secret import ClaimCode, WifiPassword

log = logging.getLogger(__name__)

_DEVICE_ID = re.compile(rb"[0-9A-Fa-f]{24}")
_TOO_SHORT_FOR_ANY_KEY = b"-"  # WEP keys have at least 5 characters, WPA passphrases 8
_MAX_WIFI_STEPS = 8  # security, cipher, password, "Thanks", outcome: a few to spare

_ESCAPE = {
    Step.SSID: _TOO_SHORT_FOR_ANY_KEY,
    Step.SECURITY: b"3",
    Step.CIPHER: b"1",
    Step.PASSWORD: _TOO_SHORT_FOR_ANY_KEY,
}
"""How a cancelled dialogue's questions are answered so that nothing is saved."""
_WIFI_STEPS_OR_SSID = re.compile(
    rb"(?P<ssid>" + prompts.SSID_PROMPT.pattern + rb")|" + prompts.WIFI_STEPS.pattern
)
"""Leaving a dialogue cancelled before its first question was seen starts at that question."""


async def _finish_even_if_cancelled(work: Coroutine[Any, Any, None]) -> None:
    """Run ``work`` to its end even when the caller is cancelled again meanwhile."""
    task = asyncio.ensure_future(work)
    while not task.done():
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            continue
    task.result()


# What the console was doing when it fell silent ("… stopped answering (while {doing})").
_READING_ID = QT_TRANSLATE_NOOP("Device", "reading its device ID")
_SETTING_CLAIM_CODE = QT_TRANSLATE_NOOP("Device", "taking the claim code")
_ASKING = QT_TRANSLATE_NOOP("Device", "asking for the Wi-Fi network")
_LOOKING = QT_TRANSLATE_NOOP("Device", "looking for the Wi-Fi network")
_ANSWERING = QT_TRANSLATE_NOOP("Device", "answering its questions about the Wi-Fi network")
_SAVING = QT_TRANSLATE_NOOP("Device", "saving the Wi-Fi settings")

_NOT_ECHOED = QT_TRANSLATE_NOOP("Device", "it did not repeat what was sent")
_BAD_DEVICE_ID = QT_TRANSLATE_NOOP("Device", "its device ID is not 24 hexadecimal digits")
_OTHER_CLAIM_CODE = QT_TRANSLATE_NOOP("Device", "it confirmed a claim code other than the one sent")
_ENDLESS = QT_TRANSLATE_NOOP("Device", "it kept asking about the Wi-Fi network")


@dataclass(frozen=True)
class UsbTiming:
    """How long the console may stay silent, in seconds."""

    prompt: float = 5.0
    """For a prompt or a line printed at once (particle-cli waits 5 s between prompts)."""
    scan: float = 20.0
    """After the SSID: the device scans for the network before it prints anything."""
    save: float = 20.0
    """After the password: the device checks the settings and writes them to flash."""
    leave: float = 10.0
    """Ending a dialogue the person cancelled halfway (a scan under way finishes first)."""


class UsbConsole:
    """One Photon's console on a serial port: ``async with UsbConsole(path) as console``.

    One command at a time (a lock); all blocking serial calls run outside the event loop.
    """

    def __init__(self, path: str, *, timing: UsbTiming | None = None) -> None:
        self._path = path
        self._timing = timing or UsbTiming()
        self._link: SerialLink | None = None
        self._lock = asyncio.Lock()
        self._in_dialogue = False
        """Inside ``w``: the console takes no command until the dialogue ends."""
        self._unanswered: Step | None = None
        """The dialogue's question printed and not answered yet."""

    @property
    def path(self) -> str:
        return self._path

    async def __aenter__(self) -> Self:
        self._link = await SerialLink.open(self._path, write_timeout=self._timing.prompt)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the port (the device stays in listening mode)."""
        if self._link is not None:
            link, self._link = self._link, None
            await link.close()

    # -- commands ----------------------------------------------------------------------------

    async def device_info(self) -> DeviceInfo:
        """Device ID (``i``, lower case) and whether it was ever claimed (``c``)."""
        async with self._lock:
            device_id = await self._device_id()
            claimed = await self._command(prompts.CLAIMED, prompts.CLAIMED_LINE, _READING_ID)
        return DeviceInfo(device_id, claimed.group(1) == b"yes")

    async def device_id(self) -> str:
        """The device ID alone (``i``, lower case): one byte asked, for a quick look whether
        a port's Photon is in listening mode."""
        async with self._lock:
            return await self._device_id()

    async def _device_id(self) -> str:
        line = await self._command(prompts.DEVICE_ID, prompts.DEVICE_ID_LINE, _READING_ID)
        device_id = line.group(1).strip()
        if not _DEVICE_ID.fullmatch(device_id):
            raise UsbReplyUnreadableError("i", _BAD_DEVICE_ID)
        return device_id.decode("ascii").lower()

    async def set_claim_code(self, code: ClaimCode) -> None:
        """Give the device the claim code it presents to the cloud at its first connection;
        the device's confirmation line must repeat it."""
        raw = check_usb_claim_code(code)
        async with self._lock:
            try:
                await self._command(
                    prompts.CLAIM_CODE, prompts.CLAIM_CODE_PROMPT, _SETTING_CLAIM_CODE
                )
                await self._answer("C", raw, _SETTING_CLAIM_CODE)
                outcome = await self._expect(
                    "C", prompts.CLAIM_CODE_OUTCOME, self._timing.prompt, _SETTING_CLAIM_CODE
                )
            except asyncio.CancelledError:
                # The device may be waiting for the code's line: an empty one ends it (the
                # code stays unchanged); where the line went already, the device drops it.
                await _finish_even_if_cancelled(self._quietly_write(prompts.LINE_END))
                raise
        if outcome.group(2) is not None:
            raise UsbClaimCodeRefusedError
        if not hmac.compare_digest(outcome.group(1), raw):
            raise UsbReplyUnreadableError("C", _OTHER_CLAIM_CODE)
        log.info("USB %s: claim code set", self._path)

    async def configure(
        self, ssid: bytes, security: Security, password: WifiPassword | None
    ) -> None:
        """Store Wi-Fi credentials through the ``w`` dialogue; returns on "Awesome".

        The device then leaves listening mode and joins the network by itself (there is no
        ``connect-ap`` over USB). The security and cipher questions come only when the
        device's own scan did not tell it; where its scan did, its answer is the one used.
        Everything is checked before the first byte is sent.
        """
        secret = check_usb_input(ssid, security, password)
        shown = ssid.decode("utf-8", errors="replace")
        log.info("USB %s: sending Wi-Fi settings for %r (%s)", self._path, shown, security.label)
        async with self._lock:
            self._in_dialogue = True  # from the moment "w" may have gone
            try:
                await self._command(prompts.WIFI, prompts.SSID_PROMPT, _ASKING)
                self._unanswered = Step.SSID
                await self._wifi_dialogue(ssid, security, secret, shown)
            except asyncio.CancelledError:
                await _finish_even_if_cancelled(self._leave_wifi_dialogue())
                raise
            finally:
                self._in_dialogue, self._unanswered = False, None

    async def _wifi_dialogue(
        self, ssid: bytes, security: Security, secret: bytes | None, shown: str
    ) -> None:
        await self._answer("w", ssid, _ASKING)
        wait, doing = self._timing.scan, _LOOKING
        asked_without_password = False
        for _ in range(_MAX_WIFI_STEPS):
            step = prompts.wifi_step(await self._expect("w", prompts.WIFI_STEPS, wait, doing))
            self._seen(step)
            if step is Step.SECURITY:
                await self._answer("w", prompts.security_digit(security), _ANSWERING)
                wait, doing = self._timing.prompt, _ANSWERING
            elif step is Step.CIPHER:
                await self._answer("w", prompts.cipher_digit(security), _ANSWERING)
                wait, doing = self._timing.prompt, _ANSWERING
            elif step is Step.PASSWORD:
                # Its scan says the network is secured, but we have no password. An empty
                # line would be saved as an open network; one character is too short for
                # any key, so the device refuses it (Derp) and saves nothing.
                asked_without_password = secret is None
                await self._answer(
                    "w", _TOO_SHORT_FOR_ANY_KEY if secret is None else secret, _SAVING
                )
                wait, doing = self._timing.save, _SAVING
            elif step is Step.EAP:
                raise UsbEnterpriseNetworkError(shown)
            elif step is Step.SAVING:
                wait, doing = self._timing.save, _SAVING
            elif step is Step.SAVED:
                log.info("USB %s: Wi-Fi settings saved", self._path)
                return
            else:
                if asked_without_password:
                    raise UsbPasswordNeededError(shown)
                raise UsbCredentialsRefusedError
        raise UsbReplyUnreadableError("w", _ENDLESS)

    async def _quietly_write(self, data: bytes) -> None:
        try:
            if self._link is not None:
                await self._link.write(data)
        except (TimeoutError, DeviceError, OSError) as error:
            log.info("USB %s: could not end the claim code's line: %s", self._path, error)

    def _seen(self, step: Step) -> None:
        """The dialogue printed ``step``: a question waits for its answer, an outcome ends it."""
        self._unanswered = step if step in _ESCAPE else None
        if step in (Step.SAVED, Step.NOT_SAVED):
            self._in_dialogue = False

    async def _leave_wifi_dialogue(self) -> None:
        """End a ``w`` dialogue that the person cancelled halfway, without saving anything.

        The console has no timeout: until the dialogue ends it takes no command, so the
        Photon could not be set up again without a reset. Every question is answered so that
        the device refuses the settings (a one-character password fits no key: Derp). Best
        effort, within the time of one scan; an Enterprise dialogue is left alone (its
        questions lead to saving whatever is answered).
        """
        link = self._link
        if link is None or not self._in_dialogue:
            return
        try:
            async with asyncio.timeout(self._timing.leave):
                while self._in_dialogue:
                    step = self._unanswered
                    if step is not None:
                        self._unanswered = None
                        await link.write(_ESCAPE[step] + prompts.LINE_END)
                    found = await self._next_wifi_step(link)
                    step = prompts.wifi_step(found)
                    if step is Step.EAP:
                        return
                    self._seen(step)
        except (TimeoutError, DeviceError, OSError) as error:
            log.info("USB %s: could not end the Wi-Fi dialogue: %s", self._path, error)
            return
        log.info("USB %s: the cancelled Wi-Fi dialogue ended without saving", self._path)

    @staticmethod
    async def _next_wifi_step(link: SerialLink) -> re.Match[bytes]:
        while True:
            found = _WIFI_STEPS_OR_SSID.search(bytes(link.received))
            if found:
                del link.received[: found.end()]
                return found
            await link.more()

    # -- the exchange ------------------------------------------------------------------------

    def _connected(self) -> SerialLink:
        if self._link is None:
            raise RuntimeError("use the console inside 'async with UsbConsole(...)'")
        return self._link

    async def _command(self, key: bytes, reply: re.Pattern[bytes], doing: str) -> re.Match[bytes]:
        """Send a one-byte command and wait for what it prints at once."""
        link = self._connected()
        link.received.clear()  # anything printed before is not an answer to this
        await self._send(key.decode("ascii"), key, doing)
        return await self._expect(key.decode("ascii"), reply, self._timing.prompt, doing)

    async def _answer(self, command: str, line: bytes, doing: str) -> None:
        """Answer the prompt just printed with ``line``, and check the device's echo."""
        await self._send(command, line + prompts.LINE_END, doing)
        self._unanswered = None
        echo = line + prompts.ECHO_END
        link = self._connected()
        try:
            async with asyncio.timeout(self._timing.prompt):
                while len(link.received) < len(echo):
                    await link.more()
        except TimeoutError:
            raise UsbTimeoutError(command, doing) from None
        got = bytes(link.received[: len(echo)])
        del link.received[: len(echo)]
        if not hmac.compare_digest(got, echo):
            raise UsbReplyUnreadableError(command, _NOT_ECHOED)

    async def _send(self, command: str, data: bytes, doing: str) -> None:
        try:
            await self._connected().write(data)
        except TimeoutError:
            raise UsbTimeoutError(command, doing) from None

    async def _expect(
        self, command: str, pattern: re.Pattern[bytes], seconds: float, doing: str
    ) -> re.Match[bytes]:
        """Wait for ``pattern`` in what the device prints; what comes before it is skipped
        (the extra ``Key: value`` lines some devices print after their ID)."""
        link = self._connected()
        try:
            async with asyncio.timeout(seconds):
                while True:
                    printed = bytes(link.received)  # a match must not see the buffer change
                    found = pattern.search(printed)
                    if found:
                        del link.received[: found.end()]
                        return found
                    await link.more()
        except TimeoutError:
            raise UsbTimeoutError(command, doing) from None
