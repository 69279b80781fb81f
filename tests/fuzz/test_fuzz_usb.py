"""What a Photon's USB console prints, as a broken or hostile device could print it.

The patterns the client reads the console with (``device/usb/prompts.py``) take any bytes
without raising. And each console command, run against a pseudo-terminal where the test plays
the device, ends in the typed errors its module documents, within its timing, whatever the
device prints; it never reports a success the device did not print.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

import pytest
from fuzz_support import (
    CONSOLE_AWESOME,
    CONSOLE_CIPHER_PROMPT,
    CONSOLE_CLAIM_PROMPT,
    CONSOLE_CLAIM_SORRY,
    CONSOLE_CLAIMED,
    CONSOLE_DERP,
    CONSOLE_EAP_PROMPT,
    CONSOLE_ID,
    CONSOLE_ID_WITH_KEYS,
    CONSOLE_PASSWORD_PROMPT,
    CONSOLE_SECURITY_PROMPTS,
    CONSOLE_SSID_PROMPT,
    CONSOLE_THANKS,
    FUZZ,
    console_claim_set,
    console_echo,
    mutated_bytes,
    parser,
)
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from setup_wizard.device import Security
from setup_wizard.device.usb import (
    UsbClaimCodeRefusedError,
    UsbConsole,
    UsbCredentialsRefusedError,
    UsbEnterpriseNetworkError,
    UsbPasswordNeededError,
    UsbReplyUnreadableError,
    UsbTimeoutError,
    UsbTiming,
    UsbUnreachableError,
)
from setup_wizard.device.usb.console import _WIFI_STEPS_OR_SSID
from setup_wizard.device.usb.prompts import (
    CLAIM_CODE_OUTCOME,
    CLAIM_CODE_PROMPT,
    CLAIMED_LINE,
    DEVICE_ID_LINE,
    SSID_PROMPT,
    WIFI_STEPS,
    Step,
    wifi_step,
)
from setup_wizard.secret import ClaimCode, WifiPassword
from setup_wizard.sim.photon import PTY_AVAILABLE

SSID = b"HomeNet"
PASSWORD = b"correct horse battery"
CODE = b"Zx9" * 21  # 63 characters, as real claim codes have


class Command(Enum):
    DEVICE_ID = "device_id"
    DEVICE_INFO = "device_info"
    CLAIM_CODE = "set_claim_code"
    WIFI = "configure"


@dataclass(frozen=True)
class Transcript:
    """A console session as the firmware prints it: one reply per message the client sends
    (its command byte, then each answer line)."""

    command: Command
    replies: tuple[bytes, ...]
    security: Security = Security.WPA2_AES_PSK
    password: bytes | None = PASSWORD
    outcome: type[Exception] | None = None
    """What the client makes of the transcript as printed (None: it succeeds)."""


def _echo_then(line: bytes, *printed: bytes) -> bytes:
    return console_echo(line) + b"".join(printed)


_SAVED = (CONSOLE_THANKS, CONSOLE_AWESOME)
TRANSCRIPTS = (
    Transcript(Command.DEVICE_ID, (CONSOLE_ID,)),
    Transcript(Command.DEVICE_ID, (CONSOLE_ID_WITH_KEYS,)),
    Transcript(Command.DEVICE_INFO, (CONSOLE_ID, CONSOLE_CLAIMED[0])),
    Transcript(Command.DEVICE_INFO, (CONSOLE_ID_WITH_KEYS, CONSOLE_CLAIMED[1])),
    Transcript(
        Command.CLAIM_CODE, (CONSOLE_CLAIM_PROMPT, _echo_then(CODE, console_claim_set(CODE)))
    ),
    Transcript(
        Command.CLAIM_CODE,
        (CONSOLE_CLAIM_PROMPT, _echo_then(CODE, CONSOLE_CLAIM_SORRY)),
        outcome=UsbClaimCodeRefusedError,
    ),
    # A network the Photon's scan sees: only the password is asked.
    Transcript(
        Command.WIFI,
        (
            CONSOLE_SSID_PROMPT,
            _echo_then(SSID, CONSOLE_PASSWORD_PROMPT),
            _echo_then(PASSWORD, *_SAVED),
        ),
    ),
    # One it cannot see: security, cipher, then the password.
    Transcript(
        Command.WIFI,
        (
            CONSOLE_SSID_PROMPT,
            _echo_then(SSID, CONSOLE_SECURITY_PROMPTS[0]),
            _echo_then(b"3", CONSOLE_CIPHER_PROMPT),
            _echo_then(b"1", CONSOLE_PASSWORD_PROMPT),
            _echo_then(PASSWORD, *_SAVED),
        ),
    ),
    # A seen open network: the cipher is asked all the same, no password.
    Transcript(
        Command.WIFI,
        (CONSOLE_SSID_PROMPT, _echo_then(SSID, CONSOLE_CIPHER_PROMPT), _echo_then(b"1", *_SAVED)),
        security=Security.OPEN,
        password=None,
    ),
    Transcript(
        Command.WIFI,
        (
            CONSOLE_SSID_PROMPT,
            _echo_then(SSID, CONSOLE_SECURITY_PROMPTS[1]),
            _echo_then(b"3", CONSOLE_CIPHER_PROMPT),
            _echo_then(b"1", CONSOLE_PASSWORD_PROMPT),
            _echo_then(PASSWORD, CONSOLE_THANKS, CONSOLE_DERP),
        ),
        outcome=UsbCredentialsRefusedError,
    ),
    # Taken for open, but the Photon's scan says secured: "-" is sent so that nothing is saved.
    Transcript(
        Command.WIFI,
        (
            CONSOLE_SSID_PROMPT,
            _echo_then(SSID, CONSOLE_PASSWORD_PROMPT),
            _echo_then(b"-", CONSOLE_THANKS, CONSOLE_DERP),
        ),
        security=Security.OPEN,
        password=None,
        outcome=UsbPasswordNeededError,
    ),
    Transcript(
        Command.WIFI,
        (CONSOLE_SSID_PROMPT, _echo_then(SSID, CONSOLE_EAP_PROMPT)),
        outcome=UsbEnterpriseNetworkError,
    ),
)
PIECES = sorted({reply for transcript in TRANSCRIPTS for reply in transcript.replies})
"""Every reply of every transcript: the samples the mutations start from and splice in."""


# -- the patterns alone -------------------------------------------------------------------------

LINES = (DEVICE_ID_LINE, CLAIMED_LINE, CLAIM_CODE_PROMPT, CLAIM_CODE_OUTCOME, SSID_PROMPT)
SESSIONS = [b"".join(transcript.replies) for transcript in TRANSCRIPTS]
PRINTED = mutated_bytes([*SESSIONS, *PIECES])


@FUZZ
@given(PRINTED)
@example(b"Device ID: " * 100_000)  # unbounded, each was read to the end: 13 min in C
@example(b"Claim code set to: " * 60_000)
def test_the_console_patterns_read_any_bytes(printed: bytes) -> None:
    with parser("usb console lines (i, c, C)").example():
        for pattern in LINES:
            for found in pattern.finditer(printed):
                values = b"".join(value for value in found.groups() if value is not None)
                assert not re.search(rb"[\r\n]", values)  # what a line holds
    with parser("usb console Wi-Fi steps (w)").example():
        for pattern in (WIFI_STEPS, _WIFI_STEPS_OR_SSID):
            for found in pattern.finditer(printed):
                assert found.group(wifi_step(found).value) == found.group()


def test_the_samples_are_what_the_patterns_read() -> None:
    """The fuzzing starts from real output: each sample reads as the firmware meant."""
    unseen = SESSIONS[7]
    steps = [wifi_step(found) for found in _WIFI_STEPS_OR_SSID.finditer(unseen)]
    assert steps == [
        Step.SSID,
        Step.SECURITY,
        Step.CIPHER,
        Step.PASSWORD,
        Step.SAVING,
        Step.SAVED,
    ]
    id_line = DEVICE_ID_LINE.search(CONSOLE_ID_WITH_KEYS)
    assert id_line is not None
    assert id_line.group(1) == b"3A0021000447343233323032"
    outcome = CLAIM_CODE_OUTCOME.search(TRANSCRIPTS[4].replies[1])
    assert outcome is not None
    assert outcome.group(1) == CODE


# -- the console against a hostile device -------------------------------------------------------


class Ending(Enum):
    SILENT = "silent"
    """Takes whatever comes and prints nothing more: the client must give up in time."""
    HANG_UP = "hang up"
    """The cable is pulled once the last reply is out (at the first message, with none)."""


class HostileDevice:
    """The device's end of a pseudo-terminal, printing whatever the test says: a fault
    injector for the output the simulator never produces (it prints only what a Photon does).

    After each message from the client (one read of what it sent: the client waits for a
    reply before it sends again), the next reply of the script; then the ``ending``.
    """

    def __init__(self, replies: Sequence[bytes], ending: Ending) -> None:
        self._replies = list(replies)
        self._ending = ending
        self._outbox = bytearray()
        self._master: int | None = None
        self._slave: int | None = None
        self._writing = False
        self._hang_up_when_sent = False

    def plug(self) -> str:
        """Open the pseudo-terminal; returns the path the client opens, as a real port."""
        import tty  # POSIX only

        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no echo or line-end translation: bytes pass as they are
        os.set_blocking(self._master, False)
        asyncio.get_running_loop().add_reader(self._master, self._on_message)
        return os.ttyname(self._slave)

    def hang_up(self) -> None:
        master, slave = self._master, self._slave
        if master is None or slave is None:
            return
        loop = asyncio.get_running_loop()
        loop.remove_reader(master)
        if self._writing:
            loop.remove_writer(master)
        self._master = self._slave = None
        os.close(master)
        os.close(slave)

    def _on_message(self) -> None:
        assert self._master is not None
        if not os.read(self._master, 4096):
            return
        if self._replies:
            self._outbox += self._replies.pop(0)
            self._hang_up_when_sent = not self._replies and self._ending is Ending.HANG_UP
            self._flush()
        elif self._ending is Ending.HANG_UP:
            self.hang_up()

    def _flush(self) -> None:
        assert self._master is not None
        with contextlib.suppress(BlockingIOError):  # the client has not read enough yet
            del self._outbox[: os.write(self._master, self._outbox)]
        if self._outbox and not self._writing:
            asyncio.get_running_loop().add_writer(self._master, self._flush)
            self._writing = True
        elif not self._outbox:
            if self._writing:
                asyncio.get_running_loop().remove_writer(self._master)
                self._writing = False
            if self._hang_up_when_sent:
                self.hang_up()


FAST = UsbTiming(prompt=0.2, scan=0.2, save=0.2, leave=0.2)
"""Short waits, so that a silent or garbled device ends each example quickly."""
HANG_GUARD = 30.0
"""Seconds after which a command counts as hung: the timing above lets ``configure``, the
longest, wait at most 3.6 s (its command, the SSID's echo, then at most 8 steps of a reply
and an echo, 0.2 s each)."""
ALLOWED: dict[Command, tuple[type[Exception], ...]] = {
    Command.DEVICE_ID: (),
    Command.DEVICE_INFO: (),
    Command.CLAIM_CODE: (UsbClaimCodeRefusedError,),
    Command.WIFI: (UsbCredentialsRefusedError, UsbPasswordNeededError, UsbEnterpriseNetworkError),
}
"""Beyond the errors every command may end in (garbled, silent, unplugged)."""
ANY_COMMAND = (UsbReplyUnreadableError, UsbTimeoutError, UsbUnreachableError)
PARSER_NAMES = {
    Command.DEVICE_ID: "usb console, hostile device: i, c (device_id, device_info)",
    Command.DEVICE_INFO: "usb console, hostile device: i, c (device_id, device_info)",
    Command.CLAIM_CODE: "usb console, hostile device: C (set_claim_code)",
    Command.WIFI: "usb console, hostile device: w (configure)",
}


async def _run(console: UsbConsole, transcript: Transcript, printed: bytes) -> None:
    """Run the transcript's command; a success must be one the device printed."""
    if transcript.command is Command.DEVICE_ID:
        device_id = await console.device_id()
        assert re.fullmatch(r"[0-9a-f]{24}", device_id)
        assert device_id.encode() in printed.lower()
    elif transcript.command is Command.DEVICE_INFO:
        info = await console.device_info()
        assert info.device_id.encode() in printed.lower()
        assert CONSOLE_CLAIMED[info.claimed] in printed
    elif transcript.command is Command.CLAIM_CODE:
        await console.set_claim_code(ClaimCode(CODE.decode()))
        assert console_claim_set(CODE) in printed
    else:
        password = (
            None if transcript.password is None else WifiPassword(transcript.password.decode())
        )
        await console.configure(SSID, transcript.security, password)
        assert b"Awesome. Now we'll connect!\r\n" in printed
        assert console_echo(SSID) in printed  # the network saved is the one sent


