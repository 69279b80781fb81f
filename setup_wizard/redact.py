"""Scrubbing secret values out of text: log records, tracebacks, support reports, replies.

:class:`~setup_wizard.secret.Secret` keeps a value out of ``repr`` and f-strings, but a
value that was revealed on its way out (a form field, an ``Authorization`` header, a URL)
can come back in a library's log line or an exception's message, often encoded. So the
scrubber matches each secret in every form it is likely to take on the way: as is,
URL-encoded (``%2B`` or ``%2b``, ``+`` for a space), JSON- and Python-escaped, hex, and
base64 at any of the three alignments it can have inside a longer encoded value (a Basic
``Authorization`` header encodes ``client_id:secret``).

The flow calls :func:`remember` for each secret it handles; :class:`RedactingFilter` scrubs
every remembered secret from every log record. :func:`scrub` is the same matcher for any
other text, with the secrets given.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import logging
import re
import threading
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

from setup_wizard.secret import Secret

REDACTED = "[redacted]"
MIN_SECRET = 4
"""The shortest value scrubbed: shorter ones match ordinary words (a one-letter test token
would mangle "token") and hide nothing worth hiding. A two-step verification code is 6
digits; a short PIN-like password of 4 is still worth hiding."""

_HEX_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}")


def _value(secret: str | Secret) -> str:
    return secret.reveal() if isinstance(secret, Secret) else secret


def _base64_fragments(data: bytes) -> set[str]:
    """``data`` in base64 on its own, and the characters that ``data`` alone decides at each
    of the three offsets (mod 3) it can start at inside a longer value; standard and URL-safe."""
    whole = base64.b64encode(data).decode("ascii")  # the value encoded on its own
    found = {whole, whole.rstrip("=")}
    for offset in range(3):
        encoded = base64.b64encode(bytes(offset) + data).decode("ascii")
        first = -(-8 * offset // 6)  # the first character whose 6 bits are all ``data``'s
        last = 8 * (offset + len(data)) // 6  # one past the last such character
        fragment = encoded[first:last]
        found.add(fragment)
    return found | {form.replace("+", "-").replace("/", "_") for form in found}


def encoded_forms(value: str) -> set[str]:
    """``value`` in every form the scrubber looks for (shorter than :data:`MIN_SECRET`
    forms are dropped)."""
    data = value.encode("utf-8")
    json_form = json.dumps(value)[1:-1]
    forms = {
        value,
        quote(value, safe=""),
        quote(value, safe="/:@"),  # as in a URL's path
        quote(value, safe="/"),
        quote_plus(value, safe=""),  # an HTML form: a space is +
        json_form,
        json_form.replace("/", "\\/"),  # JSON from servers that escape the slash
        json.dumps(value, ensure_ascii=False)[1:-1],
        repr(value)[1:-1],  # a Python str's repr, as in exception messages
        repr(data)[2:-1],  # and a bytes' repr
        binascii.hexlify(data).decode("ascii"),
        binascii.hexlify(data).decode("ascii").upper(),
    }
    forms |= _base64_fragments(data)
    return {form for form in forms if len(form) >= MIN_SECRET}


def _form_pattern(form: str) -> str:
    """A pattern for ``form`` in which percent and JSON ``\\u`` escapes match either case
    (``%2f`` or ``%2F``, ``\\u00e9`` or ``\\u00E9``)."""
    parts: list[str] = []
    position = 0
    for escape in _HEX_ESCAPE.finditer(form):
        parts.append(re.escape(form[position : escape.start()]))
        parts.append(f"(?i:{re.escape(escape.group())})")
        position = escape.end()
    parts.append(re.escape(form[position:]))
    return "".join(parts)


@functools.lru_cache(maxsize=64)
def _pattern(values: frozenset[str]) -> re.Pattern[str] | None:
    forms: set[str] = set()
    for value in values:
        if len(value) >= MIN_SECRET:
            forms |= encoded_forms(value)
    if not forms:
        return None
    # Longest first, so that a value is replaced whole rather than a part of it.
    ordered = sorted(forms, key=lambda form: (-len(form), form))
    pattern = re.compile("|".join(_form_pattern(form) for form in ordered))
    # ``re`` keeps the last 512 patterns it compiled. These are large and new with each
    # device of a bench session (its customer's token, its claim code): only the cache
    # above may keep them.
    re.purge()
    return pattern


def scrub(text: str, secrets: Iterable[str | Secret]) -> str:
    """``text`` with every form of every secret (see :func:`encoded_forms`) replaced by
    :data:`REDACTED`, in one pass. Values shorter than :data:`MIN_SECRET` are left alone."""
    pattern = _pattern(frozenset(_value(secret) for secret in secrets))
    if pattern is None or not text:
        return text
    return pattern.sub(REDACTED, text)


# -- the secrets this run of the app has seen ------------------------------------------------

_lock = threading.Lock()
_seen: set[Secret] = set()
_frozen: frozenset[str] = frozenset()


def remember(*secrets: Secret | None) -> None:
    """Scrub these secrets from every log record from now on (the flow calls this for each
    password, token, client secret, claim code and Wi-Fi password it receives)."""
    global _frozen
    with _lock:
        before = len(_seen)
        _seen.update(secret for secret in secrets if secret)
        if len(_seen) != before:
            _frozen = frozenset(secret.reveal() for secret in _seen)


def forget(*secrets: Secret | None) -> None:
    """Stop scrubbing these: secrets that served one device of a bench session (its
    customer's token, its claim code) and are used no more. Every log record is matched
    against all remembered secrets, so a session of hundreds of devices would otherwise
    match (and keep compiled) ever larger patterns."""
    global _frozen
    with _lock:
        before = len(_seen)
        _seen.difference_update(secret for secret in secrets if secret)
        if len(_seen) != before:
            _frozen = frozenset(secret.reveal() for secret in _seen)


def forget_all() -> None:
    """Forget every remembered secret (for tests, and a "sign out" that ends the session)."""
    global _frozen
    with _lock:
        _seen.clear()
        _frozen = frozenset()


def scrub_remembered(text: str) -> str:
    """:func:`scrub` with every secret given to :func:`remember`."""
    return scrub(text, _frozen)


class RedactingFilter(logging.Filter):
    """Scrubs remembered secrets from a record's message, arguments, exception and stack.

    Put it on the handlers (a filter on a logger does not see records that propagate to it
    from child loggers). The record is rewritten in place: the message is formatted once and
    scrubbed, and the exception text is formatted and scrubbed, so that no later formatter
    sees the raw values.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        values = _frozen
        if not values:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a malformed logging call: keep what it said, scrubbed
            message = f"{record.msg!s} {record.args!r}"
        record.msg = scrub(message, values)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text, values)
            record.exc_info = None  # formatters print exc_text; nothing can re-render the raw one
        if record.stack_info:
            record.stack_info = scrub(record.stack_info, values)
        return True
