"""macOS: networksetup's exit-0 failures, redacted SSIDs, restoring without knowing them, the
Wi-Fi device in any language, and the Photon left among the preferred networks."""

from __future__ import annotations

import pytest
from network_fakes import BRISK, FakeInterfaceTable, FakeRunner, StubDevice, device_left_by, fixture

from setup_wizard.device.security import Security
from setup_wizard.network.backend import BackendKind, RestorePoint
from setup_wizard.network.choice import choose_backend
from setup_wizard.network.commands import CommandResult
from setup_wizard.network.errors import JoinFailed, NamesHidden, NetworkNotFound, WifiOff
from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.macos import (
    MacWifiBackend,
    check_networksetup,
    mac_security,
    parse_airport_power,
    parse_current_network,
    parse_hardware_ports,
    parse_preferred_networks,
    parse_summary_ssid,
    parse_system_profiler,
    wifi_candidates,
)
from setup_wizard.network.wifi import NoticeKind, PhotonWifi, WifiNotice

SSID = "Photon-7KQX"
POWER = ("networksetup", "-getairportpower", "en1")
PREFERRED = ("networksetup", "-listpreferredwirelessnetworks", "en1")
GET_CURRENT = ("networksetup", "-getairportnetwork", "en1")
SUMMARY = ("ipconfig", "getsummary", "en1")
JOIN = ("networksetup", "-setairportnetwork", "en1", SSID)
FORGET = ("networksetup", "-removepreferredwirelessnetwork", "en1", SSID)
OFF = ("networksetup", "-setairportpower", "en1", "off")
ON = ("networksetup", "-setairportpower", "en1", "on")
BACK_TO_CAFE = ("networksetup", "-setairportnetwork", "en1", "Café: 2.4GHz")
BACK_TO_WOHNZIMMER = ("networksetup", "-setairportnetwork", "en1", "Wohnzimmer WLAN 🦊")


def mac_runner(*, macos15: bool = False) -> FakeRunner:
    runner = FakeRunner()
    runner.on(
        "networksetup", "-listallhardwareports", stdout=fixture("macos/listallhardwareports.txt")
    )
    current = "macos/getairportnetwork_macos15.txt" if macos15 else "macos/getairportnetwork.txt"
    runner.on(*GET_CURRENT, stdout=fixture(current))
    summary = (
        "macos/ipconfig_getsummary_redacted.txt" if macos15 else "macos/ipconfig_getsummary.txt"
    )
    runner.on(*SUMMARY, stdout=fixture(summary))
    runner.on("networksetup", "-setairportnetwork")  # success prints nothing
    runner.on("networksetup", "-setairportpower")
    runner.on(
        "networksetup", "-getairportpower", stdout=fixture("macos/getairportpower_not_wifi.txt")
    )
    runner.on(*POWER, stdout=fixture("macos/getairportpower_on.txt"))
    runner.on(
        "networksetup",
        "-removepreferredwirelessnetwork",
        stdout=fixture("macos/removepreferred.txt"),
    )
    runner.on(*PREFERRED, stdout=fixture("macos/listpreferredwirelessnetworks.txt"))
    runner.on("system_profiler", stdout=fixture("macos/system_profiler.json"))
    return runner


def mac_wifi(
    runner: FakeRunner,
    journal: RestoreJournal,
    *,
    device: StubDevice | None = None,
    notices: list[WifiNotice] | None = None,
) -> PhotonWifi:
    return PhotonWifi(
        MacWifiBackend(runner, "en1"),
        probe=device or device_left_by(runner, OFF, BACK_TO_CAFE, BACK_TO_WOHNZIMMER),
        journal=journal,
        timing=BRISK,
        interfaces=FakeInterfaceTable(),
        on_notice=None if notices is None else notices.append,
        platform="darwin",
    )


def test_devices_named_like_wifi_in_any_language_we_know_are_asked_first() -> None:
    english = parse_hardware_ports(fixture("macos/listallhardwareports.txt"))
    assert [(p.port, p.device) for p in english][:3] == [
        ("Ethernet Adapter (en4)", "en4"),
        ("Thunderbolt Bridge", "bridge0"),
        ("Wi-Fi", "en1"),
    ]
    assert wifi_candidates(english)[0] == "en1"
    german = parse_hardware_ports(fixture("macos/listallhardwareports_de.txt"))
    assert wifi_candidates(german) == ["en1", "en4", "bridge0", "en2"]  # "WLAN" first


