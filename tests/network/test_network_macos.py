"""macOS: networksetup's exit-0 failures, redacted SSIDs, and restoring without knowing them."""

from __future__ import annotations

import pytest
from network_fakes import BRISK, FakeRunner, StubDevice, device_left_by, fixture

from setup_wizard.network.choice import choose_backend
from setup_wizard.network.commands import CommandResult
from setup_wizard.network.errors import JoinFailed, NamesHidden, NetworkNotFound
from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.macos import (
    MacWifiBackend,
    check_networksetup,
    parse_current_network,
    parse_summary_ssid,
    parse_system_profiler,
    parse_wifi_device,
)
from setup_wizard.network.wifi import NoticeKind, PhotonWifi, WifiNotice

SSID = "Photon-7KQX"
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
    runner.on("networksetup", "-removepreferredwirelessnetwork")
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
        on_notice=None if notices is None else notices.append,
        platform="darwin",
    )


def test_wifi_device_comes_from_the_hardware_port_list_not_a_guess() -> None:
    assert parse_wifi_device(fixture("macos/listallhardwareports.txt")) == "en1"
    assert parse_wifi_device(fixture("macos/listallhardwareports_no_wifi.txt")) is None


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


def test_scan_reads_names_and_signal_of_the_wifi_device_only() -> None:
    networks, redacted = parse_system_profiler(fixture("macos/system_profiler.json"), "en1")
    assert {n.ssid: n.signal for n in networks} == {
        "Photon-7KQX": 100,
        "Photon-A2B4C6": 58,
        "Nachbar: 5G": 40,
    }
    assert redacted == 0


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


async def test_session_rejoins_the_known_previous_network(journal: RestoreJournal) -> None:
    runner = mac_runner()
    wifi = mac_wifi(runner, journal)
    async with wifi.photon_session(SSID):
        pass
    assert runner.calls == [GET_CURRENT, JOIN, FORGET, BACK_TO_CAFE]
    assert wifi.last_restore is not None
    assert wifi.last_restore.message == "Reconnected to “Café: 2.4GHz”."


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
    assert runner.calls == [GET_CURRENT, SUMMARY, JOIN, FORGET, OFF, ON]
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete


async def test_a_computer_already_on_a_photon_network_is_not_sent_back_to_it(
    journal: RestoreJournal,
) -> None:
    runner = mac_runner().on(*GET_CURRENT, stdout="Current Wi-Fi Network: Photon-A2B4C6\n")
    async with mac_wifi(runner, journal).photon_session(SSID):
        pass
    assert runner.calls == [GET_CURRENT, JOIN, FORGET, OFF, ON]


async def test_failed_rejoin_falls_back_to_power_cycling(journal: RestoreJournal) -> None:
    runner = mac_runner().on(*BACK_TO_CAFE, stdout="Could not find network Café: 2.4GHz.\n")
    async with mac_wifi(runner, journal).photon_session(SSID):
        pass
    assert runner.calls[-2:] == [OFF, ON]


async def test_join_failure_reported_with_exit_code_zero_stops_the_session(
    journal: RestoreJournal,
) -> None:
    runner = mac_runner().on(*JOIN, stdout=fixture("macos/setairportnetwork_failed.txt"))
    with pytest.raises(JoinFailed):
        async with mac_wifi(runner, journal).photon_session(SSID):
            pytest.fail("must not start")
    assert runner.calls[-1] == BACK_TO_CAFE
    assert not journal.path.exists()


async def test_auto_mode_on_macos_finds_the_wifi_device() -> None:
    backend = await choose_backend(
        "auto", runner=mac_runner(), platform="darwin", which=lambda _: "/usr/sbin/networksetup"
    )
    assert isinstance(backend, MacWifiBackend)
    assert backend.device == "en1"


async def test_mac_without_wifi_joins_by_hand() -> None:
    runner = FakeRunner().on(
        "networksetup", "-listallhardwareports",
        stdout=fixture("macos/listallhardwareports_no_wifi.txt"),
    )  # fmt: skip
    backend = await choose_backend(
        "auto", runner=runner, platform="darwin", which=lambda _: "/usr/sbin/networksetup"
    )
    assert not backend.capabilities.can_join
    assert "no Wi-Fi adapter" in (backend.capabilities.why_not or "")


# --- when the power cycle does not bring the usual network back ----------------------------------


async def test_the_photon_is_taken_off_the_preferred_networks_and_a_refusal_is_harmless(
    journal: RestoreJournal,
) -> None:
    runner = mac_runner(macos15=True).on(
        *FORGET, returncode=14, stdout="Error: not authorized to remove the network.\n"
    )
    wifi = mac_wifi(runner, journal)
    async with wifi.photon_session(SSID):
        pass
    assert runner.calls[-3:] == [FORGET, OFF, ON]
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete


async def test_a_mac_that_rejoins_the_photon_after_the_power_cycle_is_told_to_leave_it(
    journal: RestoreJournal, notices: list[WifiNotice]
) -> None:
    # Setup stopped before ``connect-ap``: the Photon still broadcasts, and macOS (which could
    # not forget it without an administrator) goes back to it when Wi-Fi comes on.
    runner = mac_runner(macos15=True).on(*FORGET, returncode=14, stdout="Error: not authorized.\n")
    device = StubDevice()
    runner.when(*OFF, then=device.leave)
    runner.when(*ON, then=device.rejoin)
    wifi = mac_wifi(runner, journal, device=device, notices=notices)
    with pytest.raises(RuntimeError, match="claim code refused"):
        async with wifi.photon_session(SSID):
            raise RuntimeError("claim code refused")
    report = wifi.last_restore
    assert report is not None
    assert not report.complete
    assert report.user_action_needed
    assert report.problems == (
        "This computer is still on the Photon's network “Photon-7KQX”: choose your usual "
        "Wi-Fi in the Wi-Fi menu in the menu bar (top right).",
    )
    assert notices[-1].kind is NoticeKind.REJOIN_BY_HAND
    assert not journal.path.exists()


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
