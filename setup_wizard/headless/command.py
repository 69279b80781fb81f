"""``setup-wizard onboard``: parse, log, run on an asyncio loop, and stop cleanly on a signal.

Ctrl+C (SIGINT) and SIGTERM cancel the run: the device in progress closes its link to the
Photon first, which gives the computer its Wi-Fi back (that part finishes even when
cancelled), then its ledger row is marked cancelled; a second signal meanwhile changes
nothing. The exit code then says which signal it was.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import io
import logging
import signal
import sys
from typing import TextIO, cast

from setup_wizard.headless.exits import ExitCode, HeadlessError
from setup_wizard.headless.options import OnboardRequest
from setup_wizard.headless.run import HeadlessRun
from setup_wizard.headless.terminal import Terminal
from setup_wizard.logs import configure_logging
from setup_wizard.profile import ProfileError
from setup_wizard.settings import AppSettings, SettingsError, settings_from_args

PROGRAM = "setup-wizard onboard"

log = logging.getLogger(__name__)


class _AboveStatus(io.TextIOBase):
    """The log's terminal handler writes above the progress line, not through it."""

    def __init__(self, terminal: Terminal) -> None:
        super().__init__()
        self._terminal = terminal

    def write(self, text: str) -> int:
        self._terminal.write(text)
        return len(text)


def main(args: argparse.Namespace) -> int:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # a network's name, a ✓: never a crash
            stream.reconfigure(errors="replace")
    terminal = Terminal()
    try:
        request = OnboardRequest.from_args(args)
        settings = settings_for(args)
    except (HeadlessError, SettingsError, ProfileError) as error:
        terminal.write(f"{PROGRAM}: {error}\n")
        return ExitCode.USAGE
    logs = configure_logging(
        level=settings.log_level,
        verbose=settings.verbose,
        console=cast(TextIO, _AboveStatus(terminal)),
    )
    run = HeadlessRun(request, settings, terminal, log_file=logs.file)
    try:
        return asyncio.run(run_until_signal(run))
    except KeyboardInterrupt:  # before the handlers below were in place
        return ExitCode.INTERRUPTED
    finally:
        logs.close()


def settings_for(args: argparse.Namespace) -> AppSettings:
    """The wizard's settings for bench mode; a product profile has no part in it (the
    product and client are chosen by the options), so its brand and client are dropped."""
    args.staff = True
    args.product_profile = None
    settings = settings_from_args(args)
    speed: float | None = args.simulation_speed
    if speed is not None and not settings.simulate:
        raise SettingsError("--simulation-speed works only with --simulate.")
    return dataclasses.replace(settings, profile=None, simulation_speed=speed)


async def run_until_signal(run: HeadlessRun) -> int:
    """``run``'s exit code; SIGINT (Ctrl+C) or SIGTERM cancels it, and says which it was."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    received: list[signal.Signals] = []

    def stop(sig: signal.Signals) -> None:
        if not received and not run.terminal.interrupted:
            run.terminal.write("Stopping: the Wi-Fi is given back first…\n")
            task.cancel()
        received.append(sig)

    signals = (signal.SIGINT, signal.SIGTERM)
    installed = []
    for sig in signals:
        try:
            loop.add_signal_handler(sig, stop, sig)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C raises instead
            continue
        installed.append(sig)
    try:
        return await run.run()
    except asyncio.CancelledError:
        if not received:
            raise
        return ExitCode.TERMINATED if received[0] is signal.SIGTERM else ExitCode.INTERRUPTED
    except HeadlessError as error:  # Ctrl+C at a question
        return error.code
    except Exception:  # the runtime did not start: a simulation's port, a broken keyring…
        log.exception("setup-wizard onboard could not start")
        where = f": {run.log_file}" if run.log_file else ""
        run.terminal.write(f"{PROGRAM}: an unexpected error happened; the log has it{where}\n")
        return ExitCode.UNEXPECTED
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
