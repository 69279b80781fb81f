"""Every error shape of the cloud (reference §8) read into words a user can act on."""

from __future__ import annotations

import json

import pytest

from setup_wizard.cloud.errors import (
    ClientRejected,
    CustomerExists,
    ErrorBody,
    MfaCodeWrong,
    MfaRequired,
    NotAllowed,
    NotFound,
    Operation,
    RateLimited,
    RequestRefused,
    ServerTrouble,
    SessionExpired,
    SignInFailed,
    error_for_response,
    parse_error_body,
)
from setup_wizard.secret import Token


def body(data: object) -> bytes:
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(
            {"error": "invalid_grant", "error_description": "User credentials are invalid"},
            ErrorBody("invalid_grant", "User credentials are invalid"),
            id="oauth",
        ),
        pytest.param(
            {"error": "mfa_required", "error_description": "MFA required", "mfa_token": "m.f.a"},
            ErrorBody("mfa_required", "MFA required", "m.f.a"),
            id="oauth-mfa",
        ),
        pytest.param(
            {"ok": False, "error": "Permission Denied"},
            ErrorBody("Permission Denied", "Permission Denied"),
            id="legacy-error",
        ),
        pytest.param(
            {"ok": False, "errors": ["Email is taken", "Try another"]},
            ErrorBody(None, "Email is taken; Try another"),
            id="legacy-errors-strings",
        ),
        pytest.param(
            {"ok": False, "errors": [{"error": "Device not found"}]},
            ErrorBody(None, "Device not found"),
            id="legacy-errors-objects",
        ),
        pytest.param(
            {"ok": False, "errors": [{"error": {"status": "Device is offline"}}]},
            ErrorBody(None, "Device is offline"),
            id="legacy-errors-nested-status",
        ),
        pytest.param({"err": "Something broke"}, ErrorBody(None, "Something broke"), id="err"),
        pytest.param(
            {"info": "I didn't recognize that"},
            ErrorBody(None, "I didn't recognize that"),
            id="info",
        ),
        pytest.param(
            {"error": "bad_request", "description": "name is too long"},
            ErrorBody("bad_request", "name is too long"),
            id="error-description-field",
        ),
        pytest.param(
            {
                "message": "Invalid request",
                "description": "The body did not match",
                "violations": [{"message": "name must be a string"}],
            },
            ErrorBody(None, "The body did not match"),
            id="schema-with-description",
        ),
        pytest.param(
            {"message": "Invalid request", "violations": ["name: too long", "type: unknown"]},
            ErrorBody(None, "Invalid request: name: too long; type: unknown"),
            id="schema-violations",
        ),
    ],
)
def test_every_documented_body_shape_gives_code_and_display_text(
    raw: object, expected: ErrorBody
) -> None:
    assert parse_error_body(body(raw), "application/json") == expected


@pytest.mark.parametrize(
    ("raw", "content_type", "description"),
    [
        (b"<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", None),
        (b"<!DOCTYPE html><html>oops</html>", "", None),
        (b"Service Unavailable\nmore lines", "text/plain", "Service Unavailable"),
        (b"", "", None),
        (b"\xff\xfe not utf-8", "application/octet-stream", "\ufffd\ufffd not utf-8"),
        (b'"just a string"', "application/json", "just a string"),
        (b"[1, 2]", "application/json", None),
        (b"null", "application/json", None),
    ],
)
def test_non_json_or_odd_bodies_never_raise_and_never_show_html(
    raw: bytes, content_type: str, description: str | None
) -> None:
    assert parse_error_body(raw, content_type) == ErrorBody(description=description)


def test_mfa_required_carries_the_mfa_token_as_a_secret() -> None:
    raw = body({"error": "mfa_required", "error_description": "MFA", "mfa_token": "jwt-like.token"})
    err = error_for_response(Operation.SIGN_IN, 403, raw)
    assert isinstance(err, MfaRequired)
    assert err.mfa_token == Token("jwt-like.token")
    assert "jwt-like" not in f"{err} {err!r} {err.detail} {err.code}"
    assert "code" in str(err)


