"""Does the window ever freeze? The longest stall of the event loop during an autopilot run.

Runs ``setup-wizard --simulate --autopilot`` in this process (offscreen; the simulation
runs in the same process and on the same loop, as it does for a person trying the app). A
Qt heartbeat timer (precise, every 5 ms) notes when each beat arrives, from the window's
first paint to the autopilot's end; a stall is how late a beat came (its gap minus 5 ms),
so the loop was busy that long without serving the window. Printed: the longest stall,
the 99th percentile, the worst stalls with the page they happened on, and the longest per
page. A watchdog thread samples the Python stack of the GUI thread whenever a beat is more
than 20 ms late, so each worst stall names the code that held the loop.

The app is hooked, not changed: ``setup_wizard.gui.main_window.create_main_window`` is
wrapped to attach the heartbeat to the window it returns.
Usage: python bench/bench_autopilot_stalls.py
"""

from __future__ import annotations

import collections
import os
import statistics
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from setup_wizard.settings import AppSettings

BEAT_MS = 5
TARGET_MS = 50.0
SAMPLE_AFTER = 0.020  # seconds late before the watchdog samples the GUI thread's stack
SAMPLE_EVERY = 0.002
SHOWN_STALLS = 5


@dataclass
class Stall:
    late_ms: float
    page: str
    samples: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class Heartbeat:
    """Beats on the GUI thread; a watchdog thread samples its stack while a beat is late."""

    window: QWidget | None = None
    last: float = 0.0
    running: bool = False
    lates: list[float] = field(default_factory=list)
    stalls: list[Stall] = field(default_factory=list)
    previous_page: str = ""
    pending: list[tuple[float, tuple[str, ...]]] = field(default_factory=list)
    """Stacks sampled by the watchdog, each with the beat it was waiting after."""
    gui_thread: int = field(default_factory=threading.get_ident)

    def page(self) -> str:
        from setup_wizard.flow import Page

        window = self.window
        current = window.currentId() if window is not None else -1  # type: ignore[attr-defined]
        try:
            return Page(current).name
        except ValueError:
            return str(current)

    def beat(self) -> None:
        now = time.perf_counter()
        if not self.running:
            return
        late = max(0.0, (now - self.last) * 1000 - BEAT_MS)
        self.lates.append(late)
        page = self.page()
        taken, self.pending = self.pending, []
        if late >= 1.0:
            samples = [stack for after, stack in taken if after == self.last]
            self.stalls.append(Stall(late, self.previous_page, samples))
        self.previous_page = page
        self.last = now

    def start(self) -> None:
        self.previous_page = self.page()
        self.last = time.perf_counter()
        self.running = True
        threading.Thread(target=self.watch, name="stall-watchdog", daemon=True).start()

    def watch(self) -> None:
        while True:
            time.sleep(SAMPLE_EVERY)
            if not self.running:
                continue
            last = self.last
            if time.perf_counter() - last > SAMPLE_AFTER + BEAT_MS / 1000:
                frame = sys._current_frames().get(self.gui_thread)
                if frame is not None:
                    self.pending.append((last, stack_of(frame)))


def stack_of(frame: FrameType) -> tuple[str, ...]:
    """The innermost frames, as ``module.py:line function``."""
    summary = traceback.extract_stack(frame)[-8:]
    return tuple(f"{os.path.basename(f.filename)}:{f.lineno} {f.name}" for f in summary)


def attach(heartbeat: Heartbeat, window: QWidget) -> None:
    """Beat from the window's first paint until the autopilot is done."""
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer

    heartbeat.window = window
    timer = QTimer(window)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(BEAT_MS)
    timer.timeout.connect(heartbeat.beat)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not timer.isActive():
                heartbeat.start()
                timer.start()
                window.removeEventFilter(self)
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
    autopilot = getattr(window, "autopilot", None)
    if autopilot is not None:

        def stop(_: object) -> None:
            heartbeat.running = False
            timer.stop()

        autopilot.add_done_callback(stop)


def run_autopilot(heartbeat: Heartbeat) -> int:
    from setup_wizard.app import main
    from setup_wizard.gui import main_window

    original = main_window.create_main_window

    async def create_main_window(settings: AppSettings) -> QWidget:
        window = await original(settings)
        attach(heartbeat, window)
        return window

    main_window.create_main_window = create_main_window
    return main(["--simulate", "--autopilot"])


def report(heartbeat: Heartbeat) -> None:
    lates = heartbeat.lates
    if not lates:
        print("no heartbeat was recorded")
        return
    longest = max(lates)
    p99 = statistics.quantiles(lates, n=100)[98] if len(lates) >= 100 else longest
    print(
        f"Event loop during the autopilot run: {len(lates)} beats of {BEAT_MS} ms;"
        f" a stall = how late a beat came"
    )
    print(f"  longest stall {longest:.1f} ms, 99th percentile {p99:.1f} ms")
    per_page: dict[str, list[float]] = collections.defaultdict(list)
    for stall in heartbeat.stalls:
        per_page[stall.page].append(stall.late_ms)
    print("  longest per page (stalls of 16 ms or more, i.e. a dropped frame, counted):")
    for page, values in per_page.items():
        frames = sum(1 for v in values if v >= 16)
        print(f"    {page:<12} {max(values):7.1f} ms  {frames:3d} over 16 ms")
    print(f"  the {SHOWN_STALLS} worst:")
    for stall in sorted(heartbeat.stalls, key=lambda s: -s.late_ms)[:SHOWN_STALLS]:
        print(f"    {stall.late_ms:7.1f} ms on {stall.page}")
        if stall.samples:
            common, count = collections.Counter(stall.samples).most_common(1)[0]
            print(f"      GUI thread in ({count} of {len(stall.samples)} samples):")
            for line in common:
                print(f"        {line}")
    verdict = "met" if longest <= TARGET_MS else "MISSED"
    print(f"target: longest stall at most {TARGET_MS:g} ms: {verdict} ({longest:.1f} ms)")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        for name in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = os.path.join(folder, name.lower())  # no profile, logs not in ~
        heartbeat = Heartbeat()
        code = run_autopilot(heartbeat)
    if code != 0:
        print(f"the autopilot run failed (exit {code}): no figures")
        return 1
    report(heartbeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
