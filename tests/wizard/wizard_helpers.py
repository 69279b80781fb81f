"""Driving the wizard as a person would: wait for a page, click Next."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWizard

from setup_wizard.flow import Page

WAIT = 20.0
P = TypeVar("P")


async def until(condition: Callable[[], object], what: str, limit: float = WAIT) -> None:
    """Wait until ``condition()`` is true while Qt and asyncio run; fail after ``limit`` s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        await asyncio.sleep(0.01)


async def on_page(wizard: QWizard, page: Page, limit: float = WAIT) -> None:
    await until(
        lambda: wizard.currentId() == int(page),
        f"the wizard shows {page.name} (it shows {Page(wizard.currentId()).name})",
        limit,
    )


def click_next(wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on {Page(wizard.currentId()).name}"
    button.click()


def page(wizard: QWizard, kind: type[P]) -> P:
    current = wizard.currentPage()
    assert isinstance(current, kind), f"expected {kind.__name__}, got {type(current).__name__}"
    return current
