"""HTTP port 80 (softap-protocol.md §2.3): status first, JSON in chunks, empty when rejected."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from sim_photon_helpers import STATE_TIMEOUT, http_exchange, read_http_response

from setup_wizard.sim.photon import SimulatedPhoton


async def test_command_reply_is_200_chunked_json_with_cors_and_no_cache(
    photon: SimulatedPhoton,
) -> None:
    raw = await http_exchange(photon, b"GET /version HTTP/1.1\r\nConnection: close\r\n\r\n")
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    assert lines[0] == b"HTTP/1.1 200 OK"
    headers = {k.lower(): v for k, _, v in (line.partition(b": ") for line in lines[1:])}
    assert headers[b"content-type"] == b"application/json"
    assert headers[b"transfer-encoding"] == b"chunked"
    assert headers[b"access-control-allow-origin"] == b"*"
    assert b"no-cache" in headers[b"cache-control"]
    assert b"content-length" not in headers
    assert body == b'7\r\n{"v":2}\r\n0\r\n\r\n'


async def test_every_command_answers_over_http(
    photon: SimulatedPhoton, http: httpx.AsyncClient
) -> None:
    assert (await http.get("/version")).json() == {"v": 2}
    assert (await http.get("/device-id")).json() == {"id": photon.device_id, "c": "0"}
    assert (await http.get("/public-key")).json()["r"] == 0
    assert isinstance((await http.get("/scan-ap")).json()["scans"], list)
    assert (await http.post("/set", content=b'{"k":"cc","v":"abc"}')).json() == {"r": 0}
    assert photon.claim_code == "abc"
    open_network = b'{"idx":0,"ssid":"xfinitywifi","sec":0}'
    assert (await http.post("/configure-ap", content=open_network)).json() == {"r": 0}
    assert (await http.post("/connect-ap", content=b'{"idx":0}')).json() == {"r": 0}


async def test_rejected_request_is_200_with_an_empty_body(
    photon: SimulatedPhoton, http: httpx.AsyncClient
) -> None:
    reply = await http.post("/set", content=b'{"k":"cc","v":"abc","extra":1}')
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "application/json"
    assert reply.content == b""
    assert photon.claim_code is None


async def test_form_content_type_is_ignored(
    photon: SimulatedPhoton, http: httpx.AsyncClient
) -> None:
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    reply = await http.post("/set", content=b'{"k":"cc","v":"abc"}', headers=form)
    assert reply.json() == {"r": 0}


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
async def test_any_method_runs_the_command(
    photon: SimulatedPhoton, http: httpx.AsyncClient, method: str
) -> None:
    assert (await http.request(method, "/version")).json() == {"v": 2}


async def test_query_string_is_ignored(photon: SimulatedPhoton, http: httpx.AsyncClient) -> None:
    assert (await http.get("/device-id?nocache=123")).json()["id"] == photon.device_id


async def test_body_is_taken_from_content_length_only(
    photon: SimulatedPhoton, http: httpx.AsyncClient
) -> None:
    async def chunks():  # httpx sends this chunked, without Content-Length
        yield b'{"k":"cc","v":"abc"}'

    reply = await http.post("/set", content=chunks())
    assert reply.status_code == 200
    assert reply.content == b""
    assert photon.claim_code is None


async def test_hello_is_plain_text_of_14_bytes_with_the_nul(
    photon: SimulatedPhoton, http: httpx.AsyncClient
) -> None:
    reply = await http.get("/hello")
    assert reply.status_code == 200
    assert reply.headers["content-type"] == "text/plain"
    assert reply.headers["content-length"] == "14"
    assert reply.content == b"Soft AP Setup\0"


async def test_index_redirects_to_hello_and_root_to_index(
    photon: SimulatedPhoton, http: httpx.AsyncClient
) -> None:
    index = await http.get("/index")
    assert (index.status_code, index.headers["location"]) == (301, "/hello")
    root = await http.get("/")
    assert (root.status_code, root.headers["location"]) == (301, "/index")
    followed = await http.get("/", follow_redirects=True)
    assert followed.content == b"Soft AP Setup\0"


@pytest.mark.parametrize("path", ["/nothing", "/version/", "/Version", "/ant-internal"])
async def test_other_urls_are_404_without_a_body(http: httpx.AsyncClient, path: str) -> None:
    reply = await http.get(path)
    assert reply.status_code == 404
    assert reply.content == b""


async def test_keep_alive_serves_several_requests_on_one_connection(
    photon: SimulatedPhoton,
) -> None:
    reader, writer = await asyncio.open_connection(photon.host, photon.http_port)
    try:
        body = b'{"k":"cc","v":"abc"}'
        writer.write(
            b"GET /version HTTP/1.1\r\nHost: x\r\n\r\n"
            b"POST /set HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n%s"
            b"GET /hello HTTP/1.1\r\nHost: x\r\n\r\n" % (len(body), body)
        )
        await writer.drain()
        assert (await read_http_response(reader))[1] == b'{"v":2}'
        assert (await read_http_response(reader))[1] == b'{"r":0}'
        assert (await read_http_response(reader))[1] == b"Soft AP Setup\0"
        writer.write(b"GET /device-id HTTP/1.1\r\nHost: x\r\n\r\n")
        await writer.drain()
        assert json.loads((await read_http_response(reader))[1])["c"] == "0"
    finally:
        writer.close()
        await writer.wait_closed()


async def test_connection_close_is_honoured(photon: SimulatedPhoton) -> None:
    raw = await http_exchange(photon, b"GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n")
    assert raw.endswith(b"Soft AP Setup\0")  # and the device closed: read() returned


async def test_header_is_sent_before_the_command_runs(photon: SimulatedPhoton) -> None:
    reader, writer = await asyncio.open_connection(photon.host, photon.http_port)
    try:
        writer.write(b"POST /set HTTP/1.1\r\nContent-Length: 40\r\n\r\n{")  # body never ends
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), STATE_TIMEOUT)
        assert head.startswith(b"HTTP/1.1 200 OK\r\n")
        # The device gives up on the missing body: an empty reply, then it hangs up.
        rest = await asyncio.wait_for(reader.read(), STATE_TIMEOUT)
        assert rest == b"0\r\n\r\n"
    finally:
        writer.close()
        await writer.wait_closed()
