"""Where the cloud is and how the app's HTTP client talks to it."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from setup_wizard import __version__

if TYPE_CHECKING:
    import httpx

DEFAULT_API_URL = "https://api.particle.io"
USER_AGENT = f"PhotonSetup/{__version__}"


@dataclass(frozen=True)
class CloudSettings:
    """The cloud's address and the client's patience (seconds)."""

    api_url: str = DEFAULT_API_URL
    timeout: float = 31.0
    """Longest wait for each read or write; Particle's iOS SDK uses 31 s."""
    connect_timeout: float = 10.0


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_http_client(settings: CloudSettings | None = None) -> httpx.AsyncClient:
    """The app's one HTTP client for the cloud; the caller closes it (``async with``).

    TLS is verified, and plain HTTP is refused except on loopback (the simulator), so a
    mistyped ``--api-url`` cannot send tokens in clear. The environment (proxy variables,
    ``SSL_CERT_FILE``) is honoured for the real cloud, as users behind a company proxy
    need, but ignored on loopback so that a proxy setting cannot divert a local test.
    """
    import httpx  # here: the app's settings need this module before the window shows

    settings = settings or CloudSettings()
    url = httpx.URL(settings.api_url)
    loopback = is_loopback(url.host)
    if url.scheme != "https" and not (url.scheme == "http" and loopback):
        raise ValueError(
            f"The cloud address {settings.api_url!r} must start with https:// "
            "(plain http:// is allowed only for 127.0.0.1, the simulator)."
        )
    return httpx.AsyncClient(
        base_url=url,
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        timeout=httpx.Timeout(settings.timeout, connect=settings.connect_timeout),
        verify=True,
        trust_env=not loopback,
        follow_redirects=False,
    )
