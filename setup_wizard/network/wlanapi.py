"""Windows: reading Wi-Fi names, security and the radio state through the Native Wifi API.

netsh prints in the console's OEM code page, so a name outside it (an emoji, a script the
code page lacks) arrives as "?"; the API (wlanapi.dll) hands over profile names in UTF-16,
SSIDs as their bytes and security as numbers. The Windows backend asks it only where netsh
could not carry a name or its security words could not be read, and for the radio state,
which netsh words in the display language. Everything goes through the small ``WlanApi``
interface, so tests give the backend a fake one.

Structures follow wlanapi.h and netioapi.h as documented on Microsoft Learn, spelled with
fixed-width types (DWORD = uint32, WCHAR = uint16) so that their layout is the same on
every system and tests check it anywhere. The DLLs are loaded when a ``NativeWlan`` is
created, never at import, so this module imports on Linux and macOS.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from setup_wizard.device.security import Security
from setup_wizard.network.backend import VisibleNetwork, one_per_name

log = logging.getLogger(__name__)

DWORD = ctypes.c_uint32
ULONG = ctypes.c_uint32
BOOL = ctypes.c_int32
ENUM = ctypes.c_int32  # a C enum is an int with MSVC
WCHAR = ctypes.c_uint16  # UTF-16 code unit
HANDLE = ctypes.c_void_p

WLAN_MAX_NAME_LENGTH = 256
DOT11_SSID_MAX_LENGTH = 32
WLAN_MAX_PHY_TYPE_NUMBER = 8
WLAN_MAX_PHY_INDEX = 64
IF_MAX_STRING_SIZE = 256

CLIENT_VERSION = 2  # Windows Vista and later
OPCODE_RADIO_STATE = 4  # wlan_intf_opcode_radio_state
OPCODE_CURRENT_CONNECTION = 7  # wlan_intf_opcode_current_connection
ERROR_SUCCESS = 0
ERROR_ACCESS_DENIED = 5  # Windows 11 24H2 without location access
ERROR_INVALID_STATE = 5023  # current_connection on an interface that is not connected
INTERFACE_CONNECTED = 1  # wlan_interface_state_connected
RADIO_OFF = 2  # dot11_radio_state_off (unknown 0, on 1)
# DOT11_AUTH_ALGORITHM and DOT11_CIPHER_ALGORITHM (wlantypes.h).
AUTH_OPEN = 1
AUTH_SHARED_KEY = 2
AUTH_WPA = 3  # WPA Enterprise
AUTH_WPA_PSK = 4
AUTH_RSNA = 6  # WPA2 Enterprise
AUTH_RSNA_PSK = 7
AUTH_WPA3_ENT_192 = 8
AUTH_WPA3_ENT = 11
CIPHER_NONE = 0x00
WEP_CIPHERS = frozenset({0x01, 0x05, 0x101})  # WEP40, WEP104, WEP (any key length)


# Structure and field names are the header's, so they can be checked against it.
class GUID(ctypes.Structure):
    _fields_ = (
        ("Data1", DWORD),
        ("Data2", ctypes.c_uint16),
        ("Data3", ctypes.c_uint16),
        ("Data4", ctypes.c_ubyte * 8),
    )


class DOT11_SSID(ctypes.Structure):
    _fields_ = (("uSSIDLength", ULONG), ("ucSSID", ctypes.c_ubyte * DOT11_SSID_MAX_LENGTH))


class WLAN_INTERFACE_INFO(ctypes.Structure):
    _fields_ = (
        ("InterfaceGuid", GUID),
        ("strInterfaceDescription", WCHAR * WLAN_MAX_NAME_LENGTH),
        ("isState", ENUM),
    )


class WLAN_INTERFACE_INFO_LIST(ctypes.Structure):
    _fields_ = (
        ("dwNumberOfItems", DWORD),
        ("dwIndex", DWORD),
        ("InterfaceInfo", WLAN_INTERFACE_INFO * 1),  # dwNumberOfItems of them
    )


class WLAN_AVAILABLE_NETWORK(ctypes.Structure):
    _fields_ = (
        ("strProfileName", WCHAR * WLAN_MAX_NAME_LENGTH),
        ("dot11Ssid", DOT11_SSID),
        ("dot11BssType", ENUM),
        ("uNumberOfBssids", ULONG),
        ("bNetworkConnectable", BOOL),
        ("wlanNotConnectableReason", DWORD),
        ("uNumberOfPhyTypes", ULONG),
        ("dot11PhyTypes", ENUM * WLAN_MAX_PHY_TYPE_NUMBER),
        ("bMorePhyTypes", BOOL),
        ("wlanSignalQuality", ULONG),  # 0-100
        ("bSecurityEnabled", BOOL),
        ("dot11DefaultAuthAlgorithm", ENUM),
        ("dot11DefaultCipherAlgorithm", ENUM),
        ("dwFlags", DWORD),
        ("dwReserved", DWORD),
    )


class WLAN_AVAILABLE_NETWORK_LIST(ctypes.Structure):
    _fields_ = (
        ("dwNumberOfItems", DWORD),
        ("dwIndex", DWORD),
        ("Network", WLAN_AVAILABLE_NETWORK * 1),  # dwNumberOfItems of them
    )


class WLAN_ASSOCIATION_ATTRIBUTES(ctypes.Structure):
    _fields_ = (
        ("dot11Ssid", DOT11_SSID),
        ("dot11BssType", ENUM),
        ("dot11Bssid", ctypes.c_ubyte * 6),
        ("dot11PhyType", ENUM),
        ("uDot11PhyIndex", ULONG),
        ("wlanSignalQuality", ULONG),
        ("ulRxRate", ULONG),
        ("ulTxRate", ULONG),
    )


class WLAN_SECURITY_ATTRIBUTES(ctypes.Structure):
    _fields_ = (
        ("bSecurityEnabled", BOOL),
        ("bOneXEnabled", BOOL),
        ("dot11AuthAlgorithm", ENUM),
        ("dot11CipherAlgorithm", ENUM),
    )


class WLAN_CONNECTION_ATTRIBUTES(ctypes.Structure):
    _fields_ = (
        ("isState", ENUM),
        ("wlanConnectionMode", ENUM),
        ("strProfileName", WCHAR * WLAN_MAX_NAME_LENGTH),
        ("wlanAssociationAttributes", WLAN_ASSOCIATION_ATTRIBUTES),
        ("wlanSecurityAttributes", WLAN_SECURITY_ATTRIBUTES),
    )


class WLAN_PHY_RADIO_STATE(ctypes.Structure):
    _fields_ = (
        ("dwPhyIndex", DWORD),
        ("dot11SoftwareRadioState", ENUM),
        ("dot11HardwareRadioState", ENUM),
    )


class WLAN_RADIO_STATE(ctypes.Structure):
    _fields_ = (
        ("dwNumberOfPhys", DWORD),
        ("PhyRadioState", WLAN_PHY_RADIO_STATE * WLAN_MAX_PHY_INDEX),
    )


# --- what the backend sees -------------------------------------------------------------------


class WlanApiError(Exception):
    """A Native Wifi call failed (``code`` is its Win32 error) or the API is unavailable."""

    def __init__(self, message: str, code: int = 0) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class WlanInterface:
    guid: str  # lower case, no braces, as netsh's GUID after parsing
    description: str
    connected: bool


@dataclass(frozen=True)
class WlanConnection:
    profile: str
    ssid: str


class WlanApi(Protocol):
    """The part of the Native Wifi API the Windows backend uses; every call is blocking
    (run it in a thread) and raises ``WlanApiError``."""

    def interfaces(self) -> list[WlanInterface]: ...

    def current_connection(self, guid: str) -> WlanConnection | None: ...

    def visible_networks(self, guid: str) -> list[VisibleNetwork]: ...

    def radio_off(self, guid: str) -> bool: ...

    def alias(self, guid: str) -> str:
        """The interface's name as netsh and the Settings app show it ("Wi-Fi", "WLAN")."""
        ...


