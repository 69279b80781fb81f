"""What a long run may leak, measured: open file descriptors, asyncio tasks, threads, and
memory (traced by ``tracemalloc``, with and without the simulator's share, and the
process's resident size)."""

from __future__ import annotations

import asyncio
import collections
import gc
import os
import statistics
import threading
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

TRACE_FRAMES = int(os.environ.get("SOAK_TRACE_FRAMES", "12"))
"""Deep enough that an allocation made for the simulator has a simulator frame in its
traceback (an aiohttp handler's JSON sits a dozen frames below the route)."""
SIMULATOR = f"{os.sep}setup_wizard{os.sep}sim{os.sep}"
HARNESS = f"{os.sep}tests{os.sep}soak{os.sep}"

_FD_FOLDERS = (Path("/proc/self/fd"), Path("/dev/fd"))


def open_files() -> list[str]:
    """What this process's open file descriptors point at (Linux; macOS's /dev/fd)."""
    for folder in _FD_FOLDERS:
        if folder.is_dir():
            targets = (_target(folder / name) for name in os.listdir(folder))
            return sorted(target for target in targets if target is not None)
    raise RuntimeError("no /proc/self/fd or /dev/fd here: cannot count open files")


def _target(link: Path) -> str | None:
    try:
        return os.readlink(link)
    except OSError:  # the listing's own descriptor, closed by now
        return None


@dataclass(frozen=True)
class _Tcp:
    local: int
    remote: int
    listening: bool


def _tcp_sockets() -> dict[str, _Tcp]:
    """Each TCP socket of this machine by its inode (Linux's /proc/net/tcp and tcp6)."""
    found: dict[str, _Tcp] = {}
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        try:
            rows = table.read_text(encoding="ascii").splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            local, remote, state, inode = fields[1], fields[2], fields[3], fields[9]
            found[inode] = _Tcp(
                int(local.rsplit(":", 1)[1], 16), int(remote.rsplit(":", 1)[1], 16), state == "0A"
            )
    return found


def _task_name(task: asyncio.Task[object]) -> str:
    coro = task.get_coro()
    return getattr(coro, "__qualname__", None) or task.get_name()


KEEPALIVE_HANDLER = "RequestHandler.start"
"""The simulated cloud's (aiohttp's) task serving one HTTP connection."""


EXECUTOR_THREAD = "asyncio_"
"""How asyncio's default executor names its worker threads."""
EXECUTOR_LIMIT = min(32, (os.cpu_count() or 1) + 4)
"""The most worker threads that executor starts (ThreadPoolExecutor's default)."""


@dataclass(frozen=True)
class Levels:
    """What is open: files and sockets (the HTTP connections to the cloud counted apart,
    both of their ends being in this process), asyncio tasks (the cloud's task for each of
    those connections apart), threads (asyncio's executor workers apart)."""

    files: tuple[str, ...]
    task_names: tuple[str, ...]
    thread_names: tuple[str, ...]
    workers: int = 0
    """Idle or busy worker threads of asyncio's default executor."""
    cloud_connections: int = 0
    """Connections from the app to the simulated cloud (each one two fds and a task)."""

    @property
    def fds(self) -> int:
        return len(self.files) + 2 * self.cloud_connections

    @property
    def tasks(self) -> int:
        return len(self.task_names) + self.cloud_connections

    @property
    def threads(self) -> int:
        return len(self.thread_names) + self.workers

    @classmethod
    def now(cls, cloud_port: int | None = None) -> Levels:
        """Counted after a garbage collection (an object waiting for it may hold a socket);
        tasks only when an event loop runs here."""
        gc.collect()
        try:
            tasks = asyncio.all_tasks()
        except RuntimeError:
            tasks = set()
        sockets = _tcp_sockets()
        files: list[str] = []
        connections = 0
        for target in open_files():
            tcp = sockets.get(target.removeprefix("socket:[").removesuffix("]"))
            if tcp is None:
                files.append(target)
            elif tcp.listening:
                files.append(f"tcp listening on {tcp.local}")
            elif cloud_port is not None and tcp.remote == cloud_port:
                connections += 1  # the app's end; the cloud's end is skipped below
            elif cloud_port is None or tcp.local != cloud_port:
                files.append(f"tcp {tcp.local} to {tcp.remote}")
        names = [_task_name(task) for task in tasks]
        handlers = names.count(KEEPALIVE_HANDLER)
        names = [name for name in names if name != KEEPALIVE_HANDLER]
        names += [f"{KEEPALIVE_HANDLER} (no connection)"] * max(0, handlers - connections)
        threads = [thread.name for thread in threading.enumerate()]
        workers = [name for name in threads if name.startswith(EXECUTOR_THREAD)]
        return cls(
            tuple(files),
            tuple(sorted(names)),
            tuple(sorted(name for name in threads if name not in workers)),
            len(workers),
            connections,
        )

    def within(self, earlier: Levels) -> bool:
        """Nothing open now that was not at ``earlier`` (but for the idle connections to the
        cloud, see :attr:`cloud_connections`, and the executor's workers). What closed
        meanwhile is no leak: in a test session, other tests' leftovers may go."""
        return not self.more_than(earlier)

    def more_than(self, earlier: Levels) -> str:
        """What is open now and was not at ``earlier`` ("": nothing)."""
        more: list[str] = []
        for now, then, what in (
            (self.files, earlier.files, ""),
            (self.task_names, earlier.task_names, "task "),
            (self.thread_names, earlier.thread_names, "thread "),
        ):
            extra = collections.Counter(now) - collections.Counter(then)
            more += [f"{what}{name}" for name in extra.elements()]
        return ", ".join(more)

    def __str__(self) -> str:
        return f"{self.fds} fds, {self.tasks} tasks, {self.threads} threads"


@dataclass(frozen=True)
class MemorySample:
    device: int
    """Taken after this many devices (0: before the first)."""
    app: int | None
    """Bytes traced (None: not traced), without the simulator's (any frame in
    setup_wizard/sim) and the soak's own bookkeeping (allocated in tests/soak)."""
    traced: int | None
    """Bytes traced in all."""
    rss: int | None
    """The process's resident set size (None where /proc is missing)."""


def start_tracing() -> None:
    tracemalloc.start(TRACE_FRAMES)


def stop_tracing() -> None:
    tracemalloc.stop()


def sample_memory(device: int) -> MemorySample:
    """The resident size, and when tracemalloc runs, what it traced (all of it, and the
    app's share)."""
    gc.collect()
    if not tracemalloc.is_tracing():
        return MemorySample(device, None, None, resident_size())
    snapshot = tracemalloc.take_snapshot()
    traced = app = 0
    for stat in snapshot.statistics("traceback"):  # each distinct traceback once
        traced += stat.size
        frames = [frame.filename for frame in stat.traceback]
        if any(SIMULATOR in name for name in frames):
            continue
        if HARNESS in frames[-1] or frames[-1] == tracemalloc.__file__:
            continue
        app += stat.size
    return MemorySample(device, app, traced, resident_size())


def resident_size() -> int | None:
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return None


def slope(points: list[tuple[int, int]]) -> float:
    """Least-squares bytes per device through ``(device, bytes)`` points."""
    if len({x for x, _ in points}) < 2:
        return 0.0
    xs, ys = zip(*points, strict=True)
    return statistics.linear_regression(xs, ys).slope
