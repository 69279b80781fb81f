"""The client against the simulated Photon over real loopback sockets, both transports."""

from __future__ import annotations

import asyncio
import json
import ssl
from typing import TYPE_CHECKING

import httpx
import pytest

from setup_wizard.device import (
    ConnectResult,
    DeviceRejectedError,
    PhotonClient,
    ScanTimeoutError,
    Security,
    Transport,
    TransportPolicy,
    probe,
)
from setup_wizard.device.scan import parse_scan
from setup_wizard.device.transport import http_exchange, tcp_exchange
from setup_wizard.secret import ClaimCode, WifiPassword
from setup_wizard.sim.photon import PhotonFaults, PhotonState
from setup_wizard.sim.photon.timing import SetupTiming
from setup_wizard.sim.wifi import SimNetwork, WifiEnvironment

if TYPE_CHECKING:
    from conftest import StartPhoton

BOTH = pytest.mark.parametrize("transport", [Transport.TCP, Transport.HTTP])
HOME_PASSWORD = "correct horse battery"
ODD_SSID = 'Joe"s \\ Café'  # the firmware prints it unescaped: the scan JSON is invalid
CLAIM_CODE = "Zx9" * 21  # 63 characters, the length real claim codes have
STATE_TIMEOUT = 20.0  # seconds of real time; the simulator runs 500× faster than a Photon


def home() -> WifiEnvironment:
    return WifiEnvironment(
        [
            SimNetwork(
                ssid="HomeNet", security="wpa2_aes", password=HOME_PASSWORD, channel=6, rssi=-48
            ),
            SimNetwork(
                ssid="HomeNet", security="wpa2_aes", password=HOME_PASSWORD, channel=1, rssi=-80
            ),
            SimNetwork(
                ssid=ODD_SSID, security="wpa2_mixed", password="quoted pass", channel=11, rssi=-60
            ),
            SimNetwork(ssid="Library", security="open", channel=3, rssi=-70),
            SimNetwork(
                ssid="Hidden Lab",
                security="wpa2_aes",
                password="password1",
                channel=4,
                rssi=-40,
                hidden=True,
            ),
            SimNetwork(
                ssid="Old Router", security="wep_psk", password="0123456789", channel=9, rssi=-75
            ),
        ]
    )


@BOTH
async def test_every_read_command(
    start_photon: StartPhoton, fast_policy: TransportPolicy, transport: Transport
) -> None:
    photon, address = await start_photon(home())
    async with PhotonClient(address, policy=fast_policy, prefer=transport) as client:
        assert await client.version() == 2
        info = await client.device_info()
        key = await client.public_key()  # 294-byte zero-padded window on the wire
        networks = await client.scan()
        assert client.transport is transport

    assert info.device_id == photon.device_id.lower()
    assert info.claimed is False
    assert key.size_bytes == 128
    assert [(n.ssid, n.security, n.channel) for n in networks] == [
        ("HomeNet", Security.WPA2_AES_PSK, 6),  # the stronger of the two access points
        (ODD_SSID, Security.WPA2_MIXED_PSK, 11),
        ("Library", Security.OPEN, 3),
        ("Old Router", Security.WEP_PSK, 9),
    ]


@BOTH
async def test_claim_code_and_password_reach_the_device_exactly(
    start_photon: StartPhoton, fast_policy: TransportPolicy, transport: Transport
) -> None:
    photon, address = await start_photon(home())
    async with PhotonClient(address, policy=fast_policy, prefer=transport) as client:
        networks = {n.ssid: n for n in await client.scan()}
        await client.set_claim_code(ClaimCode(CLAIM_CODE))
        await client.configure(networks["HomeNet"], password=WifiPassword(HOME_PASSWORD))

    assert photon.claim_code == CLAIM_CODE
    assert photon.credentials[0].ssid == "HomeNet"
    assert photon.credentials[0].password == HOME_PASSWORD


async def test_an_open_network_is_stored_without_a_password(
    start_photon: StartPhoton, fast_policy: TransportPolicy
) -> None:
    photon, address = await start_photon(home())
    async with PhotonClient(address, policy=fast_policy) as client:
        await client.configure("Library", Security.OPEN)
    assert photon.credentials[0].ssid == "Library"
    assert not photon.credentials[0].password


