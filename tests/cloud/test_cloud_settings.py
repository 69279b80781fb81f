"""The app's HTTP client for the cloud: safe defaults, and an address that is a setting."""

from __future__ import annotations

import pytest

import setup_wizard
from setup_wizard.cloud import CloudSettings, make_http_client


async def test_default_client_targets_the_real_cloud_over_tls_and_names_the_app() -> None:
    async with make_http_client() as http:
        assert str(http.base_url) == "https://api.particle.io"
        assert http.headers["User-Agent"] == f"PhotonSetup/{setup_wizard.__version__}"
        assert http.timeout.read == 31.0
        assert http.timeout.connect == 10.0
        assert http.trust_env  # a company proxy must keep working


async def test_loopback_may_use_plain_http_and_ignores_proxy_settings() -> None:
    async with make_http_client(CloudSettings(api_url="http://127.0.0.1:8080")) as http:
        assert http.base_url.host == "127.0.0.1"
        assert not http.trust_env


@pytest.mark.parametrize("url", ["http://api.particle.io", "http://192.168.0.1", "ftp://127.0.0.1"])
def test_plain_http_to_anything_but_loopback_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="https://"):
        make_http_client(CloudSettings(api_url=url))
