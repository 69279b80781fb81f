"""The wizard's pages, in journey order, as the flow names them (views attach widgets to them).

Values are QWizard page IDs as well, so the GUI needs no mapping table. The bench's own
pages (staff mode) come after the customer-mode ones in number; their order in the journey
is :class:`BenchRoute`'s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum


class Page(IntEnum):
    WELCOME = 0
    SIGN_IN = 1
    LISTENING = 2
    CONNECT = 3
    CHOOSE_WIFI = 4
    PASSWORD = 5
    SENDING = 6
    WAITING = 7
    NAME = 8
    DONE = 9
    STAFF_SIGN_IN = 10
    """Bench: the staff member's own Particle account (instead of SIGN_IN)."""
    TWO_STEP = 11
    """Bench: the two-step verification code, only when the cloud asks for it."""
    PRODUCT = 12
    """Bench: the product and the OAuth client customers are opened through."""
    RESUME = 13
    """Bench: a device was in progress when the app stopped: resume it or not."""
    CUSTOMER = 14
    """Bench: whom the next device is for (typed, or a work list's row)."""
    USB_BENCH = 15
    """Bench: every Photon on a USB cable set up at once, each for its own customer."""

    @property
    def on_photon_network(self) -> bool:
        """Pages shown while the computer talks to the Photon (Back or Cancel must restore)."""
        return self in (Page.CHOOSE_WIFI, Page.PASSWORD)


@dataclass(frozen=True)
class BenchRoute:
    """The bench's way through the pages: the staff member signs in (with the two-step code
    if the cloud asks), picks the product and client, may resume a device an earlier run
    left in progress, names the customer, then the device pages run as at home."""

    code_needed: bool = False
    """The cloud accepted the password and asks for the two-step code."""
    resume_offered: bool = False
    """An earlier run left a device in progress that the person has not decided about."""
    resume_at: Page | None = None
    """Where a resumed device goes on (None: it was not resumed; a new device starts)."""
    usb_bench: bool = False
    """The staff member chose to set up every Photon on a cable at once (the last page)."""

    def next_page(self, page: Page, device_next: Callable[[Page], Page | None]) -> Page | None:
        """The page after ``page``; ``device_next`` decides among the device pages (the
        flow's own order, e.g. no password page for an open network)."""
        match page:
            case Page.WELCOME | Page.SIGN_IN:
                return Page.STAFF_SIGN_IN
            case Page.STAFF_SIGN_IN:
                return Page.TWO_STEP if self.code_needed else Page.PRODUCT
            case Page.TWO_STEP:
                return Page.PRODUCT
            case Page.PRODUCT:
                return Page.RESUME if self.resume_offered else Page.CUSTOMER
            case Page.RESUME:
                return self.resume_at or Page.CUSTOMER
            case Page.CUSTOMER:
                return Page.USB_BENCH if self.usb_bench else Page.LISTENING
            case Page.USB_BENCH:
                return None
            case _:
                return device_next(page)
