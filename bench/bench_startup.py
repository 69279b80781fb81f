"""Cold start to the first page shown, and peak memory, against a bare QWizard.

Each start is a fresh Python process (imports not yet loaded; the files are in the OS cache
after the warm-up pair, for both alike), on Qt's offscreen platform. "Ours" is
``setup-wizard --simulate`` as a person starts it, simulation included; "bare" is
QApplication + QWizard + one QWizardPage, shown. Both run this file in ``--child`` mode,
which watches for the first paint of a top-level window, and in the next turn of the event
loop (the whole first frame painted) prints ``time.monotonic()`` and closes the window the
ordinary way. Cold start = that moment minus the moment the parent spawned the process
(CLOCK_MONOTONIC is one clock for all processes). Peak memory = the child's maximum resident
set over its whole life, closing included (``os.wait4``). Also printed: the time to the
process's exit, which includes closing (ours stops its simulation then).

The app is hooked, not changed: the child wraps ``setup_wizard.gui.launch.run_window`` to
install the paint watcher once the app has made its QApplication. Rounds alternate which
goes first; medians are compared with the targets (start 1.5x, memory 1.3x).

Usage: python bench/bench_startup.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass

ROUNDS = 7
START_TARGET = 1.5
MEMORY_TARGET = 1.3
CHILD_LIMIT = 60.0
PAINTED = "first-paint-monotonic"


# -- the children ----------------------------------------------------------------------------


def watch_first_paint() -> None:
    """Once a top-level window has painted its first frame: print the time, close it."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not self.seen
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.isWindow()
            ):
                self.seen = True
                window = watched
                QTimer.singleShot(0, lambda: painted(window))
            return False

    def painted(window: QWidget) -> None:
        print(f"{PAINTED} {time.monotonic()!r}", flush=True)
        window.close()

    app = QApplication.instance()
    assert app is not None
    watcher = FirstPaint(app)  # owned by the app: lives as long as it
    app.installEventFilter(watcher)


def child_ours() -> int:
    from setup_wizard.app import main
    from setup_wizard.gui import launch
    from setup_wizard.settings import AppSettings

    original = launch.run_window

    async def run_window(settings: AppSettings) -> int:
        watch_first_paint()
        return await original(settings)

    launch.run_window = run_window
    return main(["--simulate"])


def child_bare() -> int:
    from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

    app = QApplication([sys.argv[0]])
    watch_first_paint()
    wizard = QWizard()
    page = QWizardPage()
    page.setTitle("Welcome")
    wizard.addPage(page)
    wizard.show()
    return app.exec()


# -- the parent ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Start:
    first_paint: float  # seconds from spawn
    exited: float  # seconds from spawn
    max_rss_mb: float


def start(kind: str, env: dict[str, str]) -> Start:
    """One cold start; its own peak memory from ``os.wait4`` (``RUSAGE_CHILDREN`` would give
    the largest of all children so far)."""
    with tempfile.TemporaryFile("w+") as err:
        spawned = time.monotonic()
        child = subprocess.Popen(  # noqa: S603 - this interpreter, this file
            [sys.executable, __file__, "--child", kind],
            env=env,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
        killer = threading.Timer(CHILD_LIMIT, child.kill)
        killer.start()
        try:
            assert child.stdout is not None
            out = child.stdout.read()
            _, status, usage = os.wait4(child.pid, 0)
            exited = time.monotonic()
        finally:
            killer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        child.stdout.close()
        stamp = next((line for line in out.splitlines() if line.startswith(PAINTED)), None)
        if child.returncode != 0 or stamp is None:
            err.seek(0)
            raise RuntimeError(f"{kind}: exit {child.returncode}, no first paint:\n{err.read()}")
    return Start(float(stamp.split()[1]) - spawned, exited - spawned, usage.ru_maxrss / 1024)


def child_env(folder: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = os.path.join(folder, name.lower())  # no profile, logs not in ~
    return env


def ratio_line(what: str, ours: float, bare: float, unit: str, target: float) -> str:
    ratio = ours / bare
    verdict = "met" if ratio <= target else "MISSED"
    return (
        f"{what:<20} ours {ours:8.3f} {unit}  bare QWizard {bare:8.3f} {unit}  "
        f"{ratio:5.2f}x  (target at most {target:g}x: {verdict})"
    )


def measure(rounds: int) -> None:
    runs: dict[str, list[Start]] = {"ours": [], "bare": []}
    with tempfile.TemporaryDirectory() as folder:
        env = child_env(folder)
        start("ours", env)  # warm-up pair: the OS caches the files for both alike
        start("bare", env)
        for number in range(rounds):
            order = ("ours", "bare") if number % 2 == 0 else ("bare", "ours")
            for kind in order:
                runs[kind].append(start(kind, env))
    print(f"Cold start, {rounds} rounds each (fresh processes, offscreen), medians:")
    for kind, starts in runs.items():
        paints = ", ".join(f"{s.first_paint:.3f}" for s in starts)
        print(f"  {kind:<4} first paint (s): {paints}")
    ours, bare = runs["ours"], runs["bare"]

    def median(starts: list[Start], field: str) -> float:
        return float(statistics.median(getattr(s, field) for s in starts))

    print(
        ratio_line(
            "to first paint",
            median(ours, "first_paint"),
            median(bare, "first_paint"),
            "s",
            START_TARGET,
        )
    )
    print(
        ratio_line(
            "peak memory (RSS)",
            median(ours, "max_rss_mb"),
            median(bare, "max_rss_mb"),
            "MB",
            MEMORY_TARGET,
        )
    )
    print(
        f"{'to process exit':<20} ours {median(ours, 'exited'):8.3f} s  bare QWizard "
        f"{median(bare, 'exited'):8.3f} s  (closing included; for information)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--child", choices=("ours", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "ours":
        return child_ours()
    if args.child == "bare":
        return child_bare()
    measure(args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
