"""The Particle Cloud's answers, as a broken proxy, a captive portal or a hostile server could
send them: error bodies of any shape, success bodies that are not what they should be, odd
headers and event streams. Every reader ends in a :class:`CloudError` or an answer, never in
another exception (which would reach the person as a crash)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any

import httpx
from fuzz_support import (
    FUZZ,
    JSON_VALUES,
    deep_json,
    json_like,
    mutated_bytes,
    mutated_text,
    parser,
)
from httpx_sse import EventSource, ServerSentEvent, SSEError
from hypothesis import example, given
from hypothesis import strategies as st

from setup_wizard.cloud import (
    ClientCredentials,
    CloudClient,
    CloudError,
    RetryPolicy,
    UnexpectedResponse,
)
from setup_wizard.cloud.errors import Operation, error_for_response, parse_error_body
from setup_wizard.cloud.events import event_from_sse
from setup_wizard.cloud.models import (
    as_list,
    claim_code_from,
    device_from,
    oauth_client_from,
    parse_time,
    product_device_from,
    product_from,
    renamed_device_from,
    token_grant_from,
)
from setup_wizard.cloud.retry import parse_retry_after
from setup_wizard.secret import ClientSecret, Password, Token

# The shapes of reference §8, and what proxies and portals send instead.
ERROR_BODIES = [
    b'{"error":"invalid_grant","error_description":"User credentials are invalid"}',
    b'{"error":"mfa_required","error_description":"Multi-factor authentication required",'
    b'"mfa_token":"7d3f2a9c"}',
    b'{"ok":false,"error":"Permission Denied"}',
    b'{"ok":false,"errors":["Customer already exists",{"error":{"status":"taken"}}]}',
    b'{"error":"invalid_client","error_description":"username and password required"}',
    b'{"message":"Invalid body","description":"bad","violations":[{"message":"email"}]}',
    b'{"err":"nope"}',
    b'{"info":"slow down"}',
    b"<html><body><h1>502 Bad Gateway</h1></body></html>",
    b"upstream connect error or disconnect/reset before headers",
    b"",
]
SUCCESS_BODIES = [
    b'{"token_type":"bearer","access_token":"254406f7","expires_in":7776000,'
    b'"refresh_token":"b5b901e8"}',
    b'{"claim_code":"Kd0TuDn5EnwJ1+8L4oOb+rtvRwA","device_ids":["3a0021000447343233323032"]}',
    b'[{"id":"3a0021000447343233323032","name":"hall","online":true,"platform_id":6,'
    b'"product_id":1234,"owner":"a@example.com","last_heard":"2016-12-01T12:00:00.000Z",'
    b'"last_handshake_at":"2016-12-01T11:59:00Z","quarantined":false}]',
    b'{"products":[{"id":1234,"slug":"demo-v1","name":"Demo","platform_id":6}]}',
    b'{"clients":[{"id":"demo-1234","name":"Demo","type":"installed","secret":"s3"}]}',
    b'{"id":"3a0021000447343233323032","name":"porch","updated_at":"2016-12-01T12:00:00Z"}',
]
DEVICE_KEYS = (
    "id", "name", "online", "connected", "platform_id", "product_id", "owner", "last_heard",
    "status", "system_firmware_version", "serial_number", "quarantined", "denied",
    "last_handshake_at", "access_token", "token_type", "expires_in", "refresh_token",
    "claim_code", "device_ids", "slug", "description", "secret", "type", "updated_at",
)  # fmt: skip
ANSWERS = json_like(DEVICE_KEYS) | JSON_VALUES


@FUZZ
@given(body=mutated_bytes(ERROR_BODIES), content_type=st.sampled_from(["", "text/html", "json"]))
@example(body=deep_json(100_000).encode(), content_type="application/json")
@example(body=b'{"error":' + deep_json(990).encode() + b"}", content_type="")
def test_an_error_body_of_any_shape_is_read_without_raising(body: bytes, content_type: str) -> None:
    parser("cloud error body").run(lambda: parse_error_body(body, content_type))


@FUZZ
@given(
    operation=st.sampled_from(list(Operation)),
    status=st.integers(300, 599),
    body=mutated_bytes(ERROR_BODIES),
    location=st.none() | mutated_text(["http://wifi-login.example.net/portal?s=1", "/x"]),
    retry_after=st.none() | st.floats(0, 1e6),
)
@example(
    operation=Operation.SIGN_IN, status=302, body=b"", location="http://[abc/", retry_after=None
)
def test_any_refusal_becomes_a_cloud_error(
    operation: Operation, status: int, body: bytes, location: str | None, retry_after: float | None
) -> None:
    with parser("cloud refusal (status, body, headers)").example():
        error = error_for_response(
            operation,
            status,
            body,
            content_type="application/json",
            secrets=("s3cret-value-1",),
            retry_after=retry_after,
            location=location,
        )
        assert isinstance(error, CloudError)
        assert "s3cret-value-1" not in str(error)


@FUZZ
@given(mutated_text(["120", "Wed, 21 Oct 2015 07:28:00 GMT", " 3 ", "1e3", "-4"]))
@example("Wed, 999999999999999999999999921 Oct 2015 07:28:00 GMT")
def test_any_retry_after_header_is_a_wait_or_none(value: str) -> None:
    with parser("Retry-After header").example():
        wait = parse_retry_after(value, 1_700_000_000.0)
        assert wait is None or wait >= 0


@FUZZ
@given(ANSWERS, st.floats(0, 2e9))
@example({"access_token": "x", "expires_in": 10**20}, 0.0)
@example({"access_token": "x", "expires_in": -(10**12)}, 0.0)
@example({"access_token": "x", "expires_in": "1" * 5000}, 0.0)
@example({"id": "x", "platform_id": "²"}, 0.0)
def test_any_json_answer_reads_as_a_result_or_unexpected(data: Any, now: float) -> None:
    unexpected = (UnexpectedResponse,)
    parser("token grant", *unexpected).run(lambda: token_grant_from(data, now))
    parser("claim code", *unexpected).run(lambda: claim_code_from(data, now))
    parser("renamed device", *unexpected).run(lambda: renamed_device_from(data, "ab", "n"))
    with parser("device lists, products, clients", *unexpected).example():
        for key in (None, "products", "clients", "devices"):
            for item in as_list(data, key, "list"):
                product_from(item)
                oauth_client_from(item)
    if isinstance(data, dict):
        parser("device", *unexpected).run(lambda: device_from(data))
        parser("device (product view)", *unexpected).run(lambda: product_device_from(data))
        parser("time stamp").run(lambda: parse_time(data.get("last_heard")))


SSE_DATA = '{"data":"online","ttl":60,"published_at":"2016-12-01T12:00:00.000Z","coreid":"3a00"}'


@FUZZ
@given(
    name=mutated_text(["spark/status", "spark/device/claim/code", "message"]),
    data=mutated_text([SSE_DATA, '{"data":null}', "[]"]),
)
@example(name="spark/status", data=deep_json(100_000))
def test_any_event_reads_as_an_event_or_nothing(name: str, data: str) -> None:
    parser("event (one server-sent event)").run(
        lambda: event_from_sse(ServerSentEvent(event=name, data=data))
    )


STREAMS = [
    f"event: spark/status\ndata: {SSE_DATA}\n\n:ok\n\n".encode()
    + b"event: x\ndata: 1\nid: 4\nretry: 9\n\n",
    b": keep-alive\n\n",
]


async def _events(stream: bytes, content_type: str) -> None:
    response = httpx.Response(200, headers={"content-type": content_type}, content=stream)
    async for sse in EventSource(response).aiter_sse():
        event_from_sse(sse)


@FUZZ
@given(mutated_bytes(STREAMS), st.sampled_from(["text/event-stream", "text/html"]))
def test_an_event_stream_raises_only_what_the_stream_reader_handles(
    stream: bytes, content_type: str
) -> None:
    # EventStream.next_item reopens the stream on exactly these.
    allowed = (httpx.TransportError, httpx.DecodingError, SSEError)
    parser("event stream (bytes)", *allowed).run(lambda: asyncio.run(_events(stream, content_type)))


CLIENT = ClientCredentials("demo-1234", ClientSecret("s3cret-value-1"))


async def _every_call(body: bytes, status: int, content_type: str) -> None:
    """Each call that reads an answer, against a server that answers ``body`` to everything."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"content-type": content_type})

    http = httpx.AsyncClient(base_url="http://127.0.0.1:9", transport=httpx.MockTransport(answer))
    async with http:
        cloud = CloudClient(http, retry=RetryPolicy(attempts=1))
        token = Token("tok-fuzz-1")
        calls = (
            lambda: cloud.sign_in("a@example.com", Password("pw-fuzz-1"), client=CLIENT),
            lambda: cloud.verify_mfa(Token("mfa-1"), "123456"),
            lambda: cloud.customer_token(CLIENT, "a@example.com"),
            lambda: cloud.list_products(token),
            lambda: cloud.list_clients(token, 1234),
            lambda: cloud.create_client(token, 1234, "bench"),
            lambda: cloud.create_customer(1234, CLIENT, "a@example.com", None),
            lambda: cloud.create_claim_code(token, 1234),
            lambda: cloud.list_devices(token),
            lambda: cloud.get_device(token, "3a0021000447343233323032"),
            lambda: cloud.get_product_device(token, 1234, "3a0021000447343233323032"),
            lambda: cloud.rename_device(token, "3a0021000447343233323032", "porch"),
        )
        for call in calls:
            with contextlib.suppress(CloudError):
                await call()


@FUZZ
@given(
    body=mutated_bytes(SUCCESS_BODIES + ERROR_BODIES),
    status=st.sampled_from([200, 201, 204, 400, 401, 403, 404, 429, 500, 503]),
    content_type=st.sampled_from(["application/json", "text/html", ""]),
)
@example(body=deep_json(100_000).encode(), status=200, content_type="application/json")
@example(body=b'{"access_token":"x","expires_in":1e400}', status=200, content_type="")
def test_every_call_ends_in_an_answer_or_a_cloud_error(
    body: bytes, status: int, content_type: str
) -> None:
    parser("cloud client calls (any answer body)", CloudError).run(
        lambda: asyncio.run(_every_call(body, status, content_type))
    )


def test_the_samples_are_what_the_readers_read() -> None:
    grant = token_grant_from(json.loads(SUCCESS_BODIES[0]), 0.0)
    assert grant.expires_in == 7776000
    assert parse_error_body(ERROR_BODIES[0]).code == "invalid_grant"
    event = event_from_sse(ServerSentEvent(event="spark/status", data=SSE_DATA))
    assert event is not None
    assert event.data == "online"
