"""The wizard's pages, in journey order, as the flow names them (views attach widgets to them).

Values are QWizard page IDs as well, so the GUI needs no mapping table.
"""

from __future__ import annotations

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

    @property
    def on_photon_network(self) -> bool:
        """Pages shown while the computer talks to the Photon (Back or Cancel must restore)."""
        return self in (Page.CHOOSE_WIFI, Page.PASSWORD)
