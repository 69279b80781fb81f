"""What goes on the wire, and how the client reads failures the simulator cannot be made to show.

A scripted loopback peer stands in here only for what the simulator cannot do: reveal the
exact request bytes, play a router on port 80, or refuse a request our client never gets
wrong. Everything else is tested against the simulator.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pytest
from cryptography.hazmat.primitives.asymmetric import padding

from setup_wizard.device import (
    ConnectResult,
    DeviceBusyError,
    DeviceRejectedError,
    DeviceReplyUnreadableError,
    DeviceTimeoutError,
    DeviceUnreachableError,
    PhotonClient,
    Security,
    Transport,
    TransportPolicy,
    WifiNetwork,
    probe,
)
from setup_wizard.device.address import DeviceAddress
from setup_wizard.secret import ClaimCode, WifiPassword

if TYPE_CHECKING:
    from conftest import DeviceKey, ScriptedDevice, Tripwire

OK = b'{"r":0}'


@pytest.mark.parametrize("transport", [Transport.TCP, Transport.HTTP])
async def test_configure_ap_sends_only_firmware_keys_with_numbers_as_numbers(
    scripted: ScriptedDevice,
    fast_policy: TransportPolicy,
    transport: Transport,
    device_key: DeviceKey,
) -> None:
    scripted.replies = {"public-key": device_key.reply, "configure-ap": OK}
    network = WifiNetwork("Café Wi-Fi", Security.WPA2_MIXED_PSK, -50, 6)
    async with PhotonClient(scripted.address, policy=fast_policy, prefer=transport) as client:
        await client.configure(network, password=WifiPassword("hunter2hunter2"))

    request = scripted.requests[-1]
    assert request.name == "configure-ap"
    # Non-ASCII travels as raw UTF-8: the firmware does not undo \u escapes.
    assert "Café Wi-Fi".encode() in request.body
    sent = json.loads(request.body)
    assert list(sent) == ["idx", "ssid", "pwd", "sec", "ch"]
    assert sent["idx"] == 0
    assert sent["sec"] == 4194310
    assert sent["ch"] == 6
    assert re.fullmatch("[0-9a-f]{256}", sent["pwd"])
    plain = device_key.private.decrypt(bytes.fromhex(sent["pwd"]), padding.PKCS1v15())
    assert plain == b"hunter2hunter2"


async def test_an_open_network_is_configured_without_any_pwd_key(
    scripted: ScriptedDevice, fast_policy: TransportPolicy
) -> None:
    scripted.replies = {"configure-ap": OK}
    async with PhotonClient(scripted.address, policy=fast_policy) as client:
        await client.configure("Library", Security.OPEN)
    assert [r.name for r in scripted.requests] == ["configure-ap"]  # no key needed
    assert json.loads(scripted.requests[0].body) == {
        "idx": 0,
        "ssid": "Library",
        "sec": 0,
        "ch": 0,
    }


async def test_http_requests_are_simple_one_shot_and_sized(
    scripted: ScriptedDevice, fast_policy: TransportPolicy
) -> None:
    scripted.replies = {"device-id": b'{"id":"3A0021000447343233323032","c":"1"}', "set": OK}
    async with PhotonClient(scripted.address, policy=fast_policy, prefer=Transport.HTTP) as c:
        info = await c.device_info()
        await c.set_claim_code(ClaimCode("A" * 63))
    get, post = scripted.requests
    assert (get.method, get.name, get.body) == ("GET", "device-id", b"")
    assert post.method == "POST"
    assert post.headers["content-type"] == "application/x-www-form-urlencoded"
    assert post.headers["content-length"] == str(len(post.body))
    assert "transfer-encoding" not in post.headers
    assert get.headers["connection"] == post.headers["connection"] == "close"
    assert json.loads(post.body) == {"k": "cc", "v": "A" * 63}
    assert info.device_id == "3a0021000447343233323032"
    assert info.claimed is True


@pytest.mark.parametrize("transport", [Transport.TCP, Transport.HTTP])
async def test_an_empty_reply_means_the_device_refused(
    scripted: ScriptedDevice, fast_policy: TransportPolicy, transport: Transport
) -> None:
    scripted.replies = {"set": b"", "configure-ap": b""}
    async with PhotonClient(scripted.address, policy=fast_policy, prefer=transport) as client:
        with pytest.raises(DeviceRejectedError, match="refused the claim code") as refused:
            await client.set_claim_code(ClaimCode("abc"))
        with pytest.raises(DeviceRejectedError, match="without saying why"):
            await client.configure("Library", Security.OPEN)
    assert refused.value.code is None
    assert [r.name for r in scripted.requests] == ["set", "configure-ap"]  # never retried


async def test_commands_run_strictly_one_at_a_time(
    scripted: ScriptedDevice, fast_policy: TransportPolicy
) -> None:
    scripted.replies = {"version": b'{"v":2}', "device-id": b'{"id":"%s","c":"0"}' % (b"A" * 24)}
    async with PhotonClient(scripted.address, policy=fast_policy) as client:
        results = await asyncio.gather(
            client.version(), client.device_info(), client.version(), client.device_info()
        )
    assert results[0] == 2
    assert len(scripted.requests) == 4
    assert scripted.most_open_connections == 1


async def test_a_lost_connect_ap_reply_is_probably_accepted_and_never_resent(
    scripted: ScriptedDevice,
) -> None:
    scripted.replies = {"connect-ap": None}  # takes the request, never answers
    policy = TransportPolicy(connect_timeout=2.0, connect_ap_timeout=0.3, attempts=3)
    async with PhotonClient(scripted.address, policy=policy) as client:
        assert await client.connect() is ConnectResult.PROBABLY_ACCEPTED
    assert [(r.transport, r.name) for r in scripted.requests] == [("tcp", "connect-ap")]


@dataclass(frozen=True)
class HookedPolicy(TransportPolicy):
    """Calls ``on_retry`` each time the client decides to try a command again."""

    on_retry: Callable[[], None] = lambda: None

    def retry_delay(self, attempt: int) -> float:
        self.on_retry()
        return super().retry_delay(attempt)


async def test_a_connect_ap_that_reached_no_server_is_sent_again(
    scripted_offline: ScriptedDevice,
) -> None:
    """Both ports refuse the first try (the device never saw it), then the Photon is there."""
    scripted_offline.replies = {"connect-ap": OK}
    policy = HookedPolicy(
        connect_timeout=2.0, attempts=3, retry_delays=(0,), on_retry=scripted_offline.come_online
    )
    async with PhotonClient(scripted_offline.address, policy=policy) as client:
        assert await client.connect() is ConnectResult.ACCEPTED
    assert [(r.transport, r.name) for r in scripted_offline.requests] == [("tcp", "connect-ap")]


async def test_a_connect_ap_that_never_gets_through_gives_up_after_the_set_tries(
    closed_address: DeviceAddress,
) -> None:
    retries: list[None] = []
    policy = HookedPolicy(
        connect_timeout=2.0, attempts=3, retry_delays=(0,), on_retry=lambda: retries.append(None)
    )
    async with PhotonClient(closed_address, policy=policy) as client:
        with pytest.raises(DeviceUnreachableError, match="Photon's own Wi-Fi"):
            await client.connect()
    assert len(retries) == 2


async def test_an_answered_connect_ap_is_accepted(scripted: ScriptedDevice) -> None:
    scripted.replies = {"connect-ap": OK}
    async with PhotonClient(scripted.address, prefer=Transport.HTTP) as client:
        assert await client.connect() is ConnectResult.ACCEPTED


async def test_read_only_commands_are_retried_then_reported(
    scripted: ScriptedDevice,
) -> None:
    scripted.replies = {"version": b"{garbage"}
    policy = TransportPolicy(attempts=3, retry_delays=(0.01,))
    async with PhotonClient(scripted.address, policy=policy) as client:
        with pytest.raises(DeviceReplyUnreadableError, match="not JSON"):
            await client.version()
    assert len(scripted.requests) == 3


async def test_a_device_that_stops_answering_times_out_with_advice(
    scripted: ScriptedDevice,
) -> None:
    scripted.replies = {"public-key": None}
    policy = TransportPolicy(quick_timeout=0.2, attempts=1)
    async with PhotonClient(scripted.address, policy=policy) as client:
        with pytest.raises(DeviceTimeoutError, match="still on the Photon's Wi-Fi"):
            await client.public_key()
    # TCP never started answering, so HTTP was tried before giving up.
    assert [r.transport for r in scripted.requests] == ["tcp", "http"]


async def test_nothing_listening_is_unreachable_with_advice(
    closed_address: DeviceAddress, fast_policy: TransportPolicy
) -> None:
    async with PhotonClient(closed_address, policy=fast_policy) as client:
        with pytest.raises(DeviceUnreachableError, match="blinking dark blue"):
            await client.device_info()
        with pytest.raises(DeviceUnreachableError, match="Photon's own Wi-Fi"):
            await client.connect()


async def test_a_router_web_page_is_not_a_photon(
    scripted: ScriptedDevice, fast_policy: TransportPolicy
) -> None:
    scripted.http_status = 404
    async with PhotonClient(scripted.address, policy=fast_policy, prefer=Transport.HTTP) as c:
        with pytest.raises(DeviceReplyUnreadableError, match="HTTP status 404"):
            await c.device_info()


async def test_probe_finds_a_photon_over_http_first(scripted: ScriptedDevice) -> None:
    scripted.replies = {"device-id": b'{"id":"3A0021000447343233323032","c":"0"}'}
    info = await probe(scripted.address, timeout=2.0)
    assert info is not None
    assert info.device_id == "3a0021000447343233323032"
    assert [r.transport for r in scripted.requests] == ["http"]


async def test_probe_falls_back_to_tcp(scripted: ScriptedDevice) -> None:
    scripted.http_status = 404
    scripted.replies = {"device-id": b'{"id":"3A0021000447343233323032","c":"1"}'}
    info = await probe(scripted.address, timeout=2.0)
    assert info is not None
    assert info.claimed is True
    assert [r.transport for r in scripted.requests] == ["http", "tcp"]


async def test_probe_says_none_for_a_router(scripted: ScriptedDevice) -> None:
    scripted.http_status = 404
    scripted.replies = {"device-id": b"garbage"}
    assert await probe(scripted.address, timeout=2.0) is None


async def test_probe_says_none_when_nothing_listens(closed_address: DeviceAddress) -> None:
    assert await probe(closed_address, timeout=1.0) is None


async def test_probe_gives_up_within_its_budget(scripted: ScriptedDevice) -> None:
    scripted.replies = {"device-id": None}  # both servers accept and never answer
    assert await asyncio.wait_for(probe(scripted.address, timeout=0.4), timeout=5) is None


async def test_a_silent_configure_ap_is_sent_once_more_then_reported(
    scripted: ScriptedDevice,
) -> None:
    scripted.replies = {"version": b'{"v":2}', "configure-ap": None}
    policy = TransportPolicy(configure_timeout=0.2, attempts=3, retry_delays=(0,))
    async with PhotonClient(scripted.address, policy=policy) as client:
        await client.version()
        with pytest.raises(DeviceTimeoutError, match="stopped answering"):
            await client.configure("Library", Security.OPEN)
    # configure-ap is idempotent, so it is sent once more; TCP answered before, so the device
    # is busy or stuck rather than TCP broken: no second transport.
    assert [(r.transport, r.name) for r in scripted.requests] == [
        ("tcp", "version"),
        ("tcp", "configure-ap"),
        ("tcp", "configure-ap"),
    ]


async def test_a_configure_ap_that_timed_out_is_stored_by_the_resend(
    scripted: ScriptedDevice,
) -> None:
    """Its two scans can outlast the wait in a crowded place (§3.6 point 3); sending it once
    more is harmless, since the same SSID replaces its own slot."""
    scripted.replies = {"version": b'{"v":2}', "configure-ap": [None, OK]}
    policy = TransportPolicy(configure_timeout=0.2, attempts=3, retry_delays=(0,))
    async with PhotonClient(scripted.address, policy=policy) as client:
        await client.version()
        await client.configure("Library", Security.OPEN)
    assert [r.name for r in scripted.requests].count("configure-ap") == 2


def test_configure_ap_is_given_two_scans_of_time() -> None:
    assert TransportPolicy().configure_timeout >= 60


async def test_quick_commands_that_time_out_are_tried_again(scripted: ScriptedDevice) -> None:
    scripted.replies = {"device-id": None}
    policy = TransportPolicy(quick_timeout=0.2, attempts=2, retry_delays=(0,))
    async with PhotonClient(scripted.address, policy=policy) as client:
        with pytest.raises(DeviceTimeoutError, match="device-id"):
            await client.device_info()
    # Two tries; TCP never answered, so each one also asked over HTTP.
    assert [r.transport for r in scripted.requests] == ["tcp", "http", "tcp", "http"]


def loopback_alias_available() -> bool:
    """127.0.0.2 is this machine on Linux (all of 127/8 is loopback); not on macOS."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.2", 0))
        except OSError:
            return False
    return True