@pytest.mark.parametrize(
    ("operation", "status", "raw", "kind", "words"),
    [
        (
            Operation.SIGN_IN,
            400,
            {"error": "invalid_grant", "error_description": "User credentials are invalid"},
            SignInFailed,
            "email or password",
        ),
        (
            Operation.VERIFY_MFA,
            400,
            {"error": "invalid_grant", "error_description": "Invalid OTP"},
            MfaCodeWrong,
            "verification code",
        ),
        (Operation.VERIFY_MFA, 403, {"error": "invalid_otp"}, MfaCodeWrong, "verification code"),
        (Operation.REFRESH, 400, {"error": "invalid_grant"}, SessionExpired, "Sign in again"),
        (
            Operation.SIGN_IN,
            401,
            {"error": "invalid_client", "error_description": "Invalid client"},
            ClientRejected,
            "OAuth client",
        ),
        (
            Operation.CREATE_CUSTOMER,
            401,
            {"ok": False, "error": "Unauthorized"},
            ClientRejected,
            "OAuth client",
        ),
        (Operation.CUSTOMER_TOKEN, 400, {"error": "invalid_scope"}, NotAllowed, "scope"),
        (
            Operation.LIST_DEVICES,
            401,
            {
                "error": "invalid_token",
                "error_description": "The access token provided has expired",
            },
            SessionExpired,
            "Sign in again",
        ),
        (
            Operation.LIST_CLIENTS,
            403,
            {"ok": False, "error": "Permission Denied"},
            NotAllowed,
            "member",
        ),
        (
            Operation.GET_DEVICE,
            404,
            {"ok": False, "error": "Permission Denied"},
            NotFound,
            "no such device",
        ),
        (
            Operation.LIST_DEVICES,
            429,
            {"error": "too_many_requests"},
            RateLimited,
            "Wait a few minutes",
        ),
        (Operation.SIGN_IN, 429, {}, RateLimited, "30 minutes"),
        (Operation.CLAIM_CODE, 503, {}, ServerTrouble, "Try again in a minute"),
        (Operation.GET_DEVICE, 408, {"error": "Timed out."}, ServerTrouble, "HTTP 408"),
        (
            Operation.RENAME_DEVICE,
            400,
            {"error": "bad_request", "description": "name too long"},
            RequestRefused,
            "name too long",
        ),
    ],
)
def test_status_body_and_operation_give_the_right_kind_and_advice(
    operation: Operation, status: int, raw: object, kind: type, words: str
) -> None:
    err = error_for_response(operation, status, body(raw), content_type="application/json")
    assert type(err) is kind
    assert words in str(err)
    assert err.status == status


@pytest.mark.parametrize(
    "raw",
    [
        {"ok": False, "error": "Customer already exists"},
        {"error": "invalid_request", "error_description": "A customer with that email exists"},
        {"ok": False, "errors": ["username has already been taken"]},
        {"error": "customer_exists"},
        {"message": "Conflict", "violations": ["email: duplicate"]},
    ],
)
def test_customer_already_exists_is_recognised_in_any_plausible_shape(raw: object) -> None:
    err = error_for_response(Operation.CREATE_CUSTOMER, 400, body(raw))
    assert isinstance(err, CustomerExists)
    assert "already exists" in str(err)


def test_a_conflict_status_alone_is_not_taken_for_an_existing_customer_elsewhere() -> None:
    err = error_for_response(Operation.CREATE_CLIENT, 400, body({"error": "name already taken"}))
    assert not isinstance(err, CustomerExists)


def test_rate_limit_message_says_when_to_try_again() -> None:
    soon = error_for_response(Operation.LIST_DEVICES, 429, b"", retry_after=30)
    later = error_for_response(Operation.LIST_DEVICES, 429, b"", retry_after=1800)
    assert isinstance(soon, RateLimited)
    assert soon.retry_after == 30
    assert "30 seconds" in str(soon)
    assert "about 30 minutes" in str(later)


def test_secrets_echoed_by_the_server_are_scrubbed_from_code_and_message() -> None:
    raw = body(
        {
            "error": "bad pw hunter2-secret",
            "error_description": "password hunter2-secret rejected for token tok-123abc",
        }
    )
    err = error_for_response(
        Operation.RENAME_DEVICE, 400, raw, secrets=("hunter2-secret", "tok-123abc", "")
    )
    text = f"{err} {err!r} {err.code} {err.detail}"
    assert "hunter2" not in text
    assert "tok-123" not in text
    assert "[redacted]" in str(err)


def test_a_value_too_short_to_be_a_secret_does_not_mangle_words_but_a_code_is_scrubbed() -> None:
    raw = body({"error": "invalid_grant", "error_description": "The access token: OTP 492817"})
    err = error_for_response(Operation.VERIFY_MFA, 400, raw, secrets=("t", "492817"))
    assert "The access token: OTP [redacted]" in str(err)


def test_long_server_text_is_cut_to_a_readable_length() -> None:
    err = error_for_response(Operation.RENAME_DEVICE, 400, body({"error": "x" * 5000}))
    assert len(str(err)) < 600