async def test_a_hidden_network_is_refused_with_r_minus_2(
    start_photon: StartPhoton, fast_policy: TransportPolicy
) -> None:
    photon, address = await start_photon(home())
    async with PhotonClient(address, policy=fast_policy) as client:
        with pytest.raises(DeviceRejectedError, match="cannot see the network “Hidden Lab”") as e:
            await client.configure("Hidden Lab", Security.WPA2_AES_PSK, WifiPassword("password1"))
    assert e.value.code == -2
    assert e.value.command == "configure-ap"
    assert list(photon.credentials) == []


@BOTH
async def test_the_right_password_brings_the_device_online(
    start_photon: StartPhoton, fast_policy: TransportPolicy, transport: Transport
) -> None:
    photon, address = await start_photon(home())
    async with PhotonClient(address, policy=fast_policy, prefer=transport) as client:
        networks = {n.ssid: n for n in await client.scan()}
        await client.configure(networks["HomeNet"], password=WifiPassword(HOME_PASSWORD))
        result = await client.connect()
    assert result is ConnectResult.ACCEPTED
    await asyncio.wait_for(photon.wait_for_state(PhotonState.ONLINE), STATE_TIMEOUT)


@pytest.mark.parametrize("key", ["0123456789", "abcde", "ABCDEFGHIJKLM"])
async def test_a_wep_key_typed_as_hex_or_text_gets_the_device_online(
    start_photon: StartPhoton, fast_policy: TransportPolicy, key: str
) -> None:
    wifi = WifiEnvironment([SimNetwork(ssid="Old Router", security="wep_psk", password=key)])
    photon, address = await start_photon(wifi)
    async with PhotonClient(address, policy=fast_policy) as client:
        [network] = await client.scan()
        await client.configure(network, password=WifiPassword(key))
        await client.connect()
    await asyncio.wait_for(photon.wait_for_state(PhotonState.ONLINE), STATE_TIMEOUT)


async def test_a_wrong_password_sends_the_device_back_to_listening(
    start_photon: StartPhoton, fast_policy: TransportPolicy
) -> None:
    photon, address = await start_photon(home())
    async with PhotonClient(address, policy=fast_policy) as client:
        await client.configure("HomeNet", Security.WPA2_AES_PSK, WifiPassword("wrong password"))
        await client.connect()
    await asyncio.wait_for(photon.wait_for_state(PhotonState.JOINING_WIFI), STATE_TIMEOUT)
    await asyncio.wait_for(photon.wait_for_state(PhotonState.LISTENING), STATE_TIMEOUT)

    # The person can try again right away with the right password.
    async with PhotonClient(address, policy=fast_policy) as client:
        await client.configure("HomeNet", Security.WPA2_AES_PSK, WifiPassword(HOME_PASSWORD))
        await client.connect()
    await asyncio.wait_for(photon.wait_for_state(PhotonState.ONLINE), STATE_TIMEOUT)


async def test_a_lost_connect_ap_reply_is_probably_accepted(
    start_photon: StartPhoton, fast_policy: TransportPolicy
) -> None:
    photon, address = await start_photon(home(), PhotonFaults(drop_connect_ap_reply=True))
    async with PhotonClient(address, policy=fast_policy) as client:
        await client.configure("HomeNet", Security.WPA2_AES_PSK, WifiPassword(HOME_PASSWORD))
        assert await client.connect() is ConnectResult.PROBABLY_ACCEPTED
    await asyncio.wait_for(photon.wait_for_state(PhotonState.ONLINE), STATE_TIMEOUT)


async def test_a_closed_tcp_server_moves_the_session_to_http(
    start_photon: StartPhoton, fast_policy: TransportPolicy
) -> None:
    photon, address = await start_photon(home(), PhotonFaults(tcp_closed=True))
    async with PhotonClient(address, policy=fast_policy) as client:
        info = await client.device_info()
        assert client.transport is Transport.HTTP
        await client.set_claim_code(ClaimCode(CLAIM_CODE))
        await client.configure("HomeNet", Security.WPA2_AES_PSK, WifiPassword(HOME_PASSWORD))
        assert client.transport is Transport.HTTP
    assert info.device_id == photon.device_id.lower()
    assert photon.claim_code == CLAIM_CODE
    assert photon.credentials[0].password == HOME_PASSWORD