# --- reading the structures (pure: tests build them in memory) ---------------------------------


def wide_text(chars: ctypes.Array[ctypes.c_uint16]) -> str:
    """A NUL-terminated UTF-16 string from a WCHAR array."""
    return bytes(chars).decode("utf-16-le", errors="replace").split("\x00", 1)[0]


def ssid_text(ssid: DOT11_SSID) -> str:
    """The SSID's bytes as text (UTF-8, which is what networks with non-ASCII names send)."""
    size = min(int(ssid.uSSIDLength), DOT11_SSID_MAX_LENGTH)
    return bytes(ssid.ucSSID[:size]).decode("utf-8", errors="replace")


def guid_text(guid: GUID) -> str:
    return str(uuid.UUID(bytes_le=bytes(guid)))


def guid_struct(text: str) -> GUID:
    return GUID.from_buffer_copy(uuid.UUID(text.strip("{}")).bytes_le)


def _items(
    listing: WLAN_INTERFACE_INFO_LIST | WLAN_AVAILABLE_NETWORK_LIST, field: str, item: type[Any]
) -> Any:
    """The variable-length array at the end of a WLAN_*_LIST."""
    offset = getattr(type(listing), field).offset
    count = int(listing.dwNumberOfItems)
    return (item * count).from_address(ctypes.addressof(listing) + offset)


