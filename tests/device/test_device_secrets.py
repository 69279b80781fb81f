"""The Wi-Fi password and the claim code never show up in logs or error messages."""

from __future__ import annotations

import logging
import traceback
from typing import TYPE_CHECKING

import pytest

from setup_wizard.device import DeviceError, PhotonClient, Security, TransportPolicy
from setup_wizard.secret import ClaimCode, WifiPassword
from setup_wizard.sim.wifi import SimNetwork, WifiEnvironment

if TYPE_CHECKING:
    from conftest import DeviceKey, ScriptedDevice, StartPhoton

PASSWORD = "Tr0ub4dor&3-unique"
CLAIM_CODE = "CLAIMzzUNIQUEzz" * 4  # 60 characters


def leaks(text: str) -> bool:
    return PASSWORD in text or CLAIM_CODE in text or PASSWORD.encode().hex() in text


def assert_nothing_leaked(caplog: pytest.LogCaptureFixture, error: BaseException) -> None:
    assert caplog.records, "the client is expected to log what it does"
    for record in caplog.records:
        assert not leaks(record.getMessage())
        assert not leaks(repr(record.args))
    rendered = "".join(traceback.format_exception(error))  # includes chained causes
    assert not leaks(rendered)
    assert not leaks(repr(error))


async def test_a_failing_configure_leaks_nothing(
    start_photon: StartPhoton, fast_policy: TransportPolicy, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wifi = WifiEnvironment(
        [SimNetwork(ssid="HomeNet", security="wpa2_aes", password="other", channel=6, rssi=-50)]
    )
    _, address = await start_photon(wifi)
    async with PhotonClient(address, policy=fast_policy) as client:
        await client.set_claim_code(ClaimCode(CLAIM_CODE))
        with pytest.raises(DeviceError) as caught:
            await client.configure("Not Here", Security.WPA2_AES_PSK, WifiPassword(PASSWORD))
    assert_nothing_leaked(caplog, caught.value)


async def test_a_device_that_cannot_decrypt_leaks_nothing(
    scripted: ScriptedDevice,
    fast_policy: TransportPolicy,
    caplog: pytest.LogCaptureFixture,
    device_key: DeviceKey,
) -> None:
    caplog.set_level(logging.DEBUG)
    scripted.replies = {
        "public-key": device_key.reply,
        "set": b'{"r":-1}',
        "configure-ap": b'{"r":-16640}',
    }
    async with PhotonClient(scripted.address, policy=fast_policy) as client:
        with pytest.raises(DeviceError, match="Get a new claim code") as refused:
            await client.set_claim_code(ClaimCode(CLAIM_CODE))
        with pytest.raises(DeviceError, match="could not decrypt the Wi-Fi password") as caught:
            await client.configure("HomeNet", Security.WPA2_AES_PSK, WifiPassword(PASSWORD))
    assert_nothing_leaked(caplog, refused.value)
    assert_nothing_leaked(caplog, caught.value)


async def test_an_unreachable_device_leaks_nothing(
    scripted: ScriptedDevice, caplog: pytest.LogCaptureFixture, device_key: DeviceKey
) -> None:
    caplog.set_level(logging.DEBUG)
    scripted.replies = {"public-key": device_key.reply, "configure-ap": None}  # never answers
    policy = TransportPolicy(configure_timeout=0.2, attempts=2, retry_delays=(0,))
    async with PhotonClient(scripted.address, policy=policy) as client:
        with pytest.raises(DeviceError, match="stopped answering") as caught:
            await client.configure("HomeNet", Security.WPA2_AES_PSK, WifiPassword(PASSWORD))
    assert_nothing_leaked(caplog, caught.value)
