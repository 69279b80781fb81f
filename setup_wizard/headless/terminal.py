"""The person at the terminal, if there is one: questions (only when stdin is a terminal)
and messages on stderr, so that stdout carries nothing but the results.

A question blocks the event loop while the person types: nothing else runs meanwhile that
could not wait (no link to a Photon is open while a sign-in question is asked, and the
simulation's servers simply pause). Ctrl+C while typing stops the command the same way as
at any other moment.
"""

from __future__ import annotations

import getpass
import shutil
import signal
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from setup_wizard.headless.exits import ExitCode, HeadlessError

_CLEAR_LINE = "\r\x1b[K"
"""Back to the start of the line, and erase it (every terminal of the last decades)."""


class Interrupted(HeadlessError):
    """Ctrl+C while a question waited for an answer."""

    def __init__(self) -> None:
        super().__init__("Interrupted.", ExitCode.INTERRUPTED)


class Terminal:
    """Asks on the terminal (stdin a TTY) and writes to ``stream`` (stderr)."""

    def __init__(
        self,
        *,
        stdin: TextIO | None = None,
        stream: TextIO | None = None,
        interactive: bool | None = None,
    ) -> None:
        self._stdin = stdin if stdin is not None else sys.stdin
        self.stream = stream if stream is not None else sys.stderr
        self.interactive = self._stdin.isatty() if interactive is None else interactive
        """Questions can be asked (stdin is a terminal)."""
        self.live = self.stream.isatty()
        """Progress may redraw one line (stderr is a terminal)."""
        self._status = ""
        self.interrupted = False
        """Ctrl+C came while a question waited (the event loop hears of it later: the
        signal handler there must not stop the run a second time)."""

    @contextmanager
    def _ctrl_c_raises(self) -> Iterator[None]:
        """While a question waits, Ctrl+C interrupts the read (the event loop's handler,
        which only wakes the loop, cannot). ``getpass`` restores the echo on the way out."""
        try:
            previous = signal.signal(signal.SIGINT, signal.default_int_handler)
        except ValueError:  # not the main thread: nothing to change
            yield
            return
        try:
            yield
        except KeyboardInterrupt:
            self.interrupted = True
            raise Interrupted() from None
        finally:
            signal.signal(signal.SIGINT, previous)

    def _width(self) -> int:
        return max(40, shutil.get_terminal_size().columns - 1)

    def status(self, text: str) -> None:
        """The one line that a terminal redraws in place (nothing without a terminal)."""
        if not self.live:
            return
        self._status = text[: self._width()]
        self.stream.write(_CLEAR_LINE + self._status)
        self.stream.flush()

    def write(self, text: str) -> None:
        """Lines above the status line, which is drawn again below them."""
        if self._status:
            text = _CLEAR_LINE + text + self._status
        self.stream.write(text)
        self.stream.flush()

    def _clear_status(self) -> None:
        if self._status:
            self.stream.write(_CLEAR_LINE)
            self._status = ""

    def say(self, text: str, *, indent: str = "") -> None:
        """A paragraph, wrapped to the terminal's width on a terminal."""
        if self.live:
            text = textwrap.fill(
                text, self._width(), initial_indent=indent, subsequent_indent=indent + "  "
            )
        else:
            text = indent + text
        self.write(text + "\n")

    def ask(self, question: str) -> str | None:
        """A line the person types (shown as typed); None without a terminal or at its end."""
        if not self.interactive:
            return None
        self._clear_status()
        with self._ctrl_c_raises():
            self.write(question)
            line = self._stdin.readline()
        return line.strip() if line else None

    def ask_secret(self, question: str) -> str | None:
        """A line typed without echo; None without a terminal."""
        if not self.interactive:
            return None
        self._clear_status()
        with self._ctrl_c_raises():
            try:
                return getpass.getpass(question, stream=self.stream)
            except EOFError:
                return None

    def confirm(self, question: str) -> bool:
        """Yes only when the person types yes; no terminal means no."""
        answer = self.ask(f"{question} [y/N] ")
        return answer is not None and answer.lower() in ("y", "yes")
