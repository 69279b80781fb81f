"""What each command answers and remembers (softap-protocol.md §3, §4, §5)."""

from __future__ import annotations

import asyncio
import json
import re

import pytest
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import load_der_public_key
from sim_photon_helpers import (
    QUIET,
    SPEED,
    STATE_TIMEOUT,
    Tcp,
    configure,
    encrypt,
    frame,
    public_key,
    reach,
)

from setup_wizard.sim.clock import SimClock
from setup_wizard.sim.photon import PhotonState, SecurityType, SimulatedPhoton
from setup_wizard.sim.photon.timing import SetupTiming
from setup_wizard.sim.wifi import SimNetwork, WifiEnvironment

WPA2_MIXED = 0x00400006
WPA2_AES = 0x00400004
WPA_AES = 0x00200004
WEP_PSK = 0x00000001


# --- public-key -------------------------------------------------------------------------


async def test_public_key_is_294_bytes_of_upper_hex_b_before_r(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    reply = await tcp.command(photon, "public-key")
    assert re.fullmatch(rb'\n\n\{"b":"[0-9A-F]{588}","r":0\}', reply)
    window = bytes.fromhex(json.loads(reply)["b"])
    assert window[:3] == bytes.fromhex("30819F")
    assert window[162:] == bytes(132)


async def test_public_key_loads_only_after_truncation_as_rsa_1024_e_65537(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    window = bytes.fromhex((await tcp.json(photon, "public-key"))["b"])
    with pytest.raises(ValueError, match="extra data"):
        load_der_public_key(window)  # strict parsers reject the zero padding
    key = load_der_public_key(window[:162])
    assert isinstance(key, rsa.RSAPublicKey)
    assert key.key_size == 1024
    assert key.public_numbers().e == 65537


async def test_each_device_has_its_own_key_and_a_seed_repeats_it(make_photon, tcp: Tcp) -> None:
    first = await make_photon(seed=1)
    same = await make_photon(seed=1)
    other = await make_photon(seed=2)
    keys = [(await tcp.json(p, "public-key"))["b"] for p in (first, same, other)]
    assert keys[0] == keys[1] != keys[2]


# --- set ----------------------------------------------------------------------------------


async def test_set_stores_the_claim_code_truncated_to_63(photon: SimulatedPhoton, tcp: Tcp) -> None:
    code = "A" * 60 + "BCDEFG"
    assert await tcp.json(photon, "set", {"k": "cc", "v": code}) == {"r": 0}
    assert photon.claim_code == code[:63]


async def test_set_key_is_cut_to_two_characters(photon: SimulatedPhoton, tcp: Tcp) -> None:
    assert await tcp.json(photon, "set", {"k": "ccx", "v": "abc"}) == {"r": 0}
    assert photon.claim_code == "abc"


@pytest.mark.parametrize("body", [{"k": "c", "v": "abc"}, {"k": "cc", "v": ""}, {"k": "cc"}, {}])
async def test_set_without_cc_and_a_value_answers_minus_one(
    photon: SimulatedPhoton, tcp: Tcp, body: dict[str, str]
) -> None:
    assert await tcp.json(photon, "set", body) == {"r": -1}
    assert photon.claim_code is None


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b'{"k":"cc","v":"abc","x":"1"}',  # unknown key
        b'{"k":"cc","v":123}',  # primitive where a string belongs
        b'{"k":"cc","v":{"a":"b"}}',  # nested
        b'["k","cc"]',  # not an object
        b'{"k":"cc","v":"abc"',  # truncated
        b'{"k":"cc","v":"a\\qb"}',  # invalid escape
    ],
)
async def test_set_that_cannot_be_parsed_gets_no_json_at_all(
    photon: SimulatedPhoton, tcp: Tcp, body: bytes
) -> None:
    assert await tcp.command(photon, "set", body) == b"\n\n"
    assert photon.claim_code is None