def test_the_power_answer_says_wifi_or_not_and_on_or_off() -> None:
    assert parse_airport_power(fixture("macos/getairportpower_on.txt"), "en1") is True
    assert parse_airport_power(fixture("macos/getairportpower_off.txt"), "en1") is False
    assert parse_airport_power(fixture("macos/getairportpower_not_wifi.txt"), "en4") is None
    assert parse_airport_power(fixture("macos/getairportpower_on.txt"), "en0") is None


def test_preferred_networks_are_read_with_or_without_the_heading() -> None:
    assert parse_preferred_networks(fixture("macos/listpreferredwirelessnetworks.txt")) == [
        "Café: 2.4GHz",
        "Wohnzimmer WLAN 🦊",
    ]
    assert parse_preferred_networks("\tPhoton-7KQX\n") == ["Photon-7KQX"]  # macOS 15.7


def test_a_success_message_containing_error_is_not_a_failure() -> None:
    # A product's own prefix may spell anything; networksetup repeats the name it was given.
    removed = CommandResult(0, "Removed Error-Lab-7KQX from the preferred networks list\n", "")
    check_networksetup(removed, doing="forget “Error-Lab-7KQX”", names=("Error-Lab-7KQX",))
    failed = CommandResult(0, fixture("macos/setairportnetwork_failed.txt"), "")
    with pytest.raises(JoinFailed):
        check_networksetup(failed, doing="join “Error-Lab-7KQX”", names=("Error-Lab-7KQX",))


def test_current_network_reads_the_ssid_or_admits_not_knowing() -> None:
    assert parse_current_network(fixture("macos/getairportnetwork.txt")) == "Café: 2.4GHz"
    assert parse_current_network(fixture("macos/getairportnetwork_macos15.txt")) is None
    assert parse_summary_ssid(fixture("macos/ipconfig_getsummary.txt")) == "Wohnzimmer WLAN 🦊"
    assert parse_summary_ssid(fixture("macos/ipconfig_getsummary_redacted.txt")) is None


@pytest.mark.parametrize(
    ("output", "error"),
    [
        ("macos/setairportnetwork_not_found.txt", NetworkNotFound),
        ("macos/setairportnetwork_failed.txt", JoinFailed),
    ],
)
def test_exit_code_zero_with_failure_text_is_a_failure(output: str, error: type[Exception]) -> None:
    with pytest.raises(error, match="blinking dark blue"):
        check_networksetup(CommandResult(0, fixture(output), ""), doing=f"join “{SSID}”")


def test_scan_reads_names_signal_and_security_of_the_wifi_device_only() -> None:
    networks, redacted = parse_system_profiler(fixture("macos/system_profiler.json"), "en1")
    assert {n.ssid: (n.signal, n.security) for n in networks} == {
        # The network the Mac is on is listed apart from the "other" networks.
        "Wohnzimmer WLAN 🦊": (96, Security.WPA2_MIXED_PSK),
        "Photon-7KQX": (100, Security.OPEN),
        "Photon-A2B4C6": (58, Security.OPEN),
        "Nachbar: 5G": (40, Security.WPA2_MIXED_PSK),  # WPA3 transition: WPA2 for a Photon
    }
    assert redacted == 0


@pytest.mark.parametrize(
    ("mode", "security"),
    [
        ("spairport_security_mode_none", Security.OPEN),
        ("spairport_security_mode_wep", Security.WEP_PSK),
        ("spairport_security_mode_wpa_personal", Security.WPA_MIXED_PSK),
        ("spairport_security_mode_wpa2_personal_mixed", Security.WPA2_MIXED_PSK),
        ("pairport_security_mode_wpa3_transition", Security.WPA2_MIXED_PSK),  # macOS's typo
        ("spairport_security_mode_wpa3_personal", Security.UNKNOWN),  # a Photon cannot join
        ("spairport_security_mode_wpa2_enterprise", Security.WPA2_MIXED_ENT),
        ("spairport_security_mode_wpa3_enterprise", Security.WPA2_MIXED_ENT),
        ("spairport_security_mode_something_new", None),
        (None, None),
    ],
)
def test_security_modes_in_the_photons_terms(mode: str | None, security: Security | None) -> None:
    assert mac_security(mode) == security


