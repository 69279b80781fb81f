"""Joining the Photon's Wi-Fi and giving the computer its own Wi-Fi back.

The flow uses :class:`PhotonWifi` (from :func:`choose_backend` for ``--wifi
auto|manual|simulated``)::

    wifi = PhotonWifi(await choose_backend(mode), internet_probe=url_reachable(api_url))
    await wifi.recover()                      # at start-up, after a crash
    photons = await wifi.find_photons()       # or ScanUnavailable: type the name / by hand
    async with wifi.photon_session(ssid) as address:
        ...                                   # SoftAP commands to ``address``
    await wifi.wait_for_internet()

    # A Photon on a USB cable: the computer's own scan stands in for the Photon's.
    networks = await wifi.nearby_networks()   # or ScanUnavailable: type the name
    suggested = await wifi.current_network()  # the computer's network, or None

``find_photons`` and ``photon_session`` raise ``WifiOff`` when the computer's Wi-Fi is
switched off (ask the person to turn it on, then try again), and ``photon_session`` raises
``InvalidNetworkName`` (also a ValueError) for a name over 32 bytes, before any tool runs.
``address.local_host`` is this computer's address on the Photon's network, to send from.
"""

from typing import TYPE_CHECKING

from setup_wizard.lazy import lazy_exports

if TYPE_CHECKING:
    from setup_wizard.network.backend import (
        BackendKind,
        Capabilities,
        RestoreReport,
        VisibleNetwork,
        WifiBackend,
    )
    from setup_wizard.network.choice import choose_backend
    from setup_wizard.network.commands import CommandResult, CommandRunner, SubprocessRunner
    from setup_wizard.network.errors import (
        AutomaticJoinUnavailable,
        DeviceNotFound,
        InvalidNetworkName,
        JoinFailed,
        NamesHidden,
        ScanUnavailable,
        WifiError,
        WifiOff,
    )
    from setup_wizard.network.journal import RestoreJournal
    from setup_wizard.network.mode import WifiMode
    from setup_wizard.network.names import PhotonNames
    from setup_wizard.network.probes import DeviceProbe, InternetProbe, url_reachable
    from setup_wizard.network.simulated import SimulatedAccessPoint
    from setup_wizard.network.wifi import NoticeKind, PhotonWifi, WifiNotice, WifiTiming

__all__ = [
    "AutomaticJoinUnavailable",
    "BackendKind",
    "Capabilities",
    "CommandResult",
    "CommandRunner",
    "DeviceNotFound",
    "DeviceProbe",
    "InternetProbe",
    "InvalidNetworkName",
    "JoinFailed",
    "NamesHidden",
    "NoticeKind",
    "PhotonNames",
    "PhotonWifi",
    "RestoreJournal",
    "RestoreReport",
    "ScanUnavailable",
    "SimulatedAccessPoint",
    "SubprocessRunner",
    "VisibleNetwork",
    "WifiBackend",
    "WifiError",
    "WifiMode",
    "WifiNotice",
    "WifiOff",
    "WifiTiming",
    "choose_backend",
    "url_reachable",
]

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(
        __name__,
        {
            "setup_wizard.network.backend": (
                "BackendKind",
                "Capabilities",
                "RestoreReport",
                "VisibleNetwork",
                "WifiBackend",
            ),
            "setup_wizard.network.choice": ("choose_backend",),
            "setup_wizard.network.commands": (
                "CommandResult",
                "CommandRunner",
                "SubprocessRunner",
            ),
            "setup_wizard.network.errors": (
                "AutomaticJoinUnavailable",
                "DeviceNotFound",
                "InvalidNetworkName",
                "JoinFailed",
                "NamesHidden",
                "ScanUnavailable",
                "WifiError",
                "WifiOff",
            ),
            "setup_wizard.network.journal": ("RestoreJournal",),
            "setup_wizard.network.mode": ("WifiMode",),
            "setup_wizard.network.names": ("PhotonNames",),
            "setup_wizard.network.probes": (
                "DeviceProbe",
                "InternetProbe",
                "url_reachable",
            ),
            "setup_wizard.network.simulated": ("SimulatedAccessPoint",),
            "setup_wizard.network.wifi": (
                "NoticeKind",
                "PhotonWifi",
                "WifiNotice",
                "WifiTiming",
            ),
        },
    )
