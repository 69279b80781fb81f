"""Helpers shared by the cloud tests (a module, so test files can import its types)."""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from setup_wizard.cloud import CloudClient, RetryPolicy, TokenGrant
from setup_wizard.secret import Password, Secret

POLICY = RetryPolicy(attempts=3, base_delay=1.0, max_delay=8.0, max_retry_after=60.0)

MakeCloud = Callable[..., CloudClient]
"""The ``make_cloud`` fixture: a client of the simulated cloud with the given settings."""


class RecordingSleep:
    """Stands in for ``asyncio.sleep`` between retries: records the wait, does not wait."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        await asyncio.sleep(0)


class Answers:
    """The cloud's answers, counted by request path, as they reach the HTTP client.

    Attach it as an httpx response hook; a test then waits until a call made by a task
    it started (e.g. a waiter's first device look-up) has been answered.
    """

    def __init__(self) -> None:
        self._seen: Counter[str] = Counter()
        self._changed = asyncio.Condition()

    async def __call__(self, response: httpx.Response) -> None:
        async with self._changed:
            self._seen[response.request.url.path] += 1
            self._changed.notify_all()

    def count(self, path: str) -> int:
        """How many answers to ``path`` have arrived so far."""
        return self._seen[path]

    async def wait(self, path: str, count: int = 1) -> None:
        async with self._changed:
            await self._changed.wait_for(lambda: self._seen[path] >= count)


class LeakGuard(logging.Handler):
    """Every log record (any logger, DEBUG up) and error text of a test, checked for secrets.

    A handler of its own rather than ``caplog``: at teardown ``caplog.text`` holds only
    the teardown phase, so secrets logged during the test would go unseen.
    """

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.values: set[str] = set()
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(self.format(record))
        self.texts.append(repr(record.args))

    def watch(self, *items: str | Secret | TokenGrant | None) -> None:
        for item in items:
            if isinstance(item, TokenGrant):
                self.watch(item.access_token, item.refresh_token)
            elif isinstance(item, Secret):
                self.values.add(item.reveal())
            elif item:
                self.values.add(item)

    def error(self, exc: BaseException) -> None:
        self.texts += [str(exc), repr(exc)]
        for name in ("message", "detail", "code"):
            value = getattr(exc, name, None)
            if value:
                self.texts.append(str(value))

    def check(self) -> None:
        assert self.texts, "nothing was logged or checked: the guard is not attached"
        everything = "\n".join(self.texts)
        leaked = sorted(v for v in self.values if v in everything)
        assert not leaked, f"{len(leaked)} secret value(s) leaked into messages or logs"


@dataclass(frozen=True)
class Customer:
    email: str
    password: Password
    grant: TokenGrant


def new_email() -> str:
    """An email no customer of the simulated cloud has yet."""
    return f"customer-{secrets.token_hex(4)}@example.com"
