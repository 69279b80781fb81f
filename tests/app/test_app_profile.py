"""The product profile: what a product's maker writes, and what they read when it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from setup_wizard.app import build_parser
from setup_wizard.profile import (
    KEYRING_SERVICE,
    SECRET_ENV,
    ProfileError,
    SecretSource,
    default_profile_path,
    find_profile,
    load_profile,
    with_keyring_secret,
)
from setup_wizard.secret import ClientSecret
from setup_wizard.settings import settings_from_args

SECRET = "c1d2e3f4a5b6c7d8e9f0-distinctive-profile-secret"

GOOD = f"""\
# Acme's setup app
product = "acme-lights-v101"
client_id = "acme-setup-5678"
client_secret = "{SECRET}"
brand = "Acme Lights"
logo = "art/acme.png"
support_url = "https://acme.example/help"
"""


def no_keyring(service: str, username: str) -> str | None:
    return None


def write(tmp_path: Path, text: str, name: str = "profile.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_text(path: Path, **env: str) -> str:
    with pytest.raises(ProfileError) as caught:
        load_profile(path, environ=env, keyring_get=no_keyring)
    text = str(caught.value)
    assert SECRET not in text
    return text


def test_a_complete_profile_loads_with_the_logo_beside_it(tmp_path: Path) -> None:
    (tmp_path / "art").mkdir()
    (tmp_path / "art" / "acme.png").write_bytes(b"\x89PNG\r\n")
    path = write(tmp_path, GOOD)

    profile = load_profile(path, environ={}, keyring_get=no_keyring)

    assert profile.product == "acme-lights-v101"
    assert profile.product_ref == "acme-lights-v101"
    assert profile.client_id == "acme-setup-5678"
    assert profile.client_secret == ClientSecret(SECRET)
    assert profile.secret_source is SecretSource.FILE
    assert profile.brand == "Acme Lights"
    assert profile.logo == (tmp_path / "art" / "acme.png").resolve()
    assert profile.support_url == "https://acme.example/help"
    assert SECRET not in repr(profile)


@pytest.mark.parametrize(("written", "expected"), [("1234", 1234), ('"1234"', 1234)])
def test_a_product_id_is_a_number_quoted_or_not(
    tmp_path: Path, written: str, expected: int
) -> None:
    path = write(tmp_path, f'product = {written}\nclient_id = "c"\nclient_secret = "{SECRET}"\n')
    profile = load_profile(path, environ={}, keyring_get=no_keyring)
    assert profile.product == expected
    assert profile.product_ref == "1234"


def test_a_wrong_product_names_the_file_line_key_and_what_to_write(tmp_path: Path) -> None:
    path = write(tmp_path, f'client_id = "c"\nclient_secret = "{SECRET}"\nproduct = true\n')
    text = error_text(path)
    assert text.startswith(f"{path}:3: ")
    assert 'product must be a number or a slug like "my-product-v1", not true/false' in text


def test_a_slug_with_spaces_is_refused_and_shown(tmp_path: Path) -> None:
    path = write(
        tmp_path, f'product = "Acme Lights"\nclient_id = "c"\nclient_secret = "{SECRET}"\n'
    )
    assert 'not "Acme Lights"' in error_text(path)


def test_a_toml_syntax_error_gives_tomllibs_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'product = 1234\nclient_id = "c"\nbrand = Acme Lights\n')
    text = error_text(path)
    assert text.startswith(f"{path}:3: not valid TOML: Invalid value at column 9")
    assert 'text needs quotes, as in brand = "Acme Lights"' in text


def test_an_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    path = write(
        tmp_path, f'prodcut = 1\nproduct = 1\nclient_id = "c"\nclient_secret = "{SECRET}"\n'
    )
    text = error_text(path)
    assert text.startswith(f"{path}:1: ")
    assert 'unknown key "prodcut" (did you mean "product"?)' in text


def test_several_problems_are_reported_together(tmp_path: Path) -> None:
    path = write(tmp_path, 'brand = ""\nsupport_url = "acme.example"\n')
    text = error_text(path)
    assert "4 problems" in text
    assert "product is missing: write product = 1234" in text
    assert "client_id is missing" in text
    assert f"{path}:1: brand must be a short name" in text
    assert f"{path}:2: support_url must start with https://" in text


def test_a_wrongly_typed_secret_is_described_never_shown(tmp_path: Path) -> None:
    path = write(
        tmp_path, 'product = 1\nclient_id = "c"\nclient_secret = ["hunter2-secret-list"]\n'
    )
    text = error_text(path)
    assert f"{path}:3: client_secret must be the OAuth client's secret in quotes" in text
    assert "not a list" in text
    assert "hunter2" not in text


def test_a_missing_secret_says_every_place_it_can_come_from(tmp_path: Path) -> None:
    path = write(tmp_path, 'product = 1\nclient_id = "acme-setup-5678"\n')
    text = error_text(path)
    assert 'client_secret is missing: write client_secret = "…" in this file' in text
    assert SECRET_ENV in text
    assert f"keyring set {KEYRING_SERVICE} client-secret:acme-setup-5678" in text


def test_the_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('logo = "art/acme.png"\n', ""))
    profile = load_profile(
        path, environ={SECRET_ENV: "from-the-environment"}, keyring_get=no_keyring
    )
    assert profile.client_secret == ClientSecret("from-the-environment")
    assert profile.secret_source is SecretSource.ENVIRONMENT


def test_the_keyring_serves_a_secret_the_file_leaves_out(tmp_path: Path) -> None:
    asked: list[tuple[str, str]] = []

    def keyring_get(service: str, username: str) -> str | None:
        asked.append((service, username))
        return "from-the-keyring"

    path = write(tmp_path, 'product = 1\nclient_id = "acme-setup-5678"\n')
    profile = load_profile(path, environ={}, keyring_get=keyring_get)
    assert profile.client_secret == ClientSecret("from-the-keyring")
    assert profile.secret_source is SecretSource.KEYRING
    assert asked == [("photon-setup", "client-secret:acme-setup-5678")]


def test_the_app_reads_a_keyring_secret_only_once_its_window_is_up(tmp_path: Path) -> None:
    """Settings leave it in the keyring (which may ask to be unlocked); the runtime reads it
    later, and a missing one is the same error, with the same advice."""
    asked: list[tuple[str, str]] = []

    def keyring_get(service: str, username: str) -> str | None:
        asked.append((service, username))
        return "from-the-keyring"

    path = write(tmp_path, 'product = 1\nclient_id = "acme-setup-5678"\n')
    args = build_parser().parse_args(["--product-profile", str(path)])
    profile = settings_from_args(args, environ={}).profile
    assert profile is not None
    assert profile.client_secret is None
    assert profile.secret_source is SecretSource.KEYRING

    assert with_keyring_secret(profile, keyring_get).client_secret == ClientSecret(
        "from-the-keyring"
    )
    assert asked == [("photon-setup", "client-secret:acme-setup-5678")]
    with pytest.raises(ProfileError) as caught:
        with_keyring_secret(profile, no_keyring)
    assert str(caught.value).startswith(f"{path}: client_secret is missing")
    assert f"keyring set {KEYRING_SERVICE} client-secret:acme-setup-5678" in str(caught.value)


def test_a_logo_that_is_not_there_is_named(tmp_path: Path) -> None:
    path = write(
        tmp_path, f'product = 1\nclient_id = "c"\nclient_secret = "{SECRET}"\nlogo = "x.png"\n'
    )
    text = error_text(path)
    assert f"{path}:4: logo file not found: {(tmp_path / 'x.png').resolve()}" in text


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    assert error_text(path) == f"{path}: cannot read the product profile: No such file or directory"


def test_the_default_profile_lives_in_the_user_config_folder(tmp_path: Path) -> None:
    default = default_profile_path()
    assert default.parts[-2:] == ("photon-setup", "profile.toml")
    assert find_profile(None) is None  # none there yet: the app runs its simulation
    default.parent.mkdir(parents=True, exist_ok=True)
    default.write_text(GOOD, encoding="utf-8")
    try:
        assert find_profile(None) == default
        assert find_profile(tmp_path / "other.toml") == tmp_path / "other.toml"
    finally:
        default.unlink()
