"""Secrets never reach the log file or the terminal, in any encoding a library may give them."""

from __future__ import annotations

import base64
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, quote_plus, urlencode

import pytest

from setup_wizard import redact
from setup_wizard.logs import LOG_FILE_NAME, configure_logging
from setup_wizard.redact import REDACTED, scrub
from setup_wizard.secret import ClientSecret, Password, Token

# Distinctive, with characters every encoding treats differently: a space, a slash, a quote,
# a plus, a non-ASCII letter.
TRICKY = 'Zq/9 "pä+ss" Kx7!Wv'
TOKEN = "f00dfacecafe4711deadbeef0123456789abcdef"


def forms_of(value: str) -> dict[str, str]:
    """The encodings, computed here independently of the scrubber."""
    data = value.encode()
    return {
        "plain": value,
        "url": quote(value, safe=""),
        "url lower-case escapes": "".join(
            part.lower() if part.startswith("%") else part
            for part in _percent_parts(quote(value, safe=""))
        ),
        "form": quote_plus(value),
        "json": json.dumps(value)[1:-1],
        "json utf-8": json.dumps(value, ensure_ascii=False)[1:-1],
        "json escaped slash": json.dumps(value)[1:-1].replace("/", "\\/"),
        "python repr": repr(value)[1:-1],
        "hex": data.hex(),
        "HEX": data.hex().upper(),
        "base64": base64.b64encode(data).decode(),
        "base64 url-safe": base64.urlsafe_b64encode(data).decode(),
    }


def _percent_parts(text: str) -> list[str]:
    parts, i = [], 0
    while i < len(text):
        if text[i] == "%":
            parts.append(text[i : i + 3])
            i += 3
        else:
            parts.append(text[i])
            i += 1
    return parts


def basic_headers(secret: str) -> list[str]:
    """``Authorization: Basic base64(client_id:secret)`` for ids putting the secret at each of
    the three base64 alignments."""
    return [
        base64.b64encode(f"{client_id}:{secret}".encode()).decode()
        for client_id in ("acme", "acme-", "acme-s")
    ]


@pytest.mark.parametrize("value", [TRICKY, TOKEN])
def test_scrub_finds_every_encoding(value: str) -> None:
    for name, form in forms_of(value).items():
        text = f"before {form} after"
        assert scrub(text, [value]) == f"before {REDACTED} after", name


@pytest.mark.parametrize("value", [TRICKY, TOKEN])
def test_scrub_finds_the_secret_inside_a_basic_auth_header(value: str) -> None:
    for header in basic_headers(value):
        scrubbed = scrub(f"Authorization: Basic {header}", [ClientSecret(value)])
        assert REDACTED in scrubbed
        # What is left cannot be decoded back to anything holding the secret.
        assert not any(form in scrubbed for form in forms_of(value).values())
        assert len(scrubbed) < len(f"Authorization: Basic {header}")


def test_scrub_leaves_short_values_and_ordinary_words() -> None:
    assert scrub("a token for 123", ["token"[:1], "123"]) == "a token for 123"
    assert scrub("nothing to hide", []) == "nothing to hide"


@pytest.fixture
def remembered() -> Iterator[None]:
    redact.remember(ClientSecret(TRICKY), Token(TOKEN), Password("pw"))
    yield
    redact.forget_all()


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[tuple[Path, io.StringIO]]:
    console = io.StringIO()
    setup = configure_logging(directory=tmp_path / "log", console=console, verbose=True)
    assert setup.file == tmp_path / "log" / LOG_FILE_NAME
    yield setup.file, console
    setup.close()


def test_remembered_secrets_never_reach_the_log_file_or_terminal(
    remembered: None, logs: tuple[Path, io.StringIO]
) -> None:
    file, console = logs
    log = logging.getLogger("setup_wizard.test")
    form_body = urlencode({"grant_type": "client_credentials", "client_secret": TRICKY})
    log.debug("POST /oauth/token body=%s", form_body)
    log.info("GET https://api.particle.io/v1/devices?access_token=%s", TOKEN)
    log.warning("reply %s", json.dumps({"echo": TRICKY, "token": TOKEN}))
    for header in basic_headers(TRICKY):
        log.info("Authorization: Basic %s", header)
    log.info("hex %s / %s", TRICKY.encode().hex(), TOKEN.upper())
    try:
        raise ValueError(f"the server said {TRICKY!r} with {base64.b64encode(TOKEN.encode())!r}")
    except ValueError:
        log.exception("sign-in failed")

    for text in (file.read_text(encoding="utf-8"), console.getvalue()):
        assert "sign-in failed" in text
        assert "Traceback (most recent call last)" in text
        assert text.count(REDACTED) >= 10
        for value in (TRICKY, TOKEN):
            for name, form in forms_of(value).items():
                assert form not in text, name


def test_the_log_file_rotates_and_every_file_is_scrubbed(remembered: None, tmp_path: Path) -> None:
    setup = configure_logging(directory=tmp_path, console=io.StringIO(), max_bytes=2_000, backups=2)
    try:
        for number in range(100):
            logging.getLogger("setup_wizard.test").info("line %d with %s", number, TOKEN)
    finally:
        setup.close()
    files = sorted(path.name for path in tmp_path.iterdir())
    assert files == [LOG_FILE_NAME, f"{LOG_FILE_NAME}.1", f"{LOG_FILE_NAME}.2"]
    for path in tmp_path.iterdir():
        text = path.read_text(encoding="utf-8")
        assert "with [redacted]" in text
        assert TOKEN not in text