def interfaces_from(listing: WLAN_INTERFACE_INFO_LIST) -> list[WlanInterface]:
    return [
        WlanInterface(
            guid_text(info.InterfaceGuid),
            wide_text(info.strInterfaceDescription),
            info.isState == INTERFACE_CONNECTED,
        )
        for info in _items(listing, "InterfaceInfo", WLAN_INTERFACE_INFO)
    ]


_AUTH_SECURITY: dict[int, Security] = {
    AUTH_SHARED_KEY: Security.WEP_SHARED,
    AUTH_WPA: Security.WPA_MIXED_ENT,
    AUTH_WPA_PSK: Security.WPA_MIXED_PSK,
    AUTH_RSNA: Security.WPA2_MIXED_ENT,
    AUTH_RSNA_PSK: Security.WPA2_MIXED_PSK,
    AUTH_WPA3_ENT_192: Security.WPA2_MIXED_ENT,
    AUTH_WPA3_ENT: Security.WPA2_MIXED_ENT,
}
"""The authentication algorithms with a Photon counterpart (every Enterprise kind is
Enterprise, which the app refuses as such). WPA3 SAE and OWE are left unknown: Windows may
name a transition network, which a Photon joins with WPA2 or as open, by its better half."""


def native_security(auth: int, cipher: int) -> Security | None:
    """A network's default authentication and cipher algorithms in the Photon's terms."""
    if auth == AUTH_OPEN:
        if cipher in WEP_CIPHERS:
            return Security.WEP_PSK
        return Security.OPEN if cipher == CIPHER_NONE else None
    return _AUTH_SECURITY.get(auth)


def networks_from(listing: WLAN_AVAILABLE_NETWORK_LIST) -> list[VisibleNetwork]:
    """One entry per SSID (the list has one per profile too), strongest kept, hidden left out."""
    return one_per_name(
        VisibleNetwork(
            ssid_text(network.dot11Ssid),
            int(network.wlanSignalQuality),
            native_security(
                int(network.dot11DefaultAuthAlgorithm), int(network.dot11DefaultCipherAlgorithm)
            ),
        )
        for network in _items(listing, "Network", WLAN_AVAILABLE_NETWORK)
    )


def connection_from(attributes: WLAN_CONNECTION_ATTRIBUTES) -> WlanConnection:
    return WlanConnection(
        wide_text(attributes.strProfileName),
        ssid_text(attributes.wlanAssociationAttributes.dot11Ssid),
    )


def radio_off_from(state: WLAN_RADIO_STATE) -> bool:
    """Off when every radio (PHY) is switched off, in software or by a hardware switch."""
    count = min(int(state.dwNumberOfPhys), WLAN_MAX_PHY_INDEX)
    phys = state.PhyRadioState[:count]
    return bool(phys) and all(
        RADIO_OFF in (phy.dot11SoftwareRadioState, phy.dot11HardwareRadioState) for phy in phys
    )


# --- the real thing --------------------------------------------------------------------------


