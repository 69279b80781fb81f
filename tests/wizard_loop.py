"""For test folders beside ``tests/wizard`` that drive the wizard too: its helpers on the
import path, and its qasync loop (one definition, in ``tests/wizard/conftest.py``)."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

TESTS = Path(__file__).resolve().parent
WIZARD_TESTS = TESTS / "wizard"


def use_wizard_and_headless_helpers() -> None:
    """``wizard_helpers``, ``headless_helpers``, ``secret_scan`` … importable."""
    for helpers in (WIZARD_TESTS, TESTS / "headless"):
        if str(helpers) not in sys.path:
            sys.path.append(str(helpers))


def wizard_loop_factory() -> Callable[[], asyncio.AbstractEventLoop]:
    """``tests/wizard/conftest.py``'s qasync loop factory."""
    spec = importlib.util.spec_from_file_location("wizard_conftest", WIZARD_TESTS / "conftest.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    factory: Callable[[], asyncio.AbstractEventLoop] = module._qasync_loop
    return factory
