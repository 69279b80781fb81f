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


def child_ours(app_args: list[str]) -> int:
    from setup_wizard.app import main
    from setup_wizard.gui import launch
    from setup_wizard.settings import AppSettings

    original = launch.run_window

    async def run_window(settings: AppSettings) -> int:
        watch_first_paint()
        return await original(settings)

    launch.run_window = run_window
    return main(app_args)


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


def start(kind: str, env: dict[str, str], folder: str) -> Start:
    """One cold start; its own peak memory from ``os.wait4`` (``RUSAGE_CHILDREN`` would give
    the largest of all children so far)."""
    with tempfile.TemporaryFile("w+") as err:
        spawned = time.monotonic()
        child = subprocess.Popen(  # noqa: S603 - this interpreter, this file
            [sys.executable, __file__, "--child", kind, "--folder", folder],
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
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # never the real keychain
    # Bytecode cached, as for an installed app, but outside the source tree: a
    # PYTHONDONTWRITEBYTECODE left in the environment would make every start compile all
    # of the app's modules again (about 0.2 s) and none of the bare script's.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(folder, "pycache")
    return env


def real_mode_args(folder: str) -> list[str]:
    """A product profile and every address on loopback (nothing listens there): the app as
    a product's customer starts it, minus any packet leaving this computer."""
    profile = os.path.join(folder, "profile.toml")
    with open(profile, "w", encoding="utf-8") as file:
        file.write('product = 1234\nclient_id = "bench-1234"\nclient_secret = "bench"\n')
    return [
        "--product-profile", profile, "--api-url", "http://127.0.0.1:9",
        "--device-host", "127.0.0.1", "--device-tcp-port", "9", "--device-http-port", "9",
        "--wifi", "manual",
    ]  # fmt: skip


KINDS = {
    "simulation": "setup-wizard --simulate (what `make run` opens; the simulation starts too)",
    "product": "setup-wizard with a product profile (real mode, addresses on loopback)",
    "bare": "QApplication + QWizard + one QWizardPage",
}


def verdict(ratio: float, target: float) -> str:
    return f"{ratio:5.2f}x  (target at most {target:g}x: {'met' if ratio <= target else 'MISSED'})"


def measure(rounds: int) -> None:
    runs: dict[str, list[Start]] = {kind: [] for kind in KINDS}
    with tempfile.TemporaryDirectory() as folder:
        env = child_env(folder)
        for kind in KINDS:  # warm-up: bytecode written, files in the OS cache, for each alike
            start(kind, env, folder)
        for number in range(rounds):
            kinds = list(KINDS)
            order = kinds if number % 2 == 0 else kinds[::-1]
            for kind in order:
                runs[kind].append(start(kind, env, folder))

    def median(kind: str, field: str) -> float:
        return float(statistics.median(getattr(s, field) for s in runs[kind]))

    print(f"Cold start and peak memory: {rounds} fresh processes each, offscreen, alternating")
    for kind, what in KINDS.items():
        print(f"  {kind:<10} = {what}")
    print("  first paint, each round (s):")
    for kind, starts in runs.items():
        print(f"    {kind:<10} " + "  ".join(f"{s.first_paint:.3f}" for s in starts))
    bare_paint, bare_rss = median("bare", "first_paint"), median("bare", "max_rss_mb")
    print(f"  {'medians':<10}  first paint   peak RSS   process exit (closing included)")
    for kind in KINDS:
        print(
            f"    {kind:<10} {median(kind, 'first_paint'):7.3f} s {median(kind, 'max_rss_mb'):7.1f}"
            f" MB {median(kind, 'exited'):9.3f} s"
        )
    for kind in ("simulation", "product"):
        paint = median(kind, "first_paint") / bare_paint
        rss = median(kind, "max_rss_mb") / bare_rss
        print(f"{kind}: start {verdict(paint, START_TARGET)}; memory {verdict(rss, MEMORY_TARGET)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--child", choices=tuple(KINDS), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "simulation":
        return child_ours(["--simulate"])
    if args.child == "product":
        return child_ours(real_mode_args(args.folder))
    if args.child == "bare":
        return child_bare()
    measure(args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
