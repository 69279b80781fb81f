"""Wizard tests run on qasync's loop, as the app does: one asyncio loop that is Qt's loop.

pytest-asyncio asks this directory's ``pytest_asyncio_loop_factories`` hook for the loop,
so an ``async def`` test awaits flow steps while Qt delivers clicks, timers and paints.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path

import pytest
import qasync
from flow_world import FlowWorld, flow_world
from PySide6.QtWidgets import QApplication
from wizard_helpers import until

from setup_wizard.gui.wizard import SetupWizard


def _qasync_loop() -> asyncio.AbstractEventLoop:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)  # a test closing its window must not stop the loop
    return qasync.QEventLoop(app)


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
    return {"qasync": _qasync_loop}


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[FlowWorld]:
    async with flow_world(tmp_path) as world:
        yield world


@pytest.fixture
async def wizard(world: FlowWorld) -> AsyncIterator[SetupWizard]:
    window = SetupWizard(world.flow, simulation=True)
    window.show()
    yield window
    if window.isVisible():
        window.reject()
        await until(lambda: not window.isVisible(), "the window closed")
    window.deleteLater()
