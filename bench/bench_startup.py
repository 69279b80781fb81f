"""Cold start to the first page shown, and peak memory, against a bare QWizard.

Each start is a fresh Python process (imports not yet loaded; the files are in the OS cache
after the warm-up round, for all alike), on Qt's offscreen platform. "Ours" is
``setup-wizard --simulate`` as a person starts it, simulation included, or with a product
profile; "bare" is QApplication + QWizard + one QWizardPage, shown. All run this file in
``--child`` mode, which watches the window for its first paint (an event filter on the
window alone) and in the next turn of the event loop (the whole first frame painted) prints
``time.monotonic()``. Times
are that moment minus the moment the parent spawned the process (CLOCK_MONOTONIC is one
clock for all processes). Peak memory = the child's maximum resident set over its whole
life, closing included (``os.wait4``).

The window shows its Welcome page before the runtime starts (imports, the simulation, the
HTTP client, Wi-Fi detection) and the other pages are built; Next is enabled once they
are. So three kinds of run, each of its own processes:

- to the first page: closed the ordinary way right after the first paint (in that turn,
  before the runtime starts). Start time and memory against the bare QWizard's.
- until Next: closed once the runtime has started and every page is built ("ready", the
  wizard's ``attach`` done): the time a person waits before Next can be clicked.
- the journey: ``--simulate --autopilot`` from start to the Done page; its peak memory is
  what a whole setup costs (with the simulated cloud and Photon in the same process).

The app is hooked, not changed: the child wraps ``setup_wizard.gui.launch.run_window``, to
wrap in turn ``main_window.create_main_window`` (the paint watcher goes on the window it
returns, before it is shown) and ``SetupWizard.attach`` (the moment the wizard is ready).
Rounds alternate the order of the kinds; medians are compared with the targets (start
1.5x, memory 1.3x).

Usage: python bench/bench_startup.py [--rounds N] [--journeys N]
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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from setup_wizard.settings import AppSettings

ROUNDS = 7
JOURNEYS = 3
START_TARGET = 1.5
MEMORY_TARGET = 1.3
CHILD_LIMIT = 90.0
PAINTED = "first-paint-monotonic"
READY = "ready-monotonic"


# -- the children ----------------------------------------------------------------------------


def watch_first_paint(window: QWidget, *, close: bool) -> None:
    """Once ``window`` has painted its first frame: print the time, and close it if
    ``close``. The filter sees the window's own events only (an application-wide one would
    cost the app with more widgets more)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, painted)
            return False

    def painted() -> None:
        print(f"{PAINTED} {time.monotonic()!r}", flush=True)
        if close:
            window.close()

    window.installEventFilter(FirstPaint(window))


def child_ours(app_args: list[str], until: str) -> int:
    """``until``: "paint" closes after the first paint, "ready" once the wizard is ready
    (Next enabled), "end" never (the autopilot ends the run)."""
    from setup_wizard.app import main
    from setup_wizard.gui import launch

    original_run = launch.run_window

    async def run_window(settings: AppSettings) -> int:
        from setup_wizard.gui import main_window  # as run_window imports it, then
        from setup_wizard.gui.wizard import SetupWizard

        original_create = main_window.create_main_window
        original_attach = getattr(SetupWizard, "attach", None)  # None before it existed

        async def create_main_window(settings: AppSettings) -> QWidget:
            window = await original_create(settings)
            watch_first_paint(window, close=until == "paint")
            return window

        async def attach(wizard: SetupWizard, *args: Any, **kwargs: Any) -> None:
            assert original_attach is not None
            await original_attach(wizard, *args, **kwargs)
            if wizard.ready:
                print(f"{READY} {time.monotonic()!r}", flush=True)
                if until == "ready":
                    wizard.close()

        main_window.create_main_window = create_main_window
        if until != "paint":
            SetupWizard.attach = attach  # type: ignore[method-assign,assignment]
        return await original_run(settings)

    launch.run_window = run_window
    return main(app_args)


def child_bare() -> int:
    from PySide6.QtWidgets import QApplication, QWizard, QWizardPage

    app = QApplication([sys.argv[0]])
    wizard = QWizard()
    page = QWizardPage()
    page.setTitle("Welcome")
    wizard.addPage(page)
    watch_first_paint(wizard, close=True)
    wizard.show()
    return app.exec()


# -- the parent ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Start:
    first_paint: float  # seconds from spawn
    ready: float | None  # seconds from spawn: Next enabled (ours, when it waited for that)
    exited: float  # seconds from spawn
    max_rss_mb: float