async def _session(
    transcript: Transcript, replies: Sequence[bytes], ending: Ending, timing: UsbTiming
) -> None:
    device = HostileDevice(replies, ending)
    path = device.plug()
    try:
        async with asyncio.timeout(HANG_GUARD):
            async with UsbConsole(path, timing=timing) as console:
                await _run(console, transcript, b"".join(replies))
    finally:
        device.hang_up()


VALUES = (b"3a0021000447343233323032", b"3A0021000447343233323032", CODE, SSID, PASSWORD, b"-")
"""What replies carry besides the firmware's words: the device ID, and the echoed answers."""


@st.composite
def garbled(draw: st.DrawFn, reply: bytes) -> bytes:
    """``reply`` mutated as a whole, or only in a value it carries, its words kept (a device
    ID or an echo that still reads as one, but wrong)."""
    values = [value for value in VALUES if value in reply]
    if values and draw(st.booleans()):
        value = draw(st.sampled_from(values))
        return reply.replace(value, draw(mutated_bytes([value], max_random=80)), 1)
    return draw(mutated_bytes([reply, *PIECES]))


@st.composite
def hostile_sessions(
    draw: st.DrawFn, commands: Sequence[Command]
) -> tuple[Transcript, list[bytes], Ending]:
    """A transcript of one of ``commands`` with one of its replies garbled (or none); then
    silence, maybe after more garbage, or the cable pulled after some reply, maybe in the
    middle of it."""
    transcript = draw(st.sampled_from([t for t in TRANSCRIPTS if t.command in commands]))
    replies = list(transcript.replies)
    at = draw(st.integers(0, len(replies)))
    if at < len(replies):
        replies[at] = draw(garbled(replies[at]))
    ending = draw(st.sampled_from(Ending))
    if ending is Ending.SILENT:
        replies += draw(st.lists(mutated_bytes(PIECES), max_size=2))
    else:
        del replies[draw(st.integers(0, len(replies))) :]
        if replies:
            replies[-1] = replies[-1][: draw(st.integers(0, len(replies[-1])))]
    return transcript, replies, ending


