"""What can go wrong with a token request, as the simulated cloud plays it; and the clients
the sign-in tests use, with room to retry (so that a retry, if any, would show)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx
import pytest

from setup_wizard.cloud import CloudClient, CloudSettings, RetryPolicy, make_http_client
from setup_wizard.sim.cloud import NoAnswer, SimulatedCloud

TOKEN = "/oauth/token"
PASSWORD_GRANT = "password"
CODE_GRANT = "urn:custom:mfa-otp"
READ_TIMEOUT = 1.0
"""Seconds the clients here wait for an answer: a cloud that does not answer costs that."""
RETRIES = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)
"""Four tries for what may be retried: a retried sign-in would show as a second request."""


def http_client(url: str) -> httpx.AsyncClient:
    return make_http_client(
        CloudSettings(api_url=url, timeout=READ_TIMEOUT, connect_timeout=READ_TIMEOUT)
    )


def cloud_client(http: httpx.AsyncClient) -> CloudClient:
    return CloudClient(http, retry=RETRIES)


@dataclass(frozen=True)
class TokenFault:
    """The next token request fails this way."""

    name: str
    inject: Callable[[SimulatedCloud], None]


def _status(status: int, retry_after: float | None = None) -> Callable[[SimulatedCloud], None]:
    return lambda cloud: cloud.inject_failure("POST", TOKEN, status=status, retry_after=retry_after)


def _no_answer(how: NoAnswer) -> Callable[[SimulatedCloud], None]:
    return lambda cloud: cloud.inject_no_answer("POST", TOKEN, how=how)


TOKEN_FAULTS = [
    TokenFault("500", _status(500)),
    TokenFault("502", _status(502)),
    TokenFault("503", _status(503)),
    TokenFault("504", _status(504)),
    TokenFault("429 with Retry-After", _status(429, retry_after=1)),
    TokenFault("no answer in time", _no_answer(NoAnswer.HANG)),
    TokenFault("connection broken", _no_answer(NoAnswer.CLOSE)),
]
"""Answers a client could take for "try again": the cloud in trouble (5xx), busy (429, with
a wait short enough that other calls wait it out), silent past the client's time limit, or
gone mid-request."""


def token_faults() -> list[object]:
    return [pytest.param(fault, id=fault.name) for fault in TOKEN_FAULTS]
