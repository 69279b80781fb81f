"""``setup-wizard`` on the command line, before any window: errors are one message, code 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from setup_wizard import __version__
from setup_wizard.app import main


def test_a_broken_profile_stops_before_qt_with_the_files_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "profile.toml"
    path.write_text('product = "my product"\nclient_id = "c"\nclient_secret = "abcdefgh"\n')

    assert main(["--product-profile", str(path)]) == 2

    err = capsys.readouterr().err
    assert err == (
        f"setup-wizard: {path}:1: product must be a number or a slug like "
        '"my-product-v1", not "my product"\n'
    )


def test_contradicting_options_stop_with_what_to_change(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--simulate", "--wifi", "auto"]) == 2
    assert "--wifi auto joins real networks" in capsys.readouterr().err


def test_help_lists_the_wizard_options_and_the_simulate_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for option in (
        "--simulate", "--product-profile", "--api-url", "--device-host", "--device-tcp-port",
        "--device-http-port", "--wifi", "--autopilot", "--screenshots", "--verbose", "--lang",
        "simulate",
    ):  # fmt: skip
        assert option in out
    assert "--quit-after-show" not in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"setup-wizard {__version__}\n"