async def test_string_values_are_the_raw_bytes_between_the_quotes(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    assert await tcp.command(photon, "set", rb'{"k":"cc","v":"a\"b\u0041"}') == b'\n\n{"r":0}'
    assert photon.claim_code == r"a\"b\u0041"


# --- configure-ap -------------------------------------------------------------------------


async def test_configure_ap_decrypts_exactly_the_password_sent(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    assert await configure(tcp, photon, "HomeNetwork", "correct horse battery", WPA2_MIXED, 6) == {
        "r": 0
    }
    [stored] = photon.credentials
    assert (stored.ssid, stored.password, stored.channel) == (
        "HomeNetwork",
        "correct horse battery",
        6,
    )
    assert stored.sec is SecurityType.WPA2
    assert photon.state is PhotonState.LISTENING  # nothing is joined yet


async def test_configure_ap_accepts_upper_case_ciphertext_hex(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    key = await public_key(tcp, photon)
    body = {"idx": 0, "ssid": "NETGEAR42", "sec": WPA_AES, "ch": 11}
    body["pwd"] = encrypt(key, "quietmoon512").upper()
    assert await tcp.json(photon, "configure-ap", body) == {"r": 0}
    assert photon.credentials[0].password == "quietmoon512"


async def test_configure_ap_with_a_ciphertext_for_another_key_answers_an_rsa_error(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    stranger = rsa.generate_private_key(65537, 1024).public_key()  # noqa: S505 - a Photon's size
    body = {"idx": 0, "ssid": "HomeNetwork", "sec": WPA2_MIXED, "ch": 6}
    body["pwd"] = stranger.encrypt(b"correct horse battery", padding.PKCS1v15()).hex()
    reply = await tcp.json(photon, "configure-ap", body)
    assert reply["r"] < 0
    assert photon.credentials == []


async def test_configure_ap_with_oaep_instead_of_pkcs1_v15_fails(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    from cryptography.hazmat.primitives import hashes

    key = await public_key(tcp, photon)
    oaep = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
    body = {"idx": 0, "ssid": "HomeNetwork", "sec": WPA2_MIXED, "ch": 6}
    body["pwd"] = key.encrypt(b"correct horse battery", oaep).hex()
    assert (await tcp.json(photon, "configure-ap", body))["r"] == -16640
    assert photon.credentials == []


async def test_ciphertext_hex_that_lost_its_leading_zero_fails(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    key = await public_key(tcp, photon)
    while True:
        ciphertext = key.encrypt(b"correct horse battery", padding.PKCS1v15())
        if ciphertext[0] < 0x10:
            break
    body = {"idx": 0, "ssid": "HomeNetwork", "sec": WPA2_MIXED, "ch": 6}
    body["pwd"] = ciphertext.hex()[1:]  # what a careless big-integer conversion sends
    assert (await tcp.json(photon, "configure-ap", body))["r"] < 0


@pytest.mark.parametrize(
    "network", ["Garage", "HomeNetwork-5G", "NoSuchNetwork"], ids=["hidden", "5ghz", "absent"]
)
async def test_configure_ap_wpa_needs_the_device_to_see_the_network(
    photon: SimulatedPhoton, tcp: Tcp, network: str
) -> None:
    assert await configure(tcp, photon, network, "garagedoor1", WPA2_AES) == {"r": -2}
    assert photon.credentials == []


@pytest.mark.parametrize(
    ("ssid", "password", "sec"),
    [
        ("", None, 0),
        ("x" * 33, None, 0),
        # Checked before the device's own scan, so not -2 although no scan can show the name.
        ("x" * 33, "long enough passphrase", WPA2_MIXED),
    ],
)
async def test_configure_ap_ssid_must_be_1_to_32_bytes(
    photon: SimulatedPhoton, tcp: Tcp, ssid: str, password: str | None, sec: int
) -> None:
    assert await configure(tcp, photon, ssid, password, sec) == {"r": -3}
    assert photon.credentials == []


@pytest.mark.parametrize("password", ["1234567", "x" * 65])
async def test_configure_ap_wpa_passphrase_must_be_8_to_64(
    photon: SimulatedPhoton, tcp: Tcp, password: str
) -> None:
    assert await configure(tcp, photon, "HomeNetwork", password, WPA2_MIXED) == {"r": -4}


async def test_configure_ap_wep_key_must_be_5_to_58(photon: SimulatedPhoton, tcp: Tcp) -> None:
    assert await configure(tcp, photon, "OldRouter", "abcd", WEP_PSK) == {"r": -4}
    assert await configure(tcp, photon, "OldRouter", "0123456789", WEP_PSK) == {"r": 0}
    assert photon.credentials[0].sec is SecurityType.WEP


async def test_configure_ap_sec_minus_one_means_wep(photon: SimulatedPhoton, tcp: Tcp) -> None:
    assert await configure(tcp, photon, "Anything", "0123456789", -1) == {"r": 0}
    assert photon.credentials[0].sec is SecurityType.WEP


async def test_configure_ap_without_sec_stores_an_open_network(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    assert await tcp.json(photon, "configure-ap", {"idx": 0, "ssid": "xfinitywifi"}) == {"r": 0}
    assert photon.credentials[0].sec is SecurityType.OPEN


async def test_configure_ap_takes_the_security_from_its_own_scan(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    # The client says WPA; the device finds the network is WPA2 and stores what it found.
    assert await configure(tcp, photon, "HomeNetwork", "correct horse battery", WPA_AES) == {"r": 0}
    assert photon.credentials[0].sec is SecurityType.WPA2


async def test_short_pwd_is_used_verbatim(photon: SimulatedPhoton, tcp: Tcp) -> None:
    body = {"idx": 0, "ssid": "xfinitywifi", "pwd": "", "sec": 0, "ch": 1}
    assert await tcp.json(photon, "configure-ap", body) == {"r": 0}
    assert photon.credentials[0].password == ""


@pytest.mark.parametrize(
    "body",
    [
        b'{"idx":0,"ssid":"xfinitywifi","ch":"1"}',  # number sent as a string
        b'{"idx":0,"ssid":"xfinitywifi","sec":"0"}',
        b'{"idx":0,"ssid":"xfinitywifi","channel":1}',  # unknown key
        b'{"idx":"0","ssid":"xfinitywifi"}',
    ],
)
async def test_configure_ap_checks_every_key_and_kind(
    photon: SimulatedPhoton, tcp: Tcp, body: bytes
) -> None:
    assert await tcp.command(photon, "configure-ap", body) == b"\n\n"
    assert photon.credentials == []


async def test_configure_ap_numbers_are_read_like_atoi(photon: SimulatedPhoton, tcp: Tcp) -> None:
    body = b'{"idx":null,"ssid":"xfinitywifi","sec":0.9,"ch":6.9}'
    assert await tcp.command(photon, "configure-ap", body) == b'\n\n{"r":0}'
    stored = photon.credentials[0]
    assert (stored.channel, stored.sec) == (6, SecurityType.OPEN)


async def test_ssid_escapes_are_not_undone(photon: SimulatedPhoton, tcp: Tcp) -> None:
    # json.dumps writes "Café" as "Caf\u00e9"; the device keeps those six characters.
    body = json.dumps({"idx": 0, "ssid": "Café", "sec": 0}).encode()
    assert await tcp.command(photon, "configure-ap", body) == b'\n\n{"r":0}'
    assert photon.credentials[0].ssid == "Caf\\u00e9"


async def test_five_slots_newest_first_same_ssid_replaced_in_place(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    for n in range(6):
        assert await configure(tcp, photon, f"Net{n}", None, 0, channel=n + 1) == {"r": 0}
    assert [c.ssid for c in photon.credentials] == ["Net5", "Net4", "Net3", "Net2", "Net1"]
    assert await configure(tcp, photon, "Net3", None, 0, channel=11) == {"r": 0}
    assert [c.ssid for c in photon.credentials] == ["Net5", "Net4", "Net3", "Net2", "Net1"]
    assert photon.credentials[2].channel == 11


# --- scan-ap ------------------------------------------------------------------------------


async def test_scan_lists_every_access_point_as_the_device_hears_it(
    photon: SimulatedPhoton, tcp: Tcp
) -> None:
    scans = (await tcp.json(photon, "scan-ap"))["scans"]
    assert all(set(entry) == {"ssid", "rssi", "sec", "ch", "mdr"} for entry in scans)
    ssids = [entry["ssid"] for entry in scans]
    assert ssids.count("Miller Family") == 2  # two access points, not deduplicated
    assert "Garage" not in ssids  # hidden
    assert "HomeNetwork-5G" not in ssids  # 5 GHz
    home = next(entry for entry in scans if entry["ssid"] == "HomeNetwork")
    assert (home["sec"], home["ch"], home["rssi"]) == (WPA2_MIXED, 6, -45)


def odd_neighbours() -> WifiEnvironment:
    env = WifiEnvironment.home()
    env.add(SimNetwork('Say "hi"', "wpa2_aes", "quotes123", channel=9, rssi=-70))
    env.add(SimNetwork("OldRouter", "wep_shared", "0123456789", channel=4, rssi=-75))
    return env


async def test_scan_writes_ssids_unescaped_so_a_quote_breaks_the_json(
    make_photon, tcp: Tcp
) -> None:
    photon = await make_photon(wifi=odd_neighbours())
    reply = await tcp.command(photon, "scan-ap")
    assert b'{"ssid":"Say "hi"","rssi":-70,' in reply
    with pytest.raises(json.JSONDecodeError):
        json.loads(reply)


async def test_scan_reports_the_raw_wiced_security_value(make_photon, tcp: Tcp) -> None:
    photon = await make_photon(wifi=odd_neighbours())
    reply = await tcp.command(photon, "scan-ap")
    assert b'{"ssid":"OldRouter","rssi":-75,"sec":32769,"ch":4,"mdr":54000}' in reply


class HeldClock(SimClock):
    """A fast clock the test can stop: while it is held, every simulated wait waits."""

    def __init__(self, speed: float) -> None:
        super().__init__(speed)
        self.running = asyncio.Event()
        self.running.set()

    async def sleep(self, seconds: float) -> None:
        await self.running.wait()
        await super().sleep(seconds)


async def test_commands_from_both_servers_run_one_at_a_time(make_photon, tcp: Tcp) -> None:
    clock = HeldClock(SPEED)
    photon = await make_photon(clock=clock)
    await tcp.warm_up(photon)  # so that the device closes the TCP connection below
    clock.running.clear()  # the scan below stops before its first channel
    http_reader, http_writer = await asyncio.open_connection(photon.host, photon.http_port)
    tcp_reader, tcp_writer = await tcp.open(photon)
    try:
        http_writer.write(b"GET /scan-ap HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        await http_writer.drain()
        scan = b""
        while b'{"scans":[' not in scan:  # the scan command is running now
            scan += await asyncio.wait_for(http_reader.read(4096), STATE_TIMEOUT)
        tcp_writer.write(frame("device-id"))
        await tcp_writer.drain()
        # The preamble: the device has taken the request and started the command ...
        assert await asyncio.wait_for(tcp_reader.readexactly(2), STATE_TIMEOUT) == b"\n\n"
        with pytest.raises(TimeoutError):  # ... which waits for the scan, not alongside it
            await asyncio.wait_for(tcp_reader.read(1), QUIET)
        clock.running.set()
        scan += await asyncio.wait_for(http_reader.read(), STATE_TIMEOUT)
        assert scan.endswith(b"]}\r\n0\r\n\r\n")
        reply = await asyncio.wait_for(tcp_reader.read(), STATE_TIMEOUT)
        assert json.loads(reply) == {"id": photon.device_id, "c": "0"}
    finally:
        for writer in (http_writer, tcp_writer):
            writer.close()
            await writer.wait_closed()


# --- Enterprise (§3.6 step 6, §5) ---------------------------------------------------------

WPA2_ENTERPRISE_AES = 0x02400004


def corporate() -> WifiEnvironment:
    env = WifiEnvironment.home()
    env.add(SimNetwork("Corp", "wpa2_enterprise_aes", "alice-secret", channel=11, rssi=-60))
    return env


async def test_peap_needs_an_identity_and_a_password(make_photon, tcp: Tcp) -> None:
    photon = await make_photon(wifi=corporate())
    key = await public_key(tcp, photon)
    body = {"idx": 0, "ssid": "Corp", "sec": WPA2_ENTERPRISE_AES, "ch": 11, "eap": 25}
    body["pwd"] = encrypt(key, "alice-secret")
    assert await tcp.json(photon, "configure-ap", body) == {"r": 1}  # no inner identity
    assert photon.credentials == []
    body["ii"] = "alice"
    assert await tcp.json(photon, "configure-ap", body) == {"r": 0}
    assert photon.credentials[0].sec is SecurityType.WPA2_ENTERPRISE
    assert await tcp.json(photon, "connect-ap") == {"r": 0}
    await reach(photon, PhotonState.ONLINE)


async def test_eap_tls_key_is_decrypted_with_the_rsa_sent_aes_key(make_photon, tcp: Tcp) -> None:
    from cryptography.hazmat.primitives import padding as sym_padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    photon = await make_photon(wifi=corporate())
    key = await public_key(tcp, photon)
    kiv = bytes(range(32))  # raw key bytes: a NUL in them must not cut them short
    pem = b"-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\r\n"
    padder = sym_padding.PKCS7(128).padder()
    encryptor = Cipher(algorithms.AES(kiv[:16]), modes.CBC(kiv[16:])).encryptor()
    sealed = encryptor.update(padder.update(pem) + padder.finalize()) + encryptor.finalize()
    body = {"idx": 0, "ssid": "Corp", "sec": WPA2_ENTERPRISE_AES, "ch": 11, "eap": 13}
    body["crt"] = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\r\n"
    assert await tcp.json(photon, "configure-ap", body) == {"r": 1}  # no private key
    body["ek"] = key.encrypt(kiv, padding.PKCS1v15()).hex()
    body["key"] = sealed.hex()
    assert await tcp.json(photon, "configure-ap", body) == {"r": 0}


# --- how long the commands take (§3.5, §3.6 point 3) -------------------------------------


class TallyClock(SimClock):
    """Adds up the simulated time the device spends, so no test has to measure real time."""

    def __init__(self, speed: float) -> None:
        super().__init__(speed)
        self.spent = 0.0

    async def sleep(self, seconds: float) -> None:
        self.spent += seconds
        await super().sleep(seconds)


TIMING = SetupTiming(command_seconds=0.02, scan_seconds=1.0)


@pytest.mark.parametrize(
    ("ssid", "password", "sec", "scans"),
    [
        ("HomeNetwork", "correct horse battery", WPA2_MIXED, 2),  # a dry run, then the save
        ("NoSuchNetwork", "correct horse battery", WPA2_MIXED, 1),  # -2 after the first
        ("xfinitywifi", None, 0, 0),  # open: nothing to look up
        ("OldRouter", "00050123456789", WEP_PSK, 0),
    ],
)
async def test_configure_ap_spends_a_scan_per_lookup_of_a_wpa_network(
    make_photon, tcp: Tcp, ssid: str, password: str | None, sec: int, scans: int
) -> None:
    clock = TallyClock(SPEED)
    photon = await make_photon(clock=clock, setup_timing=TIMING)
    await configure(tcp, photon, ssid, password, sec)
    commands = 1 if password is None else 2  # public-key first, to encrypt the password
    assert clock.spent == pytest.approx(commands * TIMING.command_seconds + scans * 1.0)


async def test_scan_ap_spends_one_scan(make_photon, tcp: Tcp) -> None:
    clock = TallyClock(SPEED)
    photon = await make_photon(clock=clock, setup_timing=TIMING)
    await tcp.json(photon, "scan-ap")
    assert clock.spent == pytest.approx(TIMING.command_seconds + TIMING.scan_seconds)


# --- SSIDs are bytes (§3.6 point 8) -------------------------------------------------------

LATIN1 = "Café Lumière".encode("latin-1")


def latin1_neighbour() -> WifiEnvironment:
    env = WifiEnvironment.home()
    env.add(SimNetwork(raw_ssid=LATIN1, security="wpa2_aes", password="croissant42", channel=3))
    return env


async def test_scan_reports_an_ssid_that_is_not_utf8_as_its_bytes(make_photon, tcp: Tcp) -> None:
    photon = await make_photon(wifi=latin1_neighbour())
    reply = await tcp.command(photon, "scan-ap")
    assert b'{"ssid":"' + LATIN1 + b'","rssi":' in reply


async def test_configure_ap_compares_the_ssid_bytes_with_its_own_scan(
    make_photon, tcp: Tcp
) -> None:
    photon = await make_photon(wifi=latin1_neighbour())
    key = await public_key(tcp, photon)

    def body(ssid: bytes) -> bytes:
        pwd = encrypt(key, "croissant42").encode()
        return b'{"idx":0,"ssid":"%s","pwd":"%s","sec":%d,"ch":3}' % (ssid, pwd, WPA2_AES)

    # What a client sends after decoding the name with replacement characters: not seen.
    shown = LATIN1.decode("utf-8", errors="replace").encode()
    assert await tcp.command(photon, "configure-ap", body(shown)) == b'\n\n{"r":-2}'
    assert await tcp.command(photon, "configure-ap", body(LATIN1)) == b'\n\n{"r":0}'
    assert photon.credentials[0].ssid_bytes == LATIN1