@pytest.mark.skipif(not loopback_alias_available(), reason="127.0.0.2 is not a local address")
@pytest.mark.parametrize("transport", [Transport.TCP, Transport.HTTP])
async def test_both_transports_leave_from_the_local_address(
    scripted: ScriptedDevice, fast_policy: TransportPolicy, transport: Transport
) -> None:
    """With Ethernet routing 192.168.0.0/24 too, only binding sends packets out over Wi-Fi."""
    scripted.replies = {"device-id": b'{"id":"3A0021000447343233323032","c":"0"}'}
    address = replace(scripted.address, local_host="127.0.0.2")
    async with PhotonClient(address, policy=fast_policy, prefer=transport) as client:
        await client.device_info()
    assert scripted.peers == ["127.0.0.2"]
    assert [r.transport for r in scripted.requests] == [transport.value.lower()]


@pytest.mark.skipif(not loopback_alias_available(), reason="127.0.0.2 is not a local address")
async def test_the_probe_leaves_from_the_local_address(scripted: ScriptedDevice) -> None:
    scripted.http_status = 404  # so that it asks over TCP as well
    scripted.replies = {"device-id": b'{"id":"3A0021000447343233323032","c":"0"}'}
    assert await probe(replace(scripted.address, local_host="127.0.0.2"), timeout=2.0)
    assert scripted.peers == ["127.0.0.2", "127.0.0.2"]


