"""When a failed cloud call may be sent again, and how long to wait first.

Retrying is only safe when a second copy of the request cannot do harm: reads, the
rename (a PUT of the same name), sign-out (a DELETE). A POST that may have reached the
cloud (a customer, a claim code, an OAuth client) is sent again only when the failure
proves it never left this computer. ``/oauth/token`` is never sent again by itself:
ten failed token requests in a row lock the whole network out for 30 minutes.
"""

from __future__ import annotations

import email.utils
import enum
import math
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

Sleep = Callable[[float], Awaitable[None]]
"""How the client waits between attempts (``asyncio.sleep``; tests pass a recorder)."""


class RetryClass(enum.Enum):
    """What a second copy of a request could do to the cloud."""

    IDEMPOTENT = enum.auto()
    """GET, PUT of a whole value, DELETE: sending it twice is the same as once."""
    UNSAFE = enum.auto()
    """A POST that creates something: resent only if it surely never arrived."""
    NEVER = enum.auto()
    """``/oauth/token``: failures count towards the cloud's 30-minute lockout."""


@dataclass(frozen=True)
class RetryPolicy:
    """How many times to try a call and how long to wait between tries (seconds)."""

    attempts: int = 4
    """Tries in all, the first included."""
    base_delay: float = 1.0
    """Wait before the second try; it doubles for each try after that."""
    max_delay: float = 30.0
    """Cap on a computed (exponential) wait."""
    max_retry_after: float = 60.0
    """The longest ``Retry-After`` the client waits out by itself; longer, the user decides."""
    jitter: float = 0.5
    """Fraction of each computed wait drawn at random, so that many clients do not retry in step."""

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("attempts must be at least 1")
        if not 0.0 <= self.jitter <= 1.0:
            raise ValueError("jitter is a fraction between 0 and 1")

    def backoff(self, failures: int, rand: Callable[[], float] = random.random) -> float:
        """The wait after ``failures`` failed tries in a row (1 for the first failure)."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** max(0, failures - 1))
        return ceiling * (1.0 - self.jitter * rand())


NO_RETRY = RetryPolicy(attempts=1)


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date.

    ``now`` is the current Unix time, for the date form. Unreadable values give None,
    which makes the caller fall back to its own backoff.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if math.isfinite(seconds) else None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):  # "Wed, 99999999999999999999 Oct"
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; a naive result means "-0000"
        return None
    return max(0.0, when.timestamp() - now)
