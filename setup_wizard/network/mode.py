"""How the app joins the Photon's Wi-Fi (``--wifi``): a name the settings need before any
network code loads."""

from __future__ import annotations

from enum import StrEnum


class WifiMode(StrEnum):
    AUTO = "auto"
    MANUAL = "manual"
    SIMULATED = "simulated"
