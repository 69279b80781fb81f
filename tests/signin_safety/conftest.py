"""Sign-in safety: every sign-in path of the app, counted in the simulated cloud's request log.

The wizard's tests here run on qasync's loop, as the app does, with the wizard tests' own
loop factory and helpers (``tests/wizard``); the other tests on a plain asyncio loop. The
headless tests' helpers (``tests/headless``) run the command as a script would.
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
for helpers in (WIZARD_TESTS, TESTS / "headless"):  # wizard_helpers, headless_helpers, …
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
    if item.path.name == "test_signin_safety_wizard.py":
        return {"qasync": _wizard_loop_factory()}
    return {"asyncio": asyncio.new_event_loop}
