"""The typed state of one setup: who signed in, which Photon, which network, how it went.

Views read it; only the flow writes it. Secrets in it are :mod:`setup_wizard.secret` values,
so printing or logging the state shows placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from setup_wizard.cloud.models import ClaimCodeGrant, Device, TokenGrant
from setup_wizard.device.models import DeviceInfo, WifiNetwork
from setup_wizard.flow.links import WifiChoice
from setup_wizard.secret import WifiPassword


class Ownership(StrEnum):
    """Who the Photon belongs to, from its ``claimed`` flag and the customer's devices (§5)."""

    UNCLAIMED = "unclaimed"
    """Never claimed: the claim code makes it the customer's."""
    CUSTOMERS = "customer's"
    """Already the customer's: no claim code needed (it is still checked at the end)."""
    SOMEONE_ELSE = "someone else's"
    """Claimed before, not by this customer: the person confirms before it changes hands."""


@dataclass(frozen=True)
class Account:
    """The customer the Photon is set up for, signed in."""

    email: str
    grant: TokenGrant
    created: bool = False
    """This setup created the customer (rather than signing an existing one in)."""
    kept: bool = False
    """The sign-in is kept in the keyring for the next run."""


@dataclass
class SetupState:
    account: Account | None = None
    claim: ClaimCodeGrant | None = None
    target: str | None = None
    """The Photon being set up as its connector names it (its network name over Wi-Fi)."""
    device: DeviceInfo | None = None
    ownership: Ownership | None = None
    take_over_confirmed: bool = False
    networks: list[WifiNetwork] = field(default_factory=list)
    """The Photon's own scan: one entry per name, strongest first."""
    home_network: str | None = None
    """The Wi-Fi this computer was on before joining the Photon (to pre-select it)."""
    choice: WifiChoice | None = None
    password: WifiPassword | None = None
    connected_at: datetime | None = None
    """When the Photon was told to connect: an online status must be newer than this."""
    cloud_device: Device | None = None
    device_name: str | None = None
    wrong_password_for: str | None = None
    """The network whose password the Photon could not join with, for the retry message."""

    @property
    def device_id(self) -> str | None:
        return self.device.device_id if self.device else None

    @property
    def needs_claim_code(self) -> bool:
        """Send the claim code unless the customer already owns the Photon."""
        return self.ownership is not Ownership.CUSTOMERS

    def forget_device(self) -> None:
        """Another Photon (or the same one, started over): nothing about it is known now."""
        self.target = None
        self.device = None
        self.ownership = None
        self.take_over_confirmed = False
        self.networks = []
        self.choice = None
        self.password = None
        self.connected_at = None
        self.cloud_device = None
        self.device_name = None
        self.wrong_password_for = None