async def test_a_local_address_this_computer_lost_is_reported_as_such(
    tripwire: Tripwire, fast_policy: TransportPolicy
) -> None:
    """192.0.2.1 (a documentation address) is nobody's: nothing can be sent from it."""
    address = replace(tripwire.address, local_host="192.0.2.1")
    async with PhotonClient(address, policy=fast_policy) as client:
        with pytest.raises(DeviceUnreachableError, match=r"no longer has its address 192\.0\.2\.1"):
            await client.device_info()
        with pytest.raises(DeviceUnreachableError) as caught:
            await client.connect()
    assert caught.value.local_address_missing
    assert tripwire.contacts == []
    assert await probe(address, timeout=1.0) is None


async def test_a_busy_web_server_is_asked_once_more_after_a_pause(
    scripted: ScriptedDevice, fast_policy: TransportPolicy
) -> None:
    """5xx comes before the command runs (the 200 of a Photon always comes first, §2.3)."""
    scripted.http_statuses = [503, 200]
    scripted.replies = {"device-id": b'{"id":"3A0021000447343233323032","c":"0"}', "connect-ap": OK}
    async with PhotonClient(scripted.address, policy=fast_policy, prefer=Transport.HTTP) as c:
        assert (await c.device_info()).device_id == "3a0021000447343233323032"
        scripted.http_statuses = [500, 200]
        assert await c.connect() is ConnectResult.ACCEPTED  # never ran, so safe to resend
    assert [r.name for r in scripted.requests] == ["device-id"] * 2 + ["connect-ap"] * 2


