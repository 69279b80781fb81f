"""From the command line to AppSettings: real mode with a profile, the simulation without."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from setup_wizard.app import build_parser
from setup_wizard.device.address import DeviceAddress
from setup_wizard.network import WifiMode
from setup_wizard.profile import ProfileError, default_profile_path
from setup_wizard.settings import AppSettings, SettingsError, settings_from_args

PROFILE = 'product = 1234\nclient_id = "acme-setup"\nclient_secret = "s3cr3t-profile-value"\n'


def settings(*argv: str) -> AppSettings:
    args = build_parser().parse_args(list(argv))
    return settings_from_args(args, environ={}, keyring_get=lambda s, u: None)


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


@pytest.fixture
def default_profile() -> Iterator[Path]:
    path = default_profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PROFILE, encoding="utf-8")
    yield path
    path.unlink()


def test_without_a_profile_the_app_runs_its_simulation() -> None:
    s = settings()
    assert s.simulate
    assert s.profile is None
    assert s.wifi is WifiMode.SIMULATED
    assert s.why_simulated == f"no product profile (looked for {default_profile_path()})"


def test_a_simulation_never_joins_real_wifi_however_it_is_built() -> None:
    assert AppSettings(simulate=True).wifi is WifiMode.SIMULATED
    assert AppSettings(simulate=True, wifi=WifiMode.MANUAL).wifi is WifiMode.MANUAL
    assert AppSettings(simulate=False).wifi is WifiMode.AUTO


def test_a_profile_means_real_mode_with_the_real_defaults(profile: Path) -> None:
    s = settings("--product-profile", str(profile))
    assert not s.simulate
    assert s.profile is not None
    assert s.profile.product == 1234
    assert s.api_url == "https://api.particle.io"
    assert s.device == DeviceAddress("192.168.0.1", 5609, 80)
    assert s.wifi is WifiMode.AUTO
    assert s.log_level == logging.INFO
    assert s.why_simulated is None


def test_the_default_profile_is_found_without_an_option(default_profile: Path) -> None:
    s = settings()
    assert not s.simulate
    assert s.profile is not None
    assert s.profile.path == default_profile


def test_simulate_wins_over_the_default_profile_and_does_not_read_it() -> None:
    path = default_profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("this is = not toml =", encoding="utf-8")
    try:
        s = settings("--simulate")
        assert s.simulate
        assert s.profile is None
        with pytest.raises(ProfileError):
            settings()
    finally:
        path.unlink()


def test_simulate_with_an_explicit_profile_keeps_it_for_the_brand(profile: Path) -> None:
    s = settings("--simulate", "--product-profile", str(profile))
    assert s.simulate
    assert s.profile is not None
    assert s.why_simulated == "--simulate was given"


def test_addresses_and_wifi_are_settings_in_real_mode(profile: Path) -> None:
    s = settings(
        "--product-profile", str(profile),
        "--api-url", "http://127.0.0.1:8081/",
        "--device-host", "127.0.0.1",
        "--device-tcp-port", "15609",
        "--device-http-port", "18080",
        "--wifi", "manual",
        "--verbose",
    )  # fmt: skip
    assert s.api_url == "http://127.0.0.1:8081"
    assert s.device == DeviceAddress("127.0.0.1", 15609, 18080)
    assert s.wifi is WifiMode.MANUAL
    assert s.verbose
    assert s.log_level == logging.DEBUG


def test_plain_http_to_a_real_host_is_refused(profile: Path) -> None:
    with pytest.raises(SettingsError, match=r"must be an https:// address"):
        settings("--product-profile", str(profile), "--api-url", "http://api.example.com")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--api-url", "https://api.particle.io"), r"--api-url address a real cloud or Photon"),
        (("--device-host", "192.168.0.1", "--device-tcp-port", "5609"), r"--device-host, --dev"),
        (("--wifi", "auto"), r"--wifi auto joins real networks"),
    ],
)
def test_the_simulation_refuses_real_addresses(argv: tuple[str, ...], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        settings("--simulate", *argv)


def test_simulated_wifi_needs_the_simulation(profile: Path) -> None:
    with pytest.raises(SettingsError, match=r"--wifi simulated works only in the simulation"):
        settings("--product-profile", str(profile), "--wifi", "simulated")


def test_autopilot_screenshots_and_language(tmp_path: Path) -> None:
    s = settings("--autopilot", "--screenshots", str(tmp_path / "shots"), "--lang", "de")
    assert s.autopilot
    assert s.screenshots == tmp_path / "shots"
    assert s.lang == "de"
    assert not s.quit_after_show
    assert settings("--quit-after-show").quit_after_show


@pytest.mark.parametrize("port", ["0", "65536", "eighty"])
def test_a_bad_port_is_a_usage_error(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["--device-http-port", port])
    assert exited.value.code == 2
    assert "is not a port number" in capsys.readouterr().err
