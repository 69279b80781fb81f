"""Running the built bundle as a person's computer runs it: a copy outside the repository,
from a folder of its own, with an empty environment; and where the system permits a mount
namespace (root, as in CI), with this repository and every Python installation hidden, as
on a computer without Python."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

BUNDLE_VARIABLE = "PHOTON_SETUP_BUNDLE"
REPOSITORY = Path(__file__).resolve().parents[2]
UNSHARE = shutil.which("unshare")
WAIT = 30.0

# Runs in the namespace: an empty read-only folder over each path before "--", then the rest.
_HIDE = 'while [ "$1" != -- ]; do mount -t tmpfs -o ro,size=4k tmpfs "$1" || exit 125; shift; done; shift; exec "$@"'  # noqa: E501


def python_installations() -> list[Path]:
    """This repository (its .venv too), the Python running the tests, and the system's."""
    found = {REPOSITORY, Path(sys.prefix), Path(sys.base_prefix), Path(sys.base_exec_prefix)}
    for lib in (Path("/usr/lib"), Path("/usr/local/lib")):
        found.update(p for p in lib.glob("python3*") if p.is_dir())
    resolved = {p.resolve() for p in found if p.is_dir()}
    # A folder inside another one disappears with it (and then cannot be mounted over).
    return sorted(p for p in resolved if not any(o != p and o in p.parents for o in resolved))


def why_python_is_visible() -> str | None:
    if UNSHARE is None:
        return "unshare (util-linux) is not installed"
    probe = subprocess.run(  # noqa: S603 - a fixed command
        [UNSHARE, "--mount", "--propagation", "private", "true"],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    if probe.returncode != 0:
        return f"mount namespaces are not permitted here: {probe.stderr.strip()}"
    return None


@dataclass
class Bundle:
    """The copy of the bundle, and how to run its executable cut off from this Python."""

    folder: Path
    home: Path
    hidden: list[Path]
    why_not_hidden: str | None
    started: list[subprocess.Popen[str]] = field(default_factory=list)

    @property
    def executable(self) -> Path:
        return self.folder / "photon-setup"

    def command(
        self,
        *args: str,
        program: Sequence[str] | None = None,
        environment: Mapping[str, str] | None = None,
    ) -> list[str]:
        """``photon-setup ARGS`` (or ``program``) with an empty environment but ``environment``
        and a few basics, Python hidden."""
        variables = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            **(environment or {}),
        }
        run = list(program) if program is not None else [str(self.executable), *args]
        if self.hidden:
            assert UNSHARE is not None
            hide = [UNSHARE, "--mount", "--propagation", "private", "sh", "-c", _HIDE, "sh"]
            run = [*hide, *map(str, self.hidden), "--", *run]
        return ["/usr/bin/env", "-i", *(f"{k}={v}" for k, v in variables.items()), *run]

    def run(
        self,
        *args: str,
        program: Sequence[str] | None = None,
        environment: Mapping[str, str] | None = None,
        timeout: float = WAIT,
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603 - the bundle we built
            self.command(*args, program=program, environment=environment),
            cwd=self.home,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def start(self, *args: str) -> Simulator:
        process = subprocess.Popen(  # noqa: S603 - the bundle we built
            self.command(*args),
            cwd=self.home,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.started.append(process)
        return Simulator(process)

    def close(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
            process.communicate()


@dataclass
class Simulator:
    process: subprocess.Popen[str]

    def ready(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.process.kill()
            _, errors = self.process.communicate()
            pytest.fail(f"the bundled simulator ended without its ready line: {errors}")
        ready: dict[str, Any] = json.loads(line)
        return ready

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=WAIT)
