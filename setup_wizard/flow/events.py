"""What the flow tells its views while it works: stage changes, notices and help.

The flow never waits for a view: it calls each subscriber synchronously, on the event loop,
and a subscriber must not raise (a failing view is its own problem, logged here).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from setup_wizard.flow.stages import Stage, StageRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StageChanged:
    """A stage started, finished, was skipped or failed."""

    record: StageRecord


@dataclass(frozen=True)
class Notice:
    """Something the person should read now (e.g. "Join the network “Photon-AB12CD”…")."""

    message: str
    """English; a :class:`~setup_wizard.i18n.Text` the GUI translates."""
    stage: Stage | None = None
    action_needed: bool = False
    """True when the person must do something (join or rejoin a network by hand)."""


@dataclass(frozen=True)
class StageHelp:
    """A stage has taken longer than it usually does: what to check meanwhile."""

    stage: Stage
    message: str
    """English; a :class:`~setup_wizard.i18n.Text` the GUI translates."""


FlowEvent = StageChanged | Notice | StageHelp
Subscriber = Callable[[FlowEvent], None]


class EventHub:
    """Delivers every event to every subscriber, in order of subscription."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Add ``subscriber``; returns the function that removes it again."""
        self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

        return unsubscribe

    def emit(self, event: FlowEvent) -> None:
        for subscriber in list(self._subscribers):
            try:
                subscriber(event)
            except Exception:
                log.exception("a flow event subscriber failed on %r", event)
