"""Joining by hand: the person picks the Photon's network in the system Wi-Fi menu.

Nothing runs here; the session tells the person what to do and polls the device probe.
This is the path for every system where automatic joining is impossible or refused, and a
choice anyone can make (``--wifi manual``).
"""

from __future__ import annotations

import sys

from setup_wizard.i18n import QT_TRANSLATE_NOOP
from setup_wizard.network.backend import (
    BackendKind,
    Capabilities,
    RestorePoint,
    RestoreReport,
    WifiBackend,
)

CHOSEN = QT_TRANSLATE_NOOP("Wifi", "You chose to join the Photon's network yourself.")


def wifi_menu_hint(platform: str = sys.platform) -> str:
    """Where this system keeps its Wi-Fi list, in the words its users know."""
    if platform == "darwin":
        return QT_TRANSLATE_NOOP("Wifi", "the Wi-Fi menu in the menu bar (top right)")
    if platform == "win32":
        return QT_TRANSLATE_NOOP("Wifi", "the network icon in the taskbar (bottom right)")
    return QT_TRANSLATE_NOOP(
        "Wifi", "the network menu of your desktop (usually top or bottom right)"
    )


def join_instructions(ssid: str | None, prefix: str, platform: str = sys.platform) -> str:
    if ssid:
        text = QT_TRANSLATE_NOOP(
            "Wifi",
            "Open {menu} and join the network “{ssid}”. It is open: no password. If your "
            "computer warns that the network has no internet, choose to stay connected. This "
            "window continues by itself as soon as the Photon answers.",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "Wifi",
            "Open {menu} and join the network whose name starts with “{prefix}”. It is open: "
            "no password. If your computer warns that the network has no internet, choose to "
            "stay connected. This window continues by itself as soon as the Photon answers.",
        )
    return text.format(menu=wifi_menu_hint(platform), ssid=ssid or "", prefix=prefix)


def rejoin_instructions(platform: str = sys.platform) -> str:
    return QT_TRANSLATE_NOOP(
        "Wifi",
        "Now reconnect to your usual Wi-Fi from {menu}. This window continues by itself once "
        "the internet is back.",
    ).format(menu=wifi_menu_hint(platform))


class ManualBackend(WifiBackend):
    """No automatic joining or scanning; ``reason`` says why, for the person."""

    kind = BackendKind.MANUAL

    def __init__(self, reason: str = CHOSEN, *, platform: str = sys.platform) -> None:
        self.reason = reason
        self._platform = platform

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(can_scan=False, can_join=False, why_not=self.reason)

    async def snapshot(self, photon_ssid: str) -> RestorePoint:
        return RestorePoint(backend=self.kind, photon_ssid=photon_ssid)

    async def join(self, point: RestorePoint) -> None:
        return None

    async def restore(self, point: RestorePoint) -> RestoreReport:
        return RestoreReport(
            self.kind, (rejoin_instructions(self._platform),), user_action_needed=True
        )
