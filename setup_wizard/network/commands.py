"""Running OS tools (nmcli, networksetup, netsh) without a shell and without blocking the loop.

Every backend gets its runner injected, so tests replace the OS at the process boundary and
assert the exact argument lists. The real runner forces English, UTF-8 output on POSIX so the
few places that read message text (networksetup's exit-0 failures) see one language. On
Windows it starts each tool with ``CREATE_NO_WINDOW``: a windowed app (no console of its
own) otherwise flashes a console window for every netsh call.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.network.errors import CommandNotFound, CommandTimedOut

log = logging.getLogger(__name__)

CREATE_NO_WINDOW = 0x08000000
"""Process creation flag (Win32 ``CREATE_NO_WINDOW``): run a console tool without a console
window. Spelled out because ``subprocess.CREATE_NO_WINDOW`` exists only on Windows."""


@dataclass(frozen=True)
class CommandResult:
    """What a finished command printed and how it exited."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """stdout and stderr together, for tools that print errors on either."""
        return "\n".join(part for part in (self.stdout, self.stderr) if part)


class CommandRunner(Protocol):
    """Runs one OS command; raises CommandNotFound / CommandTimedOut, never a shell."""

    async def run(
        self,
        argv: Sequence[str],
        *,
        timeout: float,  # noqa: ASYNC109 - the runner must kill the process on expiry
    ) -> CommandResult: ...


def english_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for OS tools: English messages, UTF-8 text.

    ``C.UTF-8`` rather than plain ``C``: nmcli prints through GLib, which turns every
    non-ASCII SSID character into ``?`` when the locale's charset is ASCII. Where C.UTF-8
    does not exist, setlocale falls back to "C", which is still English. ``LANGUAGE`` is
    dropped because GNU gettext lets it override the locale.
    """
    env = dict(os.environ if base is None else base)
    env.pop("LANGUAGE", None)
    env["LC_ALL"] = "C.UTF-8"
    env["LANG"] = "C.UTF-8"
    return env


class SubprocessRunner:
    """The real runner: ``asyncio.create_subprocess_exec`` with a deadline."""

    def __init__(self, *, encoding: str | None = None, platform: str = sys.platform) -> None:
        windows = platform == "win32"
        # netsh writes in the OEM code page ("oem" exists only on Windows); the POSIX tools
        # write UTF-8 under the environment above.
        self._encoding = encoding or ("oem" if windows else "utf-8")
        self._env = None if windows else english_environment()
        self._creation_flags = CREATE_NO_WINDOW if windows else 0

    async def run(
        self,
        argv: Sequence[str],
        *,
        timeout: float,  # noqa: ASYNC109 - the process is killed on expiry
    ) -> CommandResult:
        if not argv:
            raise ValueError("empty command")
        log.debug("running %s", argv)
        # Popen refuses creationflags other than 0 outside Windows (and typeshed says so).
        windows_only: dict[str, Any] = (
            {"creationflags": self._creation_flags} if self._creation_flags else {}
        )
        try:
            process = await asyncio.create_subprocess_exec(
                *argv,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env=self._env,
                **windows_only,
            )
        except FileNotFoundError as error:
            raise CommandNotFound(
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "The system tool “{tool}” is not installed, so the app can't change "
                    "Wi-Fi by itself here.",
                ).format(tool=argv[0]),
                detail=str(error),
            ) from error
        try:
            async with asyncio.timeout(timeout):
                stdout, stderr = await process.communicate()
        except TimeoutError as error:
            await _stop(process)
            raise CommandTimedOut(
                QT_TRANSLATE_NOOP(
                    "Wifi",
                    "“{tool}” did not finish within {seconds:g} seconds and was stopped. "
                    "Try again; if it keeps happening, join the Photon's network by hand.",
                ).format(tool=argv[0], seconds=timeout),
                detail=" ".join(argv),
            ) from error
        except BaseException:
            # Cancelled (or anything else): never leave the tool running behind us.
            await asyncio.shield(_stop(process))
            raise
        assert process.returncode is not None
        result = CommandResult(
            process.returncode,
            stdout.decode(self._encoding, errors="replace"),
            stderr.decode(self._encoding, errors="replace"),
        )
        log.debug("%s exited %d", argv[0], result.returncode)
        return result


async def _stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    # communicate() collects the pipes so their transports close.
    with contextlib.suppress(Exception):
        await process.communicate()