def stamp(out: str, name: str) -> float | None:
    line = next((line for line in out.splitlines() if line.startswith(name)), None)
    return None if line is None else float(line.split()[1])


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
        painted, ready = stamp(out, PAINTED), stamp(out, READY)
        waited = KINDS[kind].until in ("ready", "end")
        if child.returncode != 0 or painted is None or (waited and ready is None):
            err.seek(0)
            raise RuntimeError(
                f"{kind}: exit {child.returncode}, painted {painted}, ready {ready}:\n{err.read()}"
            )
    return Start(
        painted - spawned,
        None if ready is None else ready - spawned,
        exited - spawned,
        usage.ru_maxrss / 1024,
    )


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


@dataclass(frozen=True)
class Kind:
    what: str
    until: str  # "paint", "ready" or "end" (see child_ours)
    journey: bool = False  # a whole autopilot run: fewer rounds


KINDS = {
    "simulation": Kind(
        "setup-wizard --simulate (what `make run` opens), closed at the first paint", "paint"
    ),
    "product": Kind(
        "setup-wizard with a product profile (real mode, addresses on loopback), closed at "
        "the first paint",
        "paint",
    ),
    "bare": Kind("QApplication + QWizard + one QWizardPage, closed at the first paint", "paint"),
    "sim-ready": Kind("setup-wizard --simulate, closed once Next is enabled", "ready"),
    "prod-ready": Kind("the product profile run, closed once Next is enabled", "ready"),
    "journey": Kind(
        "setup-wizard --simulate --autopilot, start to Done (simulation in the process)",
        "end",
        journey=True,
    ),
}


def verdict(ratio: float, target: float) -> str:
    return f"{ratio:5.2f}x  (target at most {target:g}x: {'met' if ratio <= target else 'MISSED'})"


def measure(rounds: int, journeys: int) -> None:
    runs: dict[str, list[Start]] = {kind: [] for kind in KINDS}
    with tempfile.TemporaryDirectory() as folder:
        env = child_env(folder)
        for kind in KINDS:  # warm-up: bytecode written, files in the OS cache, for each alike
            start(kind, env, folder)
        for number in range(rounds):
            kinds = [k for k in KINDS if not KINDS[k].journey or number < journeys]
            order = kinds if number % 2 == 0 else kinds[::-1]
            for kind in order:
                runs[kind].append(start(kind, env, folder))

    def median(kind: str, field: str) -> float:
        return float(statistics.median(getattr(s, field) for s in runs[kind]))

    print(
        f"Cold start and peak memory, offscreen, alternating: {rounds} fresh processes of each"
        f" kind ({journeys} journeys)"
    )
    for kind, info in KINDS.items():
        print(f"  {kind:<10} = {info.what}")
    print("  first paint, each round (s):")
    for kind, starts in runs.items():
        print(f"    {kind:<10} " + "  ".join(f"{s.first_paint:.3f}" for s in starts))
    print(
        f"  {'medians':<10}  first paint   Next enabled   peak RSS   process exit"
        " (closing included)"
    )
    for kind in KINDS:
        ready = median(kind, "ready") if runs[kind][0].ready is not None else None
        print(
            f"    {kind:<10} {median(kind, 'first_paint'):7.3f} s"
            f"   {f'{ready:7.3f} s' if ready is not None else '        -'}"
            f"   {median(kind, 'max_rss_mb'):6.1f} MB {median(kind, 'exited'):9.3f} s"
        )
    bare_paint, bare_rss = median("bare", "first_paint"), median("bare", "max_rss_mb")
    print("Against the bare QWizard:")
    for kind in ("simulation", "product"):
        paint = median(kind, "first_paint") / bare_paint
        rss = median(kind, "max_rss_mb") / bare_rss
        print(
            f"  {kind}: start to the first page {verdict(paint, START_TARGET)};"
            f" peak memory until the first page {verdict(rss, MEMORY_TARGET)}"
        )
    for kind in ("sim-ready", "prod-ready"):
        print(
            f"  {kind}: Next enabled {median(kind, 'ready') / bare_paint:5.2f}x the bare first"
            f" paint; peak memory {median(kind, 'max_rss_mb') / bare_rss:5.2f}x"
        )
    rss = median("journey", "max_rss_mb") / bare_rss
    print(f"  journey: peak memory over the whole setup {verdict(rss, MEMORY_TARGET)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--journeys", type=int, default=JOURNEYS)
    parser.add_argument("--child", choices=tuple(KINDS), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        return child_bare()
    if args.child is not None:
        kind = KINDS[args.child]
        simulate = args.child in ("simulation", "sim-ready", "journey")
        app_args = ["--simulate"] if simulate else real_mode_args(args.folder)
        return child_ours(app_args + (["--autopilot"] if kind.journey else []), kind.until)
    measure(args.rounds, min(args.journeys, args.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