async def test_redacted_scan_says_so_and_offers_typing_the_code(journal: RestoreJournal) -> None:
    runner = mac_runner().on(
        "system_profiler", stdout=fixture("macos/system_profiler_redacted.json")
    )
    with pytest.raises(NamesHidden, match="Location Services") as raised:
        await mac_wifi(runner, journal).find_photons()
    assert "Type the code" in str(raised.value)


async def test_find_photons_on_macos(journal: RestoreJournal) -> None:
    photons = await mac_wifi(mac_runner(), journal).find_photons()
    assert [p.ssid for p in photons] == ["Photon-7KQX", "Photon-A2B4C6"]


async def test_nearby_networks_on_a_mac_include_the_one_it_is_on(journal: RestoreJournal) -> None:
    nearby = await mac_wifi(mac_runner(), journal).nearby_networks()
    assert [(n.ssid, n.signal, n.security) for n in nearby] == [
        ("Wohnzimmer WLAN 🦊", 96, Security.WPA2_MIXED_PSK),
        ("Nachbar: 5G", 40, Security.WPA2_MIXED_PSK),
    ]


async def test_hidden_names_ask_for_the_network_name_when_the_photon_is_on_a_cable(
    journal: RestoreJournal,
) -> None:
    runner = mac_runner().on(
        "system_profiler", stdout=fixture("macos/system_profiler_redacted.json")
    )
    with pytest.raises(NamesHidden, match="Location Services") as raised:
        await mac_wifi(runner, journal).nearby_networks()
    assert "Type the name of the network the Photon should join." in str(raised.value)
    assert "Photon-" not in str(raised.value)  # no code to type: the Photon is on the cable


@pytest.mark.parametrize(("macos15", "current"), [(False, "Café: 2.4GHz"), (True, None)])
async def test_the_current_network_is_what_macos_tells(
    macos15: bool, current: str | None, journal: RestoreJournal
) -> None:
    runner = mac_runner(macos15=macos15)
    assert await mac_wifi(runner, journal).current_network() == current
    assert runner.calls == ([GET_CURRENT, SUMMARY] if macos15 else [GET_CURRENT])


async def test_session_rejoins_the_known_previous_network(journal: RestoreJournal) -> None:
    runner = mac_runner()
    wifi = mac_wifi(runner, journal)
    async with wifi.photon_session(SSID):
        pass
    assert runner.calls == [POWER, GET_CURRENT, JOIN, FORGET, PREFERRED, BACK_TO_CAFE]
    assert wifi.last_restore is not None
    assert wifi.last_restore.message == "Reconnected to “Café: 2.4GHz”."
    assert wifi.last_restore.complete  # the Photon is off the preferred list: checked


async def test_on_macos_15_the_ssid_from_ipconfig_is_used_when_networksetup_hides_it(
    journal: RestoreJournal,
) -> None:
    runner = mac_runner(macos15=True).on(*SUMMARY, stdout=fixture("macos/ipconfig_getsummary.txt"))
    async with mac_wifi(runner, journal).photon_session(SSID):
        pass
    assert runner.calls[-1] == BACK_TO_WOHNZIMMER


async def test_unknown_previous_network_is_restored_by_power_cycling_wifi(
    journal: RestoreJournal,
) -> None:
    runner = mac_runner(macos15=True)
    wifi = mac_wifi(runner, journal)
    async with wifi.photon_session(SSID):
        pass
    assert runner.calls == [POWER, GET_CURRENT, SUMMARY, JOIN, FORGET, PREFERRED, OFF, ON]
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete


async def test_a_computer_already_on_a_photon_network_is_not_sent_back_to_it(
    journal: RestoreJournal,
) -> None:
    runner = mac_runner().on(*GET_CURRENT, stdout="Current Wi-Fi Network: Photon-A2B4C6\n")
    async with mac_wifi(runner, journal).photon_session(SSID):
        pass
    assert runner.calls == [POWER, GET_CURRENT, JOIN, FORGET, PREFERRED, OFF, ON]


async def test_failed_rejoin_falls_back_to_power_cycling(journal: RestoreJournal) -> None:
    runner = mac_runner().on(*BACK_TO_CAFE, stdout="Could not find network Café: 2.4GHz.\n")
    async with mac_wifi(runner, journal).photon_session(SSID):
        pass
    assert runner.calls[-2:] == [OFF, ON]


