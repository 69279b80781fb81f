"""The secrets scan: every journey of the app, then everything it wrote searched.

The journeys run on qasync's loop, as the app does (the wizard tests' own loop factory),
with the wizard tests' helpers (``tests/wizard``) and the headless tests' scan and
simulator instrumentation (``tests/headless``).
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
    return {"qasync": wizard_loop_factory()}
