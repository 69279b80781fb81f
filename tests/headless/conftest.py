"""Fixtures for ``setup-wizard onboard``: a computer of its own per test, the simulator as a
separate process (``setup-wizard simulate``), and the scan for secrets after each test."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from headless_helpers import Computer, SecretScan, ready_secrets

READY_TIMEOUT = 20.0

StartSimulator = Callable[..., dict[str, Any]]


@pytest.fixture
def computer(tmp_path: Path) -> Computer:
    return Computer(tmp_path / "computer")


@pytest.fixture
def scan(tmp_path: Path) -> Iterator[SecretScan]:
    """Checked after the test: every file under the test's folder, and every output the
    test handed to it."""
    leak_scan = SecretScan(tmp_path)
    yield leak_scan
    if not leak_scan.checked and leak_scan.secrets:  # none: the test failed before a run
        leak_scan.assert_clean()


@pytest.fixture
def simulator(scan: SecretScan) -> Iterator[StartSimulator]:
    """``setup-wizard simulate ARGS`` in its own process; returns its ready line, whose
    secrets the scan then looks for."""
    started: list[subprocess.Popen[str]] = []

    def start(*args: str) -> dict[str, Any]:
        process = subprocess.Popen(  # noqa: S603 - our own command
            [sys.executable, "-m", "setup_wizard", "simulate", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        started.append(process)
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line, "the simulator did not start"
        ready: dict[str, Any] = json.loads(line)
        scan.secret(*ready_secrets(ready))
        return ready

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=READY_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdout is not None:
            process.stdout.close()
