"""How long the client waits before trying a call again."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from setup_wizard.cloud.retry import RetryPolicy, parse_retry_after

NOW = 1_750_000_000.0


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("7", 7.0),
        (" 2.5 ", 2.5),
        ("-3", 0.0),
        (format_datetime(datetime.fromtimestamp(NOW + 90, UTC), usegmt=True), 90.0),
        (format_datetime(datetime.fromtimestamp(NOW - 10, UTC), usegmt=True), 0.0),
        (None, None),
        ("", None),
        ("soon", None),
        ("nan", None),
        ("inf", None),
    ],
)
def test_retry_after_reads_seconds_and_http_dates(
    header: str | None, seconds: float | None
) -> None:
    assert parse_retry_after(header, NOW) == seconds


def test_backoff_doubles_up_to_the_cap_and_jitter_only_shortens_it() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0, jitter=0.5)
    no_jitter = [policy.backoff(n, rand=lambda: 0.0) for n in range(1, 7)]
    assert no_jitter == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    most_jitter = [policy.backoff(n, rand=lambda: 1.0) for n in range(1, 5)]
    assert most_jitter == [0.5, 1.0, 2.0, 4.0]


def test_policy_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="attempts"):
        RetryPolicy(attempts=0)
    with pytest.raises(ValueError, match="jitter"):
        RetryPolicy(jitter=1.5)