def _play(session: tuple[Transcript, list[bytes], Ending]) -> None:
    transcript, replies, ending = session
    allowed = ANY_COMMAND + ALLOWED[transcript.command]
    with parser(PARSER_NAMES[transcript.command], *allowed).example():
        try:
            asyncio.run(_session(transcript, replies, ending, FAST))
        except allowed as error:
            event(type(error).__name__)  # how examples ended: --hypothesis-show-statistics
            raise
        event("success")


# Each example may wait out a 0.2 s timeout: a sixth of the profile's count per command
# (twice that for "w", the longest dialogue) keeps the default run to seconds (65 examples)
# and the deep one to minutes (3,332).
FEW = settings(FUZZ, max_examples=max(16, settings().max_examples // 6))
SOME = settings(FUZZ, max_examples=max(33, settings().max_examples // 3))
needs_pty = pytest.mark.skipif(not PTY_AVAILABLE, reason="no pseudo-terminals on this system")


@needs_pty
@FEW
@given(hostile_sessions([Command.DEVICE_ID, Command.DEVICE_INFO]))
@example((TRANSCRIPTS[0], [b"Your device id is \xe93a0021000447343233323032\r\n"], Ending.SILENT))
def test_reading_the_device_id_ends_in_its_typed_errors_whatever_the_device_prints(
    session: tuple[Transcript, list[bytes], Ending],
) -> None:
    _play(session)


@needs_pty
@FEW
@given(hostile_sessions([Command.CLAIM_CODE]))
@example(
    (
        TRANSCRIPTS[4],
        [CONSOLE_CLAIM_PROMPT, _echo_then(CODE, console_claim_set(CODE[:-1] + b"?"))],
        Ending.SILENT,
    )
)
def test_setting_the_claim_code_ends_in_its_typed_errors_whatever_the_device_prints(
    session: tuple[Transcript, list[bytes], Ending],
) -> None:
    _play(session)


@needs_pty
@SOME
@given(hostile_sessions([Command.WIFI]))
@example(
    (
        TRANSCRIPTS[6],
        [
            CONSOLE_SSID_PROMPT,
            _echo_then(SSID[:-1] + b"?", CONSOLE_PASSWORD_PROMPT),  # a name other than the one sent
            *TRANSCRIPTS[6].replies[2:],
        ],
        Ending.SILENT,
    )
)
def test_the_wifi_dialogue_ends_in_its_typed_errors_whatever_the_device_prints(
    session: tuple[Transcript, list[bytes], Ending],
) -> None:
    _play(session)


@needs_pty
@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=lambda t: f"{t.command.value}")
async def test_the_transcripts_are_what_the_console_reads(transcript: Transcript) -> None:
    """The fuzzing starts from real sessions: played as printed, each ends as the firmware
    meant (the client's own timing: nothing waits unless something is wrong)."""
    run = _session(transcript, transcript.replies, Ending.SILENT, UsbTiming())
    if transcript.outcome is None:
        await run
    else:
        with pytest.raises(transcript.outcome):
            await run
