"""What one run of the app does, decided once from the command line and the product profile.

Without a product profile there is nothing real to set a device up for, so the app runs
its built-in simulation (a cloud, Photons and Wi-Fi, all in the process on 127.0.0.1);
``--simulate`` forces that even when a profile exists. The simulation never touches the
computer's Wi-Fi and never talks to the real cloud or a real Photon, so the options that
address those (``--api-url``, ``--device-*``, ``--wifi auto``) are refused with it rather
than silently ignored.
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from setup_wizard.cloud.settings import DEFAULT_API_URL, is_loopback
from setup_wizard.device.address import DeviceAddress
from setup_wizard.network.mode import WifiMode
from setup_wizard.profile import (
    KeyringGet,
    ProductProfile,
    default_profile_path,
    find_profile,
    load_profile,
)


class SettingsError(Exception):
    """The options contradict each other or name something unusable; ``str()`` says what to
    change."""


@dataclass(frozen=True)
class AppSettings:
    simulate: bool
    """True: the built-in simulation (``--simulate``, or no product profile)."""
    profile: ProductProfile | None = None
    """The product profile; None in a simulation started without one."""
    api_url: str = DEFAULT_API_URL
    device: DeviceAddress = field(default_factory=DeviceAddress)
    wifi: WifiMode = WifiMode.AUTO
    """AUTO becomes SIMULATED in a simulation."""
    autopilot: bool = False
    """Walk the happy path by itself (with the simulation: README screenshots, benchmarks)."""
    screenshots: Path | None = None
    """Save one PNG per page into this folder."""
    log_level: int = logging.INFO
    verbose: bool = False
    lang: str | None = None
    """A locale name (``de``, ``pt_BR``) that overrides the system's; None: the system's."""
    quit_after_show: bool = False
    """Close the window as soon as it is shown (tests and the start-up benchmark)."""
    staff: bool = False
    """Bench mode: a support person signs in with their own Particle account, picks the
    product and sets devices up for customers (no product profile needed)."""
    simulation_speed: float | None = None
    """How many times faster than real time the simulation runs (None: the runtime's
    realistic default); ``setup-wizard onboard --simulation-speed``."""
    usb: bool = False
    """The simulated Photons are also on USB cables (their consoles on pseudo-terminals), so
    the wizard offers "Connect by USB cable" first. Real Photons on a cable are found anyway."""

    def __post_init__(self) -> None:
        # The simulation never touches the computer's Wi-Fi, however it was built.
        if self.simulate and self.wifi is WifiMode.AUTO:
            object.__setattr__(self, "wifi", WifiMode.SIMULATED)

    @property
    def brand(self) -> str:
        """The name in the window's title and on its pages."""
        return (self.profile.brand if self.profile else None) or "Photon"

    @property
    def why_simulated(self) -> str | None:
        """Why this run is a simulation, in words for the window's "Simulation" marker."""
        if not self.simulate:
            return None
        if self.profile is not None:
            return "--simulate was given"
        return f"no product profile (looked for {default_profile_path()})"


def _api_url(value: str) -> str:
    url = value.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:  # "https://[not-an-address/"
        parts, host = urlsplit(""), ""
    if parts.scheme == "https" and host:
        return url
    if parts.scheme == "http" and is_loopback(host):
        return url
    raise SettingsError(
        f"--api-url {value!r} must be an https:// address, as in {DEFAULT_API_URL} "
        "(plain http:// only for 127.0.0.1, where the simulator runs)"
    )


def settings_from_args(
    args: argparse.Namespace,
    *,
    environ: Mapping[str, str] = os.environ,
    keyring_get: KeyringGet | None = None,
) -> AppSettings:
    """The settings for ``args`` from :func:`setup_wizard.app.build_parser`; raises
    :class:`SettingsError` or :class:`~setup_wizard.profile.ProfileError`.

    The profile is the ``--product-profile`` file, else the default one when it exists; with
    ``--simulate`` only an explicit ``--product-profile`` is read (for its brand). A client
    secret kept in the keyring is read by ``keyring_get``, or when None (the app) later, by
    the runtime once the window is on screen.
    """
    explicit: Path | None = getattr(args, "product_profile", None)
    simulate_flag: bool = bool(getattr(args, "simulate", False))
    path = explicit if simulate_flag else find_profile(explicit)
    profile = (
        load_profile(path, environ=environ, keyring_get=keyring_get) if path is not None else None
    )
    staff = bool(getattr(args, "staff", False))
    simulate = simulate_flag or (profile is None and not staff)

    api_url: str | None = getattr(args, "api_url", None)
    host: str | None = getattr(args, "device_host", None)
    tcp_port: int | None = getattr(args, "device_tcp_port", None)
    http_port: int | None = getattr(args, "device_http_port", None)
    wifi_arg: str | None = getattr(args, "wifi", None)

    if simulate:
        given = [
            option
            for option, value in (
                ("--api-url", api_url),
                ("--device-host", host),
                ("--device-tcp-port", tcp_port),
                ("--device-http-port", http_port),
            )
            if value is not None
        ]
        why = "--simulate" if simulate_flag else "no product profile"
        if given:
            raise SettingsError(
                f"{', '.join(given)} address a real cloud or Photon, but this run is a "
                f"simulation ({why}), which runs its own on 127.0.0.1. Leave "
                f"{'it' if len(given) == 1 else 'them'} out, or give --product-profile FILE "
                "(without --simulate) to set up a real Photon."
            )
        if wifi_arg == WifiMode.AUTO:
            raise SettingsError(
                f"--wifi auto joins real networks, but this run is a simulation ({why}); use "
                "--wifi simulated (the default) or --wifi manual."
            )
    elif wifi_arg == WifiMode.SIMULATED:
        raise SettingsError(
            "--wifi simulated works only in the simulation (--simulate); to set up a real "
            "Photon use --wifi auto (the default) or --wifi manual."
        )
    wifi = WifiMode(wifi_arg) if wifi_arg else (WifiMode.SIMULATED if simulate else WifiMode.AUTO)
    defaults = DeviceAddress()
    screenshots: Path | None = getattr(args, "screenshots", None)
    if screenshots is not None and screenshots.exists() and not screenshots.is_dir():
        raise SettingsError(f"--screenshots {screenshots} is a file; give a folder")
    verbose = bool(getattr(args, "verbose", False))
    return AppSettings(
        simulate=simulate,
        profile=profile,
        api_url=_api_url(api_url) if api_url is not None else DEFAULT_API_URL,
        device=DeviceAddress(
            host=host or defaults.host,
            tcp_port=tcp_port or defaults.tcp_port,
            http_port=http_port or defaults.http_port,
        ),
        wifi=wifi,
        autopilot=bool(getattr(args, "autopilot", False)),
        screenshots=screenshots,
        log_level=logging.DEBUG if verbose else logging.INFO,
        verbose=verbose,
        lang=getattr(args, "lang", None),
        quit_after_show=bool(getattr(args, "quit_after_show", False)),
        staff=staff,
        usb=bool(getattr(args, "usb", False)),
    )
