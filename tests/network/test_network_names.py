"""Which Wi-Fi names are Photons: 4- and 6-character codes, any case, custom prefixes."""

from __future__ import annotations

import pytest

from setup_wizard.network.names import PhotonNames


@pytest.mark.parametrize(
    "ssid", ["Photon-7KQX", "Photon-A2B4C6", "photon-h3rz", "PHOTON-custom suffix"]
)
def test_photon_networks_match(ssid: str) -> None:
    assert PhotonNames().matches(ssid)


@pytest.mark.parametrize("ssid", ["Photonic", "Photon-", "Photon", "My Photon-7KQX", "Argon-7KQX"])
def test_other_networks_do_not(ssid: str) -> None:
    assert not PhotonNames().matches(ssid)


def test_a_custom_prefix_from_product_firmware_is_a_setting_with_or_without_the_dash() -> None:
    for setting in ("Acme", "Acme-"):
        names = PhotonNames(setting)
        assert names.prefix == "Acme-"
        assert names.matches("Acme-2345")
        assert not names.matches("Photon-7KQX")


def test_standard_codes_use_the_firmware_alphabet() -> None:
    names = PhotonNames()
    assert names.is_standard("Photon-7KQX")
    assert names.is_standard("Photon-A2B4C6")
    assert not names.is_standard("Photon-7KQ0")  # no 0/1/I/O in the alphabet
    assert not names.is_standard("Photon-7KQXY")  # five characters: not generated


def test_a_typed_code_completes_to_the_network_name() -> None:
    names = PhotonNames()
    assert names.complete("7kqx") == "Photon-7KQX"
    assert names.complete(" photon-a2b4c6 ") == "Photon-A2B4C6"
    assert names.complete("my-own") == "Photon-my-own"  # custom suffix kept as typed
    with pytest.raises(ValueError, match="type the code"):
        names.complete("  ")
