"""What every wizard page shares: a body, a busy row, an inline error panel, and steps that
run through the flow's one-at-a-time runner.

A page renders flow state and starts flow steps; it holds no protocol or business logic.
Expected errors (``EXPECTED_ERRORS``) appear inline with what to do next and a way to save
a support report; anything else goes to the crash dialog through ``sys.excepthook``.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget, QWizardPage

from setup_wizard.flow import (
    FlowEvent,
    Notice,
    Page,
    Stage,
    StageChanged,
    StageHelp,
)
from setup_wizard.gui.widgets import BusyRow, MessagePanel, StepList

if TYPE_CHECKING:
    from setup_wizard.flow import Onboarding
    from setup_wizard.flow.bench import Bench
    from setup_wizard.gui.wizard import SetupWizard

log = logging.getLogger(__name__)

T = TypeVar("T")


class FlowPage(QWizardPage):
    """A wizard page bound to the flow. Subclasses fill :attr:`body` and override hooks."""

    page_id: Page

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup_wizard = wizard
        self._ready = True
        self._busy = False
        self._retry: Callable[[], object] | None = None

        outer = QVBoxLayout(self)
        if wizard.simulation:
            badge = QLabel(self.tr("Simulation"))
            badge.setObjectName("simulationBadge")
            badge.setToolTip(
                self.tr(
                    "This window runs on a built-in simulation: no real Photon, account or "
                    "Wi-Fi is used."
                )
            )
            badge.setAccessibleName(self.tr("Simulation mode"))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(badge)
            outer.addLayout(row)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer.addLayout(self.body, 1)
        self.busy_row = BusyRow()
        outer.addWidget(self.busy_row)
        self.error_panel = MessagePanel("errorPanel")
        self._retry_button = self.error_panel.add_button(self.tr("Try again"), self._retry_now)
        self._fix_button = self.error_panel.add_button("", self._go_fix)
        self.error_panel.add_button(self.tr("Save support report…"), wizard.save_support_report)
        if wizard.support_url:
            url = wizard.support_url
            self.error_panel.add_button(
                self.tr("Get help…"), lambda: QDesktopServices.openUrl(QUrl(url))
            )
        self._fix_page: Page | None = None
        outer.addWidget(self.error_panel)

    @property
    def flow(self) -> Onboarding:
        return self.setup_wizard.flow

    @property
    def bench(self) -> Bench | None:
        """The bench in staff mode, else None (a page's staff-only parts check this)."""
        wizard = self.setup_wizard
        return wizard.bench if wizard.staff else None

    # -- completeness ------------------------------------------------------------------

    def isComplete(self) -> bool:
        return self._ready and not self._busy

    def set_ready(self, ready: bool) -> None:
        if ready != self._ready:
            self._ready = ready
            self.completeChanged.emit()

    @property
    def busy(self) -> bool:
        return self._busy

    # -- running flow steps --------------------------------------------------------------

    def run(
        self,
        name: str,
        step: Coroutine[Any, Any, T],
        *,
        busy_text: str,
        on_success: Callable[[T], None] | None = None,
        retry: Callable[[], object] | None = None,
    ) -> asyncio.Task[T]:
        """Run ``step`` (cancelling any step in flight), show progress, then hand the result
        to ``on_success`` or show the error inline (``retry`` backs the "Try again" button)."""
        self.clear_error()
        self._set_busy(True, busy_text)

        def finished(task: asyncio.Task[T]) -> None:
            if self.setup_wizard.closing:
                return
            self._set_busy(False)
            if task.cancelled():
                return
            error = task.exception()
            if error is None:
                if on_success is not None:
                    on_success(task.result())
                return
            from setup_wizard.flow.errors import EXPECTED_ERRORS  # loaded with the flow

            if isinstance(error, EXPECTED_ERRORS):
                log.info("%s failed: %s", name, type(error).__name__)
                self.show_error(error, retry=retry)
                return
            sys.excepthook(type(error), error, error.__traceback__)

        return self.setup_wizard.runner.start(name, step, done=finished)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        if busy:
            self.busy_row.start(text)
        else:
            self.busy_row.stop()
        self.completeChanged.emit()

    def show_error(
        self, error: BaseException, *, retry: Callable[[], object] | None = None
    ) -> None:
        from setup_wizard.flow.errors import page_to_fix, user_message  # loaded with the flow

        self.show_message_error(user_message(error), retry=retry, fix=page_to_fix(error))

    def show_message_error(
        self, message: str, *, retry: Callable[[], object] | None = None, fix: Page | None = None
    ) -> None:
        self._retry = retry
        self._retry_button.setVisible(retry is not None)
        if fix is not None:
            fix = self.setup_wizard.page_to_fix(fix)
        self._fix_page = fix if fix is not None and fix != self.page_id else None
        if self._fix_page is not None:
            self._fix_button.setText(self._fix_label(self._fix_page))
        self._fix_button.setVisible(self._fix_page is not None)
        self.error_panel.show_message(message)  # translated there; the report keeps English
        self.setup_wizard.last_error = str(message)

    def _fix_label(self, page: Page) -> str:
        return {
            Page.SIGN_IN: self.tr("Sign in again"),
            Page.STAFF_SIGN_IN: self.tr("Sign in again"),
            Page.CUSTOMER: self.tr("Change the customer"),
            Page.CONNECT: self.tr("Connect again"),
            Page.CHOOSE_WIFI: self.tr("Choose another network"),
            Page.PASSWORD: self.tr("Change the password"),
        }.get(page, self.tr("Go back"))

    def clear_error(self) -> None:
        self.error_panel.clear()

    def _retry_now(self) -> None:
        if self._retry is not None:
            self._retry()

    def _go_fix(self) -> None:
        if self._fix_page is not None:
            self.setup_wizard.go_back_to(self._fix_page)

    # -- navigation hooks ----------------------------------------------------------------

    def cleanupPage(self) -> None:
        """Back stops whatever this page was doing."""
        if self._busy:
            self.setup_wizard.stop_step()
            self._set_busy(False)
        self.clear_error()

    def focus_later(self, widget: QWidget) -> None:
        """Give ``widget`` the keyboard focus once the wizard has finished switching pages
        (QWizard moves the focus to its buttons after ``initializePage``)."""
        QTimer.singleShot(0, widget.setFocus)

    def returned_to(self) -> None:
        """The wizard came back to this page from a later one (not by Back alone)."""

    def advance(self) -> None:
        """Go to the next page once this page's step succeeded (no extra click needed)."""
        if self.setup_wizard.currentPage() is self:
            self.setup_wizard.next()


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionHeading")
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def spacer_widget() -> QWidget:
    widget = QWidget()
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return widget


class StepsPage(FlowPage):
    """A page that runs one flow step by itself, shows its stages as they happen, says what
    the person must do or check meanwhile, and moves on as soon as the step succeeds."""

    stages: tuple[Stage, ...] = ()

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.steps = StepList(self.stages, self.flow.timeline.clock)
        self.notice = MessagePanel("noticePanel")
        self._done = False
        self.flow.events.subscribe(self._on_event)

    def begin(self) -> None:
        """Entering the page: nothing shown from an earlier visit; Next waits for the step."""
        self.steps.reset()
        for record in self.flow.timeline:
            self.steps.update_record(record)
        self.notice.clear()
        self._done = False
        self.set_ready(False)

    def succeeded(self) -> None:
        self._done = True
        self.set_ready(True)
        self.advance()

    def validatePage(self) -> bool:
        return self._done

    def isComplete(self) -> bool:
        return self._done and not self.busy

    def _on_event(self, event: FlowEvent) -> None:
        if self.setup_wizard.currentId() != int(self.page_id):
            return
        if isinstance(event, StageChanged):
            self.steps.update_record(event.record)
        elif isinstance(event, StageHelp) or (isinstance(event, Notice) and event.action_needed):
            self.notice.show_message(event.message)
