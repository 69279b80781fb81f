from __future__ import annotations

import copy
import logging
import pickle

import pytest

from setup_wizard.secret import ClaimCode, Password, Token, WifiPassword


def test_secret_never_shows_in_repr_str_format_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    pw = WifiPassword("hunter2-very-secret")
    text = f"{pw} {pw!r} {pw!s} {[pw]} {dict(p=pw)} {pw:>30}"
    assert "hunter2" not in text
    assert "Wi-Fi password redacted" in text
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("t").warning("joining with %s / %r", pw, {"pwd": pw})
    assert "hunter2" not in caplog.text


def test_secret_reveals_only_on_request_and_compares_by_value() -> None:
    assert Token("abc").reveal() == "abc"
    assert Token("abc") == Token("abc")
    assert Token("abc") != Token("abd")
    assert Token("abc") != Password("abc")
    code = ClaimCode("x")
    assert copy.deepcopy({"cc": code})["cc"] == code


def test_secret_refuses_pickling_and_non_str() -> None:
    with pytest.raises(TypeError):
        pickle.dumps(Password("p"))
    with pytest.raises(TypeError):
        Password(b"bytes")  # type: ignore[arg-type]


def test_exception_message_built_from_a_secret_stays_redacted() -> None:
    code = ClaimCode("A" * 63)
    err = RuntimeError(f"device refused claim code {code}")
    assert "AAAA" not in str(err)