async def test_the_first_tcp_reply_is_taken_though_the_device_never_closes_it(
    start_photon: StartPhoton,
) -> None:
    """device-os #1252: the first connection of a session gets its whole reply, then no EOF."""
    photon, address = await start_photon(home())
    policy = TransportPolicy(quick_timeout=3.0, attempts=1)  # one try: no second connection
    async with PhotonClient(address, policy=policy) as client:
        info = await client.device_info()
        assert client.transport is Transport.TCP  # no timeout, no fallback to HTTP
    assert info.device_id == photon.device_id.lower()


async def test_a_slow_first_command_is_waited_for_past_the_blank_lines(
    start_photon: StartPhoton,
) -> None:
    """The device writes its two newlines before the command runs: they are not the answer."""
    slow = SetupTiming(command_seconds=5.0)  # 10 ms at this speed, between newlines and JSON
    photon, address = await start_photon(home(), setup_timing=slow)
    async with PhotonClient(address, policy=TransportPolicy(attempts=1)) as client:
        info = await client.device_info()
        assert client.transport is Transport.TCP
        assert "HomeNet" in {n.ssid for n in await client.scan()}
    assert info.device_id == photon.device_id.lower()


LATIN1_NAME = "Café Lumière".encode("latin-1")  # what many older routers broadcast


def latin1_home() -> WifiEnvironment:
    return WifiEnvironment(
        [
            SimNetwork(raw_ssid=LATIN1_NAME, security="wpa2_aes", password=HOME_PASSWORD),
            SimNetwork("Café Lumière", "wpa2_aes", "another password", channel=1, rssi=-70),
        ]
    )


@BOTH
async def test_a_name_that_is_not_utf8_goes_back_byte_for_byte(
    start_photon: StartPhoton, fast_policy: TransportPolicy, transport: Transport
) -> None:
    """SSIDs are bytes (§3.6 point 8): shown with replacement characters, sent as they came."""
    photon, address = await start_photon(latin1_home())
    async with PhotonClient(address, policy=fast_policy, prefer=transport) as client:
        networks = {n.raw_ssid: n for n in await client.scan()}
        latin1 = networks[LATIN1_NAME]
        assert latin1.ssid == "Caf\ufffd Lumi\ufffdre"
        assert not latin1.ssid_is_text
        assert networks["Café Lumière".encode()].ssid_is_text  # its UTF-8 twin is another one
        await client.configure(latin1, password=WifiPassword(HOME_PASSWORD))
        assert await client.connect() is ConnectResult.ACCEPTED
    assert photon.credentials[0].ssid_bytes == LATIN1_NAME
    await asyncio.wait_for(photon.wait_for_state(PhotonState.ONLINE), STATE_TIMEOUT)
    assert photon.joined_network is not None
    assert photon.joined_network.raw_ssid == LATIN1_NAME


async def test_a_passphrase_with_accents_gets_the_device_online(
    start_photon: StartPhoton, fast_policy: TransportPolicy
) -> None:
    """The firmware takes any 8-64 bytes; the router's passphrase is its UTF-8."""
    passphrase = "Grüße aus Köln – 2024"
    wifi = WifiEnvironment([SimNetwork("Zuhause", "wpa2_aes", passphrase, channel=6)])
    photon, address = await start_photon(wifi)
    async with PhotonClient(address, policy=fast_policy) as client:
        [network] = await client.scan()
        await client.configure(network, password=WifiPassword(passphrase))
        await client.connect()
    assert photon.credentials[0].password == passphrase
    await asyncio.wait_for(photon.wait_for_state(PhotonState.ONLINE), STATE_TIMEOUT)


