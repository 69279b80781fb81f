"""The secrets scan: every journey of the app, then everything it wrote searched.

The journeys run on qasync's loop, as the app does (the wizard tests' own loop factory),
with the wizard tests' helpers (``tests/wizard``) and the headless tests' scan and
simulator instrumentation (``tests/headless``).
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent
WIZARD_TESTS = TESTS / "wizard"
for helpers in (WIZARD_TESTS, TESTS / "headless"):  # wizard_helpers, secret_scan, …
    if str(helpers) not in sys.path:
        sys.path.append(str(helpers))


def _wizard_loop_factory() -> Callable[[], asyncio.AbstractEventLoop]:
    """``tests/wizard/conftest.py``'s qasync loop (one definition for both folders)."""
    spec = importlib.util.spec_from_file_location("wizard_conftest", WIZARD_TESTS / "conftest.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    factory: Callable[[], asyncio.AbstractEventLoop] = module._qasync_loop
    return factory


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
    return {"qasync": _wizard_loop_factory()}
