"""Sign-in safety: every sign-in path of the app, counted in the simulated cloud's request log.

The wizard's tests here run on qasync's loop, as the app does, with the wizard tests' own
loop factory and helpers (``tests/wizard``); the other tests on a plain asyncio loop. The
headless tests' helpers (``tests/headless``) run the command as a script would.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping

import pytest
from wizard_loop import use_wizard_and_headless_helpers, wizard_loop_factory

use_wizard_and_headless_helpers()


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
    if item.path.name == "test_signin_safety_wizard.py":
        return {"qasync": wizard_loop_factory()}
    return {"asyncio": asyncio.new_event_loop}
