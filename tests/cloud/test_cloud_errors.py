"""Every error shape of the cloud (reference §8) read into words a user can act on."""

from __future__ import annotations

import json
import re
from urllib.parse import quote, quote_plus

import pytest

from setup_wizard.cloud.errors import (
    ClientRejected,
    CloudUnreachable,
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


@pytest.mark.parametrize(
    ("status", "raw"),
    [
        (401, {"error": "unauthorized", "error_description": "Customer a@b.co already exists"}),
        (500, {"ok": False, "error": "A user with username a@b.co already exists"}),
        (503, {"ok": False, "errors": ["username has already been taken"]}),
        (401, {"ok": False, "error": "customer_exists"}),
    ],
)
def test_an_existing_customer_is_recognised_at_401_and_5xx_too(status: int, raw: object) -> None:
    err = error_for_response(Operation.CREATE_CUSTOMER, status, body(raw))
    assert isinstance(err, CustomerExists)


@pytest.mark.parametrize(
    "raw",
    [
        {"ok": False, "error": "Product does not exist"},
        {"ok": False, "error": "That product doesn't exist"},
        {"error": "invalid_client", "error_description": "Client already exists? no: invalid"},
    ],
)
def test_words_that_deny_existence_or_a_refused_client_are_not_an_existing_customer(
    raw: object,
) -> None:
    err = error_for_response(Operation.CREATE_CUSTOMER, 400, body(raw))
    assert not isinstance(err, CustomerExists)


def test_a_bare_401_on_customer_creation_names_both_possible_causes() -> None:
    err = error_for_response(
        Operation.CREATE_CUSTOMER, 401, body({"ok": False, "error": "Unauthorized"})
    )
    assert isinstance(err, ClientRejected)
    assert "already exists" in str(err)


def test_no_such_customer_for_a_scoped_token_is_not_found() -> None:
    raw = {"error": "invalid_grant", "error_description": "No customer with that e-mail"}
    err = error_for_response(Operation.CUSTOMER_TOKEN, 400, body(raw))
    assert isinstance(err, NotFound)
    assert "no customer with this email" in str(err)


def test_a_missing_password_is_not_blamed_on_the_oauth_client() -> None:
    # Particle's OAuth server reports a missing username or password as invalid_client.
    raw = {
        "error": "invalid_client",
        "error_description": 'Missing parameters. "username" and "password" are required',
    }
    err = error_for_response(Operation.SIGN_IN, 400, body(raw))
    assert isinstance(err, SignInFailed)
    assert "password" in str(err)
    assert "OAuth client" not in str(err)


@pytest.mark.parametrize(
    ("operation", "expected"),
    [
        (Operation.GET_DEVICE, "belongs to another account"),
        (Operation.RENAME_DEVICE, "belongs to another account"),
        (Operation.EVENTS, "belongs to another account"),
        (Operation.CLAIM_CODE, "customer of this product"),
        (Operation.SIGN_OUT, "did not allow"),
    ],
)
def test_a_refusal_gives_advice_that_fits_who_is_signed_in(
    operation: Operation, expected: str
) -> None:
    err = error_for_response(operation, 403, body({"ok": False, "error": "Permission Denied"}))
    assert isinstance(err, NotAllowed)
    assert expected in str(err)
    assert "team" not in str(err)  # only staff are told to join a product's team


def test_a_team_refusal_still_suggests_joining_the_team() -> None:
    err = error_for_response(Operation.LIST_CLIENTS, 403, body({"ok": False}))
    assert "member of this product's team" in str(err)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(1, "1 second."), (0.2, "1 second."), (2, "2 seconds."), (89, "89 seconds.")],
)
def test_a_wait_reads_as_plain_english(seconds: float, words: str) -> None:
    err = error_for_response(Operation.LIST_DEVICES, 429, b"", retry_after=seconds)
    assert str(err).endswith(words)


def test_a_redirect_is_explained_not_shown_as_a_status_line() -> None:
    err = error_for_response(
        Operation.SIGN_IN,
        302,
        b"302: Found",
        content_type="text/plain; charset=utf-8",
        location="http://wifi-login.example.net/portal?session=abc",
    )
    assert isinstance(err, CloudUnreachable)
    assert "302" not in str(err)
    assert "Found" not in str(err)
    assert "wifi-login.example.net" in str(err)
    assert "session=abc" not in str(err)
    assert "web page" in str(err)


def test_the_event_stream_limit_529_is_a_rate_limit_not_server_trouble() -> None:
    err = error_for_response(Operation.EVENTS, 529, body({"ok": False, "error": "Too many"}))
    assert isinstance(err, RateLimited)
    assert "event streams" in str(err)


SECRET = 'p@ss wörd/€+1"'


@pytest.mark.parametrize(
    "echoed",
    [
        SECRET,
        quote(SECRET, safe=""),
        quote(SECRET, safe="").lower(),
        quote(SECRET),
        quote_plus(SECRET),
        json.dumps(SECRET)[1:-1],
        json.dumps(SECRET, ensure_ascii=False)[1:-1],
        json.dumps(SECRET)[1:-1].replace("/", "\\/"),
        re.sub(
            r"\\u[0-9a-f]{4}", lambda m: m[0].upper().replace("U", "u"), json.dumps(SECRET)[1:-1]
        ),
    ],
    ids=[
        "plain",
        "url",
        "url-lower-hex",
        "url-path",
        "form",
        "json",
        "json-utf8",
        "json-escaped-slash",
        "json-upper-hex",
    ],
)
def test_a_secret_is_scrubbed_in_whatever_encoding_the_server_echoes_it(echoed: str) -> None:
    raw = body({"error": "bad_request", "description": f"refused value={echoed}&next=1"})
    err = error_for_response(Operation.RENAME_DEVICE, 400, raw, secrets=(SECRET,))
    assert "refused value=[redacted]&next=1" in str(err)


def test_a_four_character_secret_is_scrubbed_but_a_shorter_one_is_not() -> None:
    raw = body({"error": "bad_request", "description": "codes 4821 and 77 refused"})
    err = error_for_response(Operation.RENAME_DEVICE, 400, raw, secrets=("4821", "77"))
    assert "codes [redacted] and 77 refused" in str(err)
