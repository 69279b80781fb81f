"""What the flow is doing, on stderr: the stages (setup_wizard/flow/stages.py) as they end, the
notices and help it gives (setup_wizard/flow/events.py), and on a terminal one line redrawn
in place: a bar of the journey's stages, the running stage and its seconds.

Plain ``\\r`` redrawing is all this needs (one line, a dozen stages), so no progress
library: nothing to install, nothing to import at start-up.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from setup_wizard.flow.events import FlowEvent, Notice, StageChanged, StageHelp
from setup_wizard.flow.stages import Stage, StageRecord, StageStatus
from setup_wizard.headless.terminal import Terminal

_STAGES = list(Stage)
_BAR = 12
_MARKS = {
    StageStatus.DONE: "✓",
    StageStatus.SKIPPED: "–",
    StageStatus.FAILED: "✗",
    StageStatus.CANCELLED: "–",
}
_WORDS = {StageStatus.CANCELLED: "stopped"}
"""A stage another one made moot (the cloud saw the Photon first) is stopped, not failed."""
TICK = 0.5
"""Seconds between redraws of the status line (only on a terminal)."""


def finished_line(record: StageRecord, now: float) -> str:
    """A stage that ended, as its line: "✓ Send the claim code (0.3 s)" (without its note)."""
    mark = _MARKS.get(record.status, " ")
    if record.status is StageStatus.DONE:
        seconds = record.elapsed(now)
        took = f" ({seconds:.1f} s)" if seconds else ""
        return f"{mark} {record.stage.label}{took}"
    if record.stage is Stage.RESTORE_WIFI and record.status is StageStatus.FAILED:
        return f"! {record.stage.label}: by hand"  # the notice said how
    word = _WORDS.get(record.status, record.status.value)
    return f"{mark} {record.stage.label}: {word}"


class Progress:
    def __init__(self, terminal: Terminal, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.terminal = terminal
        self._clock = clock
        self._device = ""
        self._stage: Stage | None = None
        self._since = 0.0
        self._reached = 0
        """How far along the journey's stages this device got (for the bar)."""
        self._said: set[str] = set()

    def device(self, heading: str, label: str) -> None:
        """A device's setup begins: ``heading`` for its first line, ``label`` for the
        status line (e.g. "2/3 b@example.com")."""
        self._device, self._stage, self._reached = label, None, 0
        self._said.clear()
        self.terminal.write(f"{heading}\n")
        self._redraw()

    def say(self, text: str) -> None:
        self._said.add(text)
        self.terminal.say(text, indent="  ")

    def on_event(self, event: FlowEvent) -> None:
        if isinstance(event, StageChanged):
            self._stage_changed(event)
        elif isinstance(event, Notice):
            if event.message not in self._said:  # the Wi-Fi layer and the flow both tell
                self.say(event.message)
        elif isinstance(event, StageHelp):
            self.say(f"{event.stage.label}: {event.message}")

    def _stage_changed(self, event: StageChanged) -> None:
        record = event.record
        position = _STAGES.index(record.stage)
        if record.status is StageStatus.RUNNING:
            self._stage, self._since = record.stage, self._clock()
            self._reached = max(self._reached, position)
            self._redraw()
            return
        if record.status is StageStatus.DONE:
            self._reached = max(self._reached, position + 1)
        line = finished_line(record, self._clock())
        if record.note and record.note not in self._said:
            line += f": {record.note}"
            self._said.add(record.note)
        if self._stage is record.stage:
            self._stage = None
        self.terminal.say(line, indent="  ")
        self._redraw()

    def _redraw(self) -> None:
        if not self.terminal.live:
            return
        stage = self._stage
        filled = round(_BAR * self._reached / len(_STAGES))
        bar = "█" * filled + "░" * (_BAR - filled)
        text = f"{self._device} {bar}"
        if stage is not None:
            text += f" {stage.label}… {self._clock() - self._since:.0f} s"
        self.terminal.status(text)

    def done(self) -> None:
        """No device in progress: the status line goes away."""
        self._device, self._stage, self._reached = "", None, 0
        self.terminal.status("")

    async def tick(self) -> None:
        """Redraw the status line's seconds while a stage runs (cancel to stop)."""
        if not self.terminal.live:
            return
        while True:
            await asyncio.sleep(TICK)
            if self._stage is not None:
                self._redraw()


class BatchProgress:
    """Several Photons at once (over USB): every line starts with the device it is about;
    on a terminal the status line counts them."""

    def __init__(self, terminal: Terminal, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.terminal = terminal
        self._clock = clock
        self._said: dict[str, set[str]] = {}
        self._running: set[str] = set()
        self._ended: dict[str, bool] = {}
        """Each device that ended, and whether it is online."""

    def device(self, name: str, heading: str) -> None:
        """``name`` (e.g. "Photon 0a1b…") starts: its first line says what it is for."""
        self._said[name] = set()
        self._running.add(name)
        self.terminal.say(f"{name}: {heading}", indent="  ")
        self._redraw()

    def say(self, name: str, text: str) -> None:
        self._said.setdefault(name, set()).add(text)
        self.terminal.say(f"{name}: {text}", indent="  ")

    def on_event(self, name: str, event: FlowEvent) -> None:
        if isinstance(event, StageChanged):
            record = event.record
            if record.status is not StageStatus.RUNNING:
                line = finished_line(record, self._clock())
                said = self._said.setdefault(name, set())
                if record.note and record.note not in said:
                    line += f": {record.note}"
                    said.add(record.note)
                self.terminal.say(f"{name}: {line}", indent="  ")
                self._redraw()
        elif isinstance(event, Notice):
            if event.message not in self._said.get(name, set()):
                self.say(name, event.message)
        elif isinstance(event, StageHelp):
            self.say(name, f"{event.stage.label}: {event.message}")

    def ended(self, name: str, *, online: bool) -> None:
        self._running.discard(name)
        self._ended[name] = online
        self._redraw()

    def _redraw(self) -> None:
        if not self.terminal.live:
            return
        online = sum(self._ended.values())
        failed = len(self._ended) - online
        text = f"Photons on USB: {len(self._running)} being set up, {online} online"
        if failed:
            text += f", {failed} not"
        self.terminal.status(text)

    def done(self) -> None:
        self.terminal.status("")