@pytest.mark.parametrize(
    "previous", ["macos/getairportnetwork.txt", "macos/getairportnetwork_macos15.txt"]
)
async def test_a_failed_join_leaves_the_mac_on_its_network_untouched(
    journal: RestoreJournal, previous: str
) -> None:
    # networksetup fails (exit code 0) before the Mac leaves its network: no rejoin, and no
    # power-cycle that would drop a perfectly good connection for nothing.
    runner = mac_runner(macos15=True).on(*GET_CURRENT, stdout=fixture(previous))
    runner.on(*JOIN, stdout=fixture("macos/setairportnetwork_failed.txt"))
    wifi = mac_wifi(runner, journal)
    with pytest.raises(JoinFailed):
        async with wifi.photon_session(SSID):
            pytest.fail("must not start")
    assert runner.calls[-1] == JOIN
    assert OFF not in runner.calls
    assert wifi.last_restore is not None
    assert wifi.last_restore.message == "Your Wi-Fi was not changed."
    assert not journal.path.exists()


async def test_auto_mode_on_macos_finds_the_wifi_device() -> None:
    runner = mac_runner()
    backend = await choose_backend(
        "auto", runner=runner, platform="darwin", which=lambda _: "/usr/sbin/networksetup"
    )
    assert isinstance(backend, MacWifiBackend)
    assert backend.device == "en1"
    assert runner.calls == [("networksetup", "-listallhardwareports"), POWER]


@pytest.mark.parametrize(
    "ports", ["macos/listallhardwareports_de.txt", "macos/listallhardwareports_unknown_name.txt"]
)
async def test_the_wifi_device_is_found_on_a_mac_in_another_language(ports: str) -> None:
    # German calls the port "WLAN"; for a name we have no word for, each device is asked.
    runner = mac_runner().on("networksetup", "-listallhardwareports", stdout=fixture(ports))
    backend = await choose_backend(
        "auto", runner=runner, platform="darwin", which=lambda _: "/usr/sbin/networksetup"
    )
    assert isinstance(backend, MacWifiBackend)
    assert backend.device == "en1"


async def test_mac_without_wifi_joins_by_hand() -> None:
    runner = mac_runner().on(
        "networksetup", "-listallhardwareports",
        stdout=fixture("macos/listallhardwareports_no_wifi.txt"),
    )  # fmt: skip
    backend = await choose_backend(
        "auto", runner=runner, platform="darwin", which=lambda _: "/usr/sbin/networksetup"
    )
    assert not backend.capabilities.can_join
    assert "no Wi-Fi adapter" in (backend.capabilities.why_not or "")
    assert runner.calls[-1] == ("networksetup", "-getairportpower", "en0")  # asked, not Wi-Fi


# --- when the power cycle does not bring the usual network back ----------------------------------


async def test_a_photon_macos_still_remembers_is_reported_with_the_step_that_removes_it(
    journal: RestoreJournal, notices: list[WifiNotice]
) -> None:
    # Without an administrator the removal fails quietly: it prints nothing and exits 0.
    runner = mac_runner().on(*FORGET, stdout="")
    runner.on(*PREFERRED, stdout=fixture("macos/listpreferredwirelessnetworks_photon.txt"))
    wifi = mac_wifi(runner, journal, notices=notices)
    async with wifi.photon_session(SSID):
        pass
    assert runner.calls[-3:] == [FORGET, PREFERRED, BACK_TO_CAFE]
    report = wifi.last_restore
    assert report is not None
    assert report.actions == ("Reconnected to “Café: 2.4GHz”.",)
    assert report.problems == (
        "macOS still remembers the Photon's network “Photon-7KQX” and could join it again by "
        "itself. To remove it, open System Settings › Wi-Fi, click “…” next to “Photon-7KQX” "
        "under Known Networks, and choose “Remove From List”.",
    )
    assert not report.user_action_needed  # the Mac is back on its network all the same
    assert report.problems[0] in notices[-1].message


async def test_a_refused_removal_that_did_take_effect_leaves_nothing_to_report(
    journal: RestoreJournal,
) -> None:
    runner = mac_runner(macos15=True).on(
        *FORGET, returncode=14, stdout="Error: not authorized to remove the network.\n"
    )
    wifi = mac_wifi(runner, journal)
    async with wifi.photon_session(SSID):
        pass
    assert runner.calls[-4:] == [FORGET, PREFERRED, OFF, ON]
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete


