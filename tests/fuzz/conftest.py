"""Fuzzing profiles, and the table of examples run per parser at the end of the session.

The default profile (Hypothesis' own: 100 examples a property) keeps the suite fast in CI.
``pytest tests/fuzz --hypothesis-profile=deep`` runs many more, for the reliability report;
the profile is registered here, so name ``tests/fuzz`` (or a file in it) on the command line
for pytest to read this file before it loads the profile.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("deep", max_examples=5_000)
DEEP_TIMEOUT = 1_800
"""Seconds a property may take in the deep profile (the suite's 60 s is for CI's examples)."""
HERE = Path(__file__).resolve().parent
# fuzz_support is imported by the hooks only: its settings take the profile's example count
# when they are made, and the profile is loaded after this file is read.


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if settings.get_current_profile_name() != "deep":
        return
    for item in items:
        if item.path.parent == HERE and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(DEEP_TIMEOUT))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from fuzz_support import REGISTRY

    if any(record.examples for record in REGISTRY.parsers.values()):
        profile = settings.get_current_profile_name()
        terminalreporter.section(f"fuzzing: examples per parser (profile {profile})")
        for row in REGISTRY.table():
            terminalreporter.write_line(row)
    if REGISTRY.memory:
        terminalreporter.section("fuzzing: peak memory (tracemalloc) over input size")
        for row in REGISTRY.memory_table():
            terminalreporter.write_line(row)
