"""Fixtures for the network layer: a crash journal in a temporary folder, notices collected."""

from __future__ import annotations

from pathlib import Path

import pytest

from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.wifi import WifiNotice, WifiTiming


@pytest.fixture
def journal(tmp_path: Path) -> RestoreJournal:
    return RestoreJournal(tmp_path / "state")


@pytest.fixture
def notices() -> list[WifiNotice]:
    return []


@pytest.fixture
def fast() -> WifiTiming:
    """Short waits so a timeout test takes a fraction of a second; never used to synchronise."""
    return WifiTiming(
        join_timeout=0.1,
        manual_timeout=0.1,
        internet_timeout=0.1,
        leave_check=0.05,
        poll_interval=0.01,
        probe_timeout=0.05,
    )