async def test_a_mac_that_rejoins_the_photon_after_the_power_cycle_is_told_to_leave_it(
    journal: RestoreJournal, notices: list[WifiNotice]
) -> None:
    # Setup stopped before ``connect-ap``: the Photon still broadcasts, and macOS (which could
    # not forget it without an administrator) goes back to it when Wi-Fi comes on.
    runner = mac_runner(macos15=True).on(*FORGET, returncode=14, stdout="Error: not authorized.\n")
    runner.on(*PREFERRED, stdout=fixture("macos/listpreferredwirelessnetworks_photon.txt"))
    device = StubDevice()
    runner.when(*OFF, then=device.leave)
    runner.when(*ON, then=device.rejoin)
    wifi = mac_wifi(runner, journal, device=device, notices=notices)
    with pytest.raises(RuntimeError, match="claim code refused"):
        async with wifi.photon_session(SSID):
            raise RuntimeError("claim code refused")
    report = await wifi.confirm_left()
    assert report is not None
    assert not report.complete
    assert report.user_action_needed
    assert report.problems[-1] == (
        "This computer is still on the Photon's network “Photon-7KQX”: choose your usual "
        "Wi-Fi in the Wi-Fi menu in the menu bar (top right)."
    )
    assert "Remove From List" in report.problems[0]  # and how to stop it happening again
    assert notices[-1].kind is NoticeKind.REJOIN_BY_HAND
    assert not journal.path.exists()


async def test_wifi_switched_off_asks_the_person_to_turn_it_on_and_is_left_off(
    journal: RestoreJournal,
) -> None:
    runner = mac_runner().on(*POWER, stdout=fixture("macos/getairportpower_off.txt"))
    wifi = mac_wifi(runner, journal)
    with pytest.raises(WifiOff, match="Turn it on in the Wi-Fi menu in the menu bar"):
        await wifi.find_photons()
    with pytest.raises(WifiOff, match="Wi-Fi is turned off on this Mac"):
        async with wifi.photon_session(SSID):
            pytest.fail("must not start")
    assert runner.calls == [POWER, POWER]  # no -setairportpower, on or off
    assert wifi.last_restore is not None
    assert wifi.last_restore.message == "Your Wi-Fi was not changed."


async def test_wifi_that_does_not_come_back_on_is_retried_once(journal: RestoreJournal) -> None:
    runner = mac_runner(macos15=True).on(*ON, stdout="Error: -3900 busy.\n", once=True)
    wifi = mac_wifi(runner, journal)
    async with wifi.photon_session(SSID):
        pass
    assert runner.calls[-3:] == [OFF, ON, ON]
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete


async def test_wifi_left_off_asks_the_person_to_turn_it_on(journal: RestoreJournal) -> None:
    runner = mac_runner(macos15=True).on(*ON, stdout="Error: -3900 busy.\n")
    wifi = mac_wifi(runner, journal)
    async with wifi.photon_session(SSID):
        pass
    assert runner.calls[-3:] == [OFF, ON, ON]
    report = wifi.last_restore
    assert report is not None
    assert report.user_action_needed
    assert "Turn Wi-Fi on in the Wi-Fi menu" in report.message
    assert "choose your usual network" not in report.message


# --- after a crash ---------------------------------------------------------------------------


async def test_recovery_on_a_mac_back_on_its_network_only_forgets_the_photon(
    journal: RestoreJournal,
) -> None:
    await journal.save(RestorePoint(BackendKind.MACOS, SSID, "en1", "Café: 2.4GHz"))
    runner = mac_runner()  # on "Café: 2.4GHz" again
    runner.on(*PREFERRED, stdout=fixture("macos/listpreferredwirelessnetworks_photon.txt"))
    report = await mac_wifi(runner, journal, device=StubDevice(answering=False)).recover()
    assert runner.calls == [GET_CURRENT, FORGET, PREFERRED]  # no rejoin, no power-cycle
    assert report is not None
    assert "Remove From List" in report.message
    assert not report.user_action_needed
    assert not journal.path.exists()


async def test_recovery_on_a_mac_still_on_the_photon_gives_its_wifi_back(
    journal: RestoreJournal,
) -> None:
    await journal.save(RestorePoint(BackendKind.MACOS, SSID, "en1", "Café: 2.4GHz"))
    runner = mac_runner().on(*GET_CURRENT, stdout=f"Current Wi-Fi Network: {SSID}\n")
    report = await mac_wifi(runner, journal).recover()
    assert runner.calls == [GET_CURRENT, FORGET, PREFERRED, BACK_TO_CAFE]
    assert report is not None
    assert report.message == "Reconnected to “Café: 2.4GHz”."