async def test_a_web_server_busy_twice_is_reported_busy(scripted: ScriptedDevice) -> None:
    scripted.http_status = 503
    policy = TransportPolicy(attempts=5, retry_delays=(0,))
    async with PhotonClient(scripted.address, policy=policy, prefer=Transport.HTTP) as client:
        with pytest.raises(DeviceBusyError, match="too busy"):
            await client.version()
    assert len(scripted.requests) == 2  # once more, not five times


async def test_the_probe_asks_a_busy_photon_again(scripted: ScriptedDevice) -> None:
    scripted.http_statuses = [503, 200]
    scripted.replies = {"device-id": b'{"id":"3A0021000447343233323032","c":"0"}'}
    assert await probe(scripted.address, timeout=2.0) is not None
    assert [r.transport for r in scripted.requests] == ["http", "http"]


async def test_junk_over_tcp_is_unreadable_not_a_refusal(scripted: ScriptedDevice) -> None:
    """No header comes before the JSON (§2.2): junk must not pass for an empty refusal."""
    scripted.replies = {"set": b"garbage\n\n", "version": b"HTTP/1.0 200 OK\n\n{}"}
    policy = TransportPolicy(attempts=1)
    async with PhotonClient(scripted.address, policy=policy) as client:
        with pytest.raises(
            DeviceReplyUnreadableError, match=r"cannot read \(the answer is not JSON\)"
        ):
            await client.set_claim_code(ClaimCode("A" * 63))
        with pytest.raises(DeviceReplyUnreadableError, match="not JSON"):
            await client.version()


@pytest.mark.parametrize("transport", [Transport.TCP, Transport.HTTP])
async def test_a_reply_far_longer_than_a_photons_is_refused(
    scripted: ScriptedDevice, transport: Transport
) -> None:
    padding = b"x" * (70 * 1024)
    scripted.replies = {
        "device-id": b'{"id":"3A0021000447343233323032","c":"0","p":"%s"}' % padding
    }
    policy = TransportPolicy(attempts=3, retry_delays=(0,))
    async with PhotonClient(scripted.address, policy=policy, prefer=transport) as client:
        with pytest.raises(DeviceReplyUnreadableError, match="far more than a Photon sends"):
            await client.device_info()
    assert len(scripted.requests) == 1  # not something to try again
