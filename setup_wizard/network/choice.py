"""Choosing how to join Wi-Fi on this computer (``--wifi auto|manual|simulated``).

``auto`` uses the system's own tool where it works (NetworkManager, macOS, Windows) and
falls back to joining by hand with the reason in plain words, e.g. "NetworkManager is not
running, so you'll join the Photon's network yourself".
"""

from __future__ import annotations

import getpass
import logging
import shutil
import sys
from collections.abc import Callable, Sequence

from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.network.backend import BackendKind, RestorePoint, VisibleNetwork, WifiBackend
from setup_wizard.network.commands import CommandRunner, SubprocessRunner
from setup_wizard.network.errors import AutomaticJoinUnavailable, WifiError
from setup_wizard.network.macos import NETWORKSETUP, MacWifiBackend, detect_macos
from setup_wizard.network.manual import CHOSEN, ManualBackend
from setup_wizard.network.mode import WifiMode
from setup_wizard.network.nmcli import NMCLI, NetworkManagerBackend, detect_network_manager
from setup_wizard.network.probes import DeviceProbe, default_device_probe
from setup_wizard.network.simulated import SimulatedAccessPoint, SimulatedWifiBackend
from setup_wizard.network.windows import NETSH, WindowsWifiBackend, detect_windows
from setup_wizard.network.wlanapi import WlanApi, load_native_wlan

log = logging.getLogger(__name__)

#: The end of a sentence that says why the app cannot join Wi-Fi by itself.
_BY_HAND = QT_TRANSLATE_NOOP("Wifi", "so you'll join the Photon's network yourself")


async def choose_backend(
    mode: WifiMode | str,
    *,
    runner: CommandRunner | None = None,
    platform: str = sys.platform,
    which: Callable[[str], str | None] = shutil.which,
    user: str | None = None,
    access_points: Sequence[SimulatedAccessPoint] = (),
    home_ssid: str | None = None,
    networks: Sequence[VisibleNetwork] = (),
    probe: DeviceProbe = default_device_probe,
    native_wlan: Callable[[], WlanApi | None] = load_native_wlan,
) -> WifiBackend:
    """The backend for ``mode`` on ``platform``; never fails for ``auto`` (manual instead).
    ``native_wlan`` gives the Windows Native Wifi API (None elsewhere, or to do without).
    In simulation, ``networks`` are the home Wi-Fi networks the computer sees besides the
    simulated Photons."""
    mode = WifiMode(mode)
    if mode is WifiMode.SIMULATED:
        if home_ssid is None:
            raise ValueError("simulated Wi-Fi needs the simulated home network's name")
        return SimulatedWifiBackend(access_points, home_ssid, probe=probe, networks=networks)
    if mode is WifiMode.MANUAL:
        return ManualBackend(CHOSEN, platform=platform)
    backend = await _automatic(runner or SubprocessRunner(), platform, which, user, native_wlan)
    log.info("Wi-Fi backend: %s (%s)", backend.kind, backend.capabilities.why_not or "automatic")
    return backend


async def _automatic(
    runner: CommandRunner,
    platform: str,
    which: Callable[[str], str | None],
    user: str | None,
    native_wlan: Callable[[], WlanApi | None],
) -> WifiBackend:
    def manual(reason: str) -> ManualBackend:
        return ManualBackend(reason, platform=platform)

    try:
        if platform.startswith("linux"):
            if which(NMCLI) is None:
                return manual(
                    QT_TRANSLATE_NOOP(
                        "Wifi", "NetworkManager (nmcli) is not installed, {by_hand}."
                    ).format(by_hand=_BY_HAND)
                )
            return await detect_network_manager(runner, user=user or getpass.getuser())
        if platform == "darwin":
            if which(NETWORKSETUP) is None:
                return manual(
                    QT_TRANSLATE_NOOP(
                        "Wifi", "macOS's networksetup tool was not found, {by_hand}."
                    ).format(by_hand=_BY_HAND)
                )
            return await detect_macos(runner)
        if platform == "win32":
            if which(NETSH) is None:
                return manual(
                    QT_TRANSLATE_NOOP(
                        "Wifi", "Windows' netsh tool was not found, {by_hand}."
                    ).format(by_hand=_BY_HAND)
                )
            return await detect_windows(runner, native_wlan())
    except AutomaticJoinUnavailable as error:
        log.info("automatic Wi-Fi unavailable: %s (%s)", error, error.detail)
        return manual(error.message)
    except WifiError as error:
        log.warning("Wi-Fi preflight failed: %s (%s)", error, error.detail)
        return manual(
            QT_TRANSLATE_NOOP(
                "Wifi", "The app could not check this computer's Wi-Fi ({reason}), {by_hand}."
            ).format(reason=error.message, by_hand=_BY_HAND)
        )
    except OSError as error:  # getpass.getuser() with no user name, and the like
        log.warning("Wi-Fi preflight failed: %s", error)
        return manual(
            QT_TRANSLATE_NOOP(
                "Wifi", "The app could not check this computer's Wi-Fi, {by_hand}."
            ).format(by_hand=_BY_HAND)
        )
    return manual(
        QT_TRANSLATE_NOOP(
            "Wifi", "Automatic Wi-Fi joining is not available on this system, {by_hand}."
        ).format(by_hand=_BY_HAND)
    )


def journal_backend(
    point: RestorePoint,
    runner: CommandRunner,
    *,
    platform: str = sys.platform,
    native_wlan: Callable[[], WlanApi | None] = load_native_wlan,
) -> WifiBackend | None:
    """The kind of backend that wrote a crash journal, rebuilt from it so the next start
    cleans up after it whichever backend is chosen now (``--wifi manual`` this time, say).
    None where that kind cannot run here. Built only to restore and clean up: it never
    creates a profile (so it needs no user name)."""
    interface = point.interface
    if interface is None:
        return None
    if point.backend is BackendKind.NETWORK_MANAGER and platform.startswith("linux"):
        return NetworkManagerBackend(runner, interface, user="")
    if point.backend is BackendKind.MACOS and platform == "darwin":
        return MacWifiBackend(runner, interface)
    if point.backend is BackendKind.WINDOWS and platform == "win32":
        return WindowsWifiBackend(runner, interface, wlan=native_wlan())
    return None