async def test_a_client_never_builds_a_tls_context(
    start_photon: StartPhoton, fast_policy: TransportPolicy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Photon has no TLS: a client that prepared it anyway paid ~80 ms per instance."""

    def no_tls(*args: object, **kwargs: object) -> None:
        raise AssertionError("the device client built a TLS context")

    _, address = await start_photon(home())
    monkeypatch.setattr(ssl, "SSLContext", no_tls)
    monkeypatch.setattr(ssl, "create_default_context", no_tls)
    for transport in Transport:
        async with PhotonClient(address, policy=fast_policy, prefer=transport) as client:
            assert await client.version() == 2
    assert await probe(address, timeout=2.0) is not None


@pytest.mark.parametrize(("hangs_allowed", "then"), [(1, Transport.HTTP), (2, Transport.TCP)])
async def test_a_hanging_first_tcp_command_is_answered_over_http(
    start_photon: StartPhoton, hangs_allowed: int, then: Transport
) -> None:
    photon, address = await start_photon(home(), PhotonFaults(first_tcp_command_hangs=True))
    policy = TransportPolicy(
        quick_timeout=0.5, attempts=1, tcp_hangs_before_http_only=hangs_allowed
    )
    async with PhotonClient(address, policy=policy) as client:
        info = await client.device_info()
        # With one hang allowed, the hang shows: the session moved to HTTP. With the default
        # (the first-command quirk is tolerated once), TCP stays first and works next time.
        assert client.transport is then
        assert await client.version() == 2
        assert client.transport is then
    assert info.device_id == photon.device_id.lower()


SCAN_POLICY = TransportPolicy(scan_timeout=1.0, attempts=3, retry_delays=(0,))


async def test_a_crowded_scan_completes(start_photon: StartPhoton) -> None:
    """The control for the next test: without the fault, the same scan fits the timeout."""
    _, address = await start_photon(WifiEnvironment.crowded(count=35))
    async with PhotonClient(address, policy=SCAN_POLICY) as client:
        assert len(await client.scan()) > 5


async def test_a_device_stuck_mid_scan_gives_the_reset_advice(start_photon: StartPhoton) -> None:
    faults = PhotonFaults(scan_stalls_after=5)
    _, address = await start_photon(WifiEnvironment.crowded(count=35), faults)
    async with PhotonClient(address, policy=SCAN_POLICY) as client:
        with pytest.raises(ScanTimeoutError, match="type the network name yourself") as caught:
            await client.scan()
    assert "hold its SETUP button for 3 seconds" in str(caught.value)


async def test_the_public_key_arrives_zero_padded_and_is_still_usable(
    start_photon: StartPhoton, fast_policy: TransportPolicy
) -> None:
    photon, address = await start_photon(home())
    raw = await tcp_exchange(address, "public-key", b"", connect_timeout=2, reply_timeout=2)
    window = json.loads(raw)["b"]
    assert len(window) == 2 * 294
    assert window.endswith("00" * 132)
    async with PhotonClient(address, policy=fast_policy) as client:
        await client.configure("HomeNet", Security.WPA2_AES_PSK, WifiPassword(HOME_PASSWORD))
    assert photon.credentials[0].password == HOME_PASSWORD


async def test_http_replies_are_chunked_and_read_whole(start_photon: StartPhoton) -> None:
    _, address = await start_photon(WifiEnvironment.crowded(count=30))
    async with httpx.AsyncClient() as http:
        url = f"http://{address.host}:{address.http_port}/scan-ap"
        async with http.stream("GET", url) as response:
            assert response.headers["transfer-encoding"] == "chunked"
    raw = await http_exchange(address, "scan-ap", None, connect_timeout=2, reply_timeout=5)
    assert len(parse_scan(raw)) >= 10


async def test_a_request_the_device_cannot_parse_gets_an_empty_reply(
    start_photon: StartPhoton,
) -> None:
    """What the client reads as a refusal, seen on both transports (our client never sends it)."""
    photon, address = await start_photon(home())
    unknown_key = b'{"k":"cc","v":"abc","x":1}'
    await tcp_exchange(address, "version", b"", connect_timeout=2, reply_timeout=2)  # see below
    # The first TCP connection of a session is never closed by the device, and a refusal has no
    # JSON to end on: only a later connection shows the refusal whole.
    over_tcp = await tcp_exchange(address, "set", unknown_key, connect_timeout=2, reply_timeout=2)
    over_http = await http_exchange(address, "set", unknown_key, connect_timeout=2, reply_timeout=2)
    assert over_tcp == over_http == b""
    assert not photon.claim_code


async def test_probe_recognises_a_listening_photon_and_nothing_once_it_is_off(
    start_photon: StartPhoton,
) -> None:
    photon, address = await start_photon(home())
    info = await probe(address, timeout=2.0)
    assert info is not None
    assert info.device_id == photon.device_id.lower()
    await photon.stop()
    assert await probe(address, timeout=1.0) is None
