"""Does the window ever freeze? The longest stall of the event loop during an autopilot run.

Runs ``setup-wizard --simulate --autopilot`` (offscreen) in a child process; the simulation
runs in that process and on the same loop, as it does for a person trying the app. A Qt
heartbeat timer (precise, every 5 ms) notes when each beat arrives, from the window's
first paint to the autopilot's end; a stall is how late a beat came (its gap minus 5 ms),
that is how long the loop was busy without serving the window. Printed per run: the
longest stall, the 99th percentile, the longest per page, and the worst stalls with the
page they began on. A watchdog thread samples the Python stack of the GUI thread whenever
a beat is more than 10 ms late, so each worst stall names the code that held the loop
(the module being imported, if it was an import).

One warm-up run first (discarded) writes the bytecode cache, in a temporary folder, so the
measured runs import modules as an installed app does (an environment with
PYTHONDONTWRITEBYTECODE would otherwise compile each lazily imported module of the app on
the loop). The app is hooked, not changed: ``setup_wizard.gui.main_window.
create_main_window`` is wrapped to attach the heartbeat to the window it returns.

Usage: python bench/bench_autopilot_stalls.py [--runs N]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from setup_wizard.settings import AppSettings

BEAT_MS = 5
TARGET_MS = 50.0
SAMPLE_AFTER = 0.010  # seconds late before the watchdog samples the GUI thread's stack
SAMPLE_EVERY = 0.002
SHOWN_FRAMES = 6
SHOWN_STALLS = 4
RUNS = 2
RUN_LIMIT = 120.0


@dataclass
class Sample:
    importing: str  # the module being imported at the outermost level, or ""
    frames: list[str]  # innermost last, as "module.py:line function"


@dataclass
class Stall:
    late_ms: float
    page: str  # where it began
    samples: list[Sample] = field(default_factory=list)


@dataclass
class Heartbeat:
    """Beats on the GUI thread; a watchdog thread samples its stack while a beat is late."""

    window: QWidget | None = None
    last: float = 0.0
    running: bool = False
    lates: list[float] = field(default_factory=list)
    stalls: list[Stall] = field(default_factory=list)
    previous_page: str = ""
    pending: list[tuple[float, Sample]] = field(default_factory=list)
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
        taken, self.pending = self.pending, []
        if late >= 1.0:
            samples = [sample for after, sample in taken if after == self.last]
            self.stalls.append(Stall(late, self.previous_page, samples))
        self.previous_page = self.page()
        self.last = now

    def start(self) -> None:
        self.previous_page = self.page()
        self.last = time.perf_counter()
        self.running = True
        threading.Thread(target=self.watch, name="stall-watchdog", daemon=True).start()

    def watch(self) -> None:
        while True:
            time.sleep(SAMPLE_EVERY)
            last = self.last
            if self.running and time.perf_counter() - last > SAMPLE_AFTER + BEAT_MS / 1000:
                frame = sys._current_frames().get(self.gui_thread)
                if frame is not None:
                    self.pending.append((last, sample_of(frame)))


def sample_of(frame: FrameType | None) -> Sample:
    frames: list[str] = []
    importing = ""
    while frame is not None:
        code = frame.f_code
        if code.co_filename.startswith("<frozen importlib"):
            if code.co_name == "_find_and_load":
                importing = str(frame.f_locals.get("name", "?"))
        else:
            frames.append(f"{os.path.basename(code.co_filename)}:{frame.f_lineno} {code.co_name}")
        frame = frame.f_back
    return Sample(importing, frames[:SHOWN_FRAMES][::-1])


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

    window.installEventFilter(FirstPaint(window))
    autopilot = getattr(window, "autopilot", None)
    if autopilot is not None:

        def stop(_: object) -> None:
            heartbeat.running = False
            timer.stop()

        autopilot.add_done_callback(stop)


def child(result: Path) -> int:
    """One autopilot run with the heartbeat; the figures go to ``result`` as JSON."""
    from setup_wizard.app import main
    from setup_wizard.gui import main_window

    heartbeat = Heartbeat()
    original = main_window.create_main_window

    async def create_main_window(settings: AppSettings) -> QWidget:
        window = await original(settings)
        attach(heartbeat, window)
        return window

    main_window.create_main_window = create_main_window
    code = main(["--simulate", "--autopilot"])
    figures = {"lates": heartbeat.lates, "stalls": [asdict(s) for s in heartbeat.stalls]}
    result.write_text(json.dumps(figures), encoding="utf-8")
    return code


# -- the parent ------------------------------------------------------------------------------


def run(folder: str, number: int) -> dict[str, Any] | None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = os.path.join(folder, name.lower())  # no profile, logs not in ~
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(folder, "pycache")
    result = Path(folder) / f"run-{number}.json"
    done = subprocess.run(  # noqa: S603 - this interpreter, this file
        [sys.executable, __file__, "--child", str(result)],
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_LIMIT,
        check=False,
    )
    if done.returncode != 0 or not result.exists():
        print(f"the autopilot run failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
        return None
    figures: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return figures


def report(number: int, figures: dict[str, Any]) -> float:
    lates: list[float] = figures["lates"]
    stalls = [
        Stall(s["late_ms"], s["page"], [Sample(**x) for x in s["samples"]])
        for s in figures["stalls"]
    ]
    longest = max(lates, default=0.0)
    p99 = statistics.quantiles(lates, n=100)[98] if len(lates) >= 100 else longest
    print(
        f"run {number}: {len(lates)} beats; longest stall {longest:.1f} ms,"
        f" 99th percentile {p99:.1f} ms"
    )
    per_page: dict[str, list[float]] = collections.defaultdict(list)
    for stall in stalls:
        per_page[stall.page].append(stall.late_ms)
    print("  page          longest  stalls of 16 ms or more (a dropped frame)")
    for page, values in per_page.items():
        print(f"  {page:<12} {max(values):6.1f} ms  {sum(1 for v in values if v >= 16):3d}")
    print(f"  the {SHOWN_STALLS} worst, with where the GUI thread was:")
    for stall in sorted(stalls, key=lambda s: -s.late_ms)[:SHOWN_STALLS]:
        print(f"    {stall.late_ms:6.1f} ms on {stall.page}: {where(stall)}")
    return longest


def where(stall: Stall) -> str:
    if not stall.samples:
        return "not sampled (under the watchdog's 10 ms)"
    imports = collections.Counter(s.importing for s in stall.samples if s.importing)
    common = collections.Counter(tuple(s.frames) for s in stall.samples).most_common(1)[0][0]
    lines = [f"{len(stall.samples)} samples"]
    if imports:
        lines.append("importing " + ", ".join(f"{m} ({n})" for m, n in imports.most_common(3)))
    if common and common[-1].split()[-1] in ("run_forever", "exec"):
        lines.append("inside Qt (no Python frame below the event loop: layout, painting…)")
    lines.extend(f"  {frame}" for frame in common)
    return "\n        ".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        return child(args.child)
    print(
        f"Event loop during `setup-wizard --simulate --autopilot` (offscreen): a {BEAT_MS} ms"
        " heartbeat; a stall = how late a beat came"
    )
    longest: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        if run(folder, 0) is None:  # warm-up: the bytecode cache
            return 1
        for number in range(1, args.runs + 1):
            figures = run(folder, number)
            if figures is None:
                return 1
            longest.append(report(number, figures))
    worst = max(longest)
    verdict = "met" if worst <= TARGET_MS else "MISSED"
    print(
        f"target: longest stall at most {TARGET_MS:g} ms: {verdict} ({worst:.1f} ms, the"
        f" longest of {len(longest)} runs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