class NativeWlan:
    """``WlanApi`` over wlanapi.dll and iphlpapi.dll; each call opens its own client handle,
    so calls may run in any thread."""

    def __init__(self) -> None:
        loader = getattr(ctypes, "WinDLL", None)  # exists on Windows only
        if loader is None:
            raise WlanApiError("the Native Wifi API exists only on Windows")
        try:
            self._wlan: ctypes.CDLL = loader("wlanapi.dll")
            self._iphlp: ctypes.CDLL = loader("iphlpapi.dll")
        except OSError as error:  # e.g. Windows Server without the Wireless LAN service
            raise WlanApiError(f"wlanapi.dll could not be loaded: {error}") from error
        self._declare()

    def _declare(self) -> None:
        pointer = ctypes.POINTER
        wlan, iphlp = self._wlan, self._iphlp
        signatures: list[tuple[Any, list[Any], Any]] = [
            (wlan.WlanOpenHandle, [DWORD, ctypes.c_void_p, pointer(DWORD), pointer(HANDLE)], DWORD),
            (wlan.WlanCloseHandle, [HANDLE, ctypes.c_void_p], DWORD),
            (
                wlan.WlanEnumInterfaces,
                [HANDLE, ctypes.c_void_p, pointer(pointer(WLAN_INTERFACE_INFO_LIST))],
                DWORD,
            ),
            (
                wlan.WlanGetAvailableNetworkList,
                [
                    HANDLE,
                    pointer(GUID),
                    DWORD,
                    ctypes.c_void_p,
                    pointer(pointer(WLAN_AVAILABLE_NETWORK_LIST)),
                ],
                DWORD,
            ),
            (
                wlan.WlanQueryInterface,
                [
                    HANDLE,
                    pointer(GUID),
                    ENUM,
                    ctypes.c_void_p,
                    pointer(DWORD),
                    pointer(ctypes.c_void_p),
                    ctypes.c_void_p,
                ],
                DWORD,
            ),
            (wlan.WlanFreeMemory, [ctypes.c_void_p], None),
            (iphlp.ConvertInterfaceGuidToLuid, [pointer(GUID), pointer(ctypes.c_uint64)], DWORD),
            (
                iphlp.ConvertInterfaceLuidToAlias,
                [pointer(ctypes.c_uint64), pointer(WCHAR), ctypes.c_size_t],
                DWORD,
            ),
        ]
        for function, arguments, result in signatures:
            function.argtypes = arguments
            function.restype = result

    @staticmethod
    def _check(code: int, call: str) -> None:
        if code != ERROR_SUCCESS:
            raise WlanApiError(f"{call} failed with error {code}", code)

    @contextlib.contextmanager
    def _client(self) -> Iterator[HANDLE]:
        handle, negotiated = HANDLE(), DWORD()
        self._check(
            self._wlan.WlanOpenHandle(
                CLIENT_VERSION, None, ctypes.byref(negotiated), ctypes.byref(handle)
            ),
            "WlanOpenHandle",
        )
        try:
            yield handle
        finally:
            self._wlan.WlanCloseHandle(handle, None)

    def _free(self, memory: Any) -> None:
        if memory:
            self._wlan.WlanFreeMemory(ctypes.cast(memory, ctypes.c_void_p))

    def interfaces(self) -> list[WlanInterface]:
        with self._client() as handle:
            listing = ctypes.POINTER(WLAN_INTERFACE_INFO_LIST)()
            self._check(
                self._wlan.WlanEnumInterfaces(handle, None, ctypes.byref(listing)),
                "WlanEnumInterfaces",
            )
            try:
                return interfaces_from(listing.contents)
            finally:
                self._free(listing)

    def visible_networks(self, guid: str) -> list[VisibleNetwork]:
        interface = guid_struct(guid)
        with self._client() as handle:
            listing = ctypes.POINTER(WLAN_AVAILABLE_NETWORK_LIST)()
            self._check(
                self._wlan.WlanGetAvailableNetworkList(
                    handle, ctypes.byref(interface), 0, None, ctypes.byref(listing)
                ),
                "WlanGetAvailableNetworkList",
            )
            try:
                return networks_from(listing.contents)
            finally:
                self._free(listing)

    def _query(self, handle: HANDLE, guid: str, opcode: int) -> ctypes.c_void_p:
        interface, size, data = guid_struct(guid), DWORD(), ctypes.c_void_p()
        code = self._wlan.WlanQueryInterface(
            handle,
            ctypes.byref(interface),
            opcode,
            None,
            ctypes.byref(size),
            ctypes.byref(data),
            None,
        )
        self._check(code, f"WlanQueryInterface({opcode})")
        return data

    def current_connection(self, guid: str) -> WlanConnection | None:
        with self._client() as handle:
            try:
                data = self._query(handle, guid, OPCODE_CURRENT_CONNECTION)
            except WlanApiError as error:
                if error.code == ERROR_INVALID_STATE:
                    return None  # not connected
                raise
            try:
                attributes = ctypes.cast(data, ctypes.POINTER(WLAN_CONNECTION_ATTRIBUTES))
                return connection_from(attributes.contents)
            finally:
                self._free(data)

    def radio_off(self, guid: str) -> bool:
        with self._client() as handle:
            data = self._query(handle, guid, OPCODE_RADIO_STATE)
            try:
                state = ctypes.cast(data, ctypes.POINTER(WLAN_RADIO_STATE))
                return radio_off_from(state.contents)
            finally:
                self._free(data)

    def alias(self, guid: str) -> str:
        interface, luid = guid_struct(guid), ctypes.c_uint64()
        self._check(
            self._iphlp.ConvertInterfaceGuidToLuid(ctypes.byref(interface), ctypes.byref(luid)),
            "ConvertInterfaceGuidToLuid",
        )
        name = (WCHAR * (IF_MAX_STRING_SIZE + 1))()
        self._check(
            self._iphlp.ConvertInterfaceLuidToAlias(ctypes.byref(luid), name, len(name)),
            "ConvertInterfaceLuidToAlias",
        )
        return wide_text(name)


def load_native_wlan() -> WlanApi | None:
    """The Native Wifi API where there is one (Windows with the WLAN service), else None."""
    try:
        return NativeWlan()
    except WlanApiError as error:
        log.info("Native Wifi API unavailable: %s", error)
        return None
