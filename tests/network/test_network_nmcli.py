"""NetworkManager: nmcli parsing, exit codes, and the command sequence of a Photon session."""

from __future__ import annotations

import asyncio

import pytest
from network_fakes import (
    BRISK,
    HOME_UUID,
    NM_ADD,
    NM_BACK_HOME,
    NM_DELETE,
    NM_DEVICE_CONNECT,
    NM_JOIN,
    NM_LEAVING,
    NM_RADIO,
    NM_SNAPSHOT,
    NM_WIFI_LIST,
    PHOTON,
    TEMP_UUID,
    FakeInterfaceTable,
    FakeRunner,
    StubDevice,
    device_left_by,
    fixture,
    network_manager_runner,
    nm_backend,
)

from setup_wizard.device.address import DeviceAddress
from setup_wizard.device.models import DeviceInfo
from setup_wizard.device.security import Security
from setup_wizard.network.choice import choose_backend
from setup_wizard.network.commands import CommandResult
from setup_wizard.network.errors import (
    AutomaticJoinUnavailable,
    JoinFailed,
    NetworkManagerNotRunning,
    NetworkNotFound,
    NotAuthorized,
    ScanUnavailable,
    WifiError,
    WifiOff,
)
from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.manual import ManualBackend
from setup_wizard.network.nmcli import (
    NetworkManagerBackend,
    check,
    nm_security,
    parse_active_connections,
    parse_added_uuid,
    parse_in_use,
    parse_wifi_list,
    split_terse,
)
from setup_wizard.network.wifi import NoticeKind, PhotonWifi, WifiNotice, WifiTiming

SSID = "Photon-7KQX"
RADIO, SNAPSHOT, ADD, JOIN = NM_RADIO, NM_SNAPSHOT, NM_ADD, NM_JOIN
BACK_HOME, DELETE, DEVICE_CONNECT = NM_BACK_HOME, NM_DELETE, NM_DEVICE_CONNECT
nm_runner = network_manager_runner


def session_calls(runner: FakeRunner) -> list[tuple[str, ...]]:
    """The calls that change or read state, with the add command shortened to its verb."""
    return [c[:3] if c[:3] == ADD else c for c in runner.calls]


def nm_wifi(
    runner: FakeRunner,
    journal: RestoreJournal,
    *,
    device: StubDevice | None = None,
    notices: list[WifiNotice] | None = None,
    timing: WifiTiming | None = None,
    table: FakeInterfaceTable | None = None,
) -> PhotonWifi:
    return PhotonWifi(
        nm_backend(runner),
        probe=device or device_left_by(runner, *NM_LEAVING),
        journal=journal,
        timing=timing or BRISK,
        interfaces=table or FakeInterfaceTable(),
        on_notice=None if notices is None else notices.append,
    )


# --- parsing -------------------------------------------------------------------------------


def test_terse_splitter_honours_escaped_colons_and_backslashes() -> None:
    assert split_terse(r"Café\: 2.4GHz \\ upstairs:70") == ["Café: 2.4GHz \\ upstairs", "70"]
    assert split_terse(r"9A\:3F\:12:82::11") == ["9A:3F:12", "82", "", "11"]
    assert split_terse("") == [""]


def test_wifi_list_keeps_odd_names_whole_and_each_network_once() -> None:
    networks = {n.ssid: n.signal for n in parse_wifi_list(fixture("nmcli/wifi_list.txt"))}

    assert networks["Café: 2.4GHz \\ upstairs"] == 70  # strongest of its two access points
    assert networks["back\\slash\\net"] == 55
    assert networks["Wohnzimmer WLAN 🦊"] == 61
    assert networks[" Leading and trailing spaces "] == 40
    assert "" not in networks  # a hidden network has no name to show
    assert len(parse_wifi_list(fixture("nmcli/wifi_list.txt"))) == len(networks)


def test_wifi_list_gives_each_network_its_security_in_the_photons_terms() -> None:
    networks = {n.ssid: n.security for n in parse_wifi_list(fixture("nmcli/wifi_list.txt"))}

    assert networks["Photon-7KQX"] is Security.OPEN  # nmcli leaves the column empty
    assert networks["Café: 2.4GHz \\ upstairs"] is Security.WPA2_MIXED_PSK
    assert networks["Wohnzimmer WLAN 🦊"] is Security.WPA2_MIXED_PSK  # WPA1 WPA2
    assert networks["back\\slash\\net"] is Security.WPA2_MIXED_PSK  # WPA2/WPA3 transition
    assert networks[" Leading and trailing spaces "] is Security.WEP_PSK
    assert networks["Old Office"] is Security.WPA_MIXED_PSK
    # Enterprise, whichever WPA: the flow refuses it as such.
    assert networks["Uni: eduroam"] is Security.WPA2_MIXED_ENT
    assert networks["Lab: Suite B"] is Security.WPA2_MIXED_ENT
    # WPA3 alone and Enhanced Open alone are beyond a Photon; the open half of an
    # Enhanced Open pair is open.
    assert networks["Photonic"] is Security.UNKNOWN
    assert networks["Airport Free"] is Security.UNKNOWN
    assert networks["Acme-2345"] is Security.OPEN


@pytest.mark.parametrize(
    ("words", "security"),
    [
        ("", Security.OPEN),
        ("WEP", Security.WEP_PSK),
        ("WPA1", Security.WPA_MIXED_PSK),
        ("WPA2", Security.WPA2_MIXED_PSK),
        ("WPA1 WPA2", Security.WPA2_MIXED_PSK),
        ("WPA2 WPA3", Security.WPA2_MIXED_PSK),
        ("WPA3", Security.UNKNOWN),
        ("OWE", Security.UNKNOWN),
        ("OWE-TM", Security.OPEN),
        ("WPA1 802.1X", Security.WPA_MIXED_ENT),
        ("WPA1 WPA2 802.1X", Security.WPA2_MIXED_ENT),
        ("WPA-EAP-SUITE-B-192", Security.WPA2_MIXED_ENT),
        ("WPA4", None),  # a word nmcli may learn later: not guessed
    ],
)
def test_security_column_words(words: str, security: Security | None) -> None:
    assert nm_security(words) == security


def test_the_access_point_in_use_names_the_current_network() -> None:
    listing = fixture("nmcli/wifi_list.txt")
    assert parse_in_use(listing) == "Café: 2.4GHz \\ upstairs"  # the SSID, colon and all
    assert parse_in_use(listing.replace("*:", " :")) is None  # not associated


def test_active_connection_name_with_colon_and_backslash_is_read_whole() -> None:
    wifi = [c for c in parse_active_connections(fixture("nmcli/active_connections.txt"))]
    assert wifi[1].uuid == HOME_UUID
    assert wifi[1].device == "wlp2s0"
    assert wifi[1].name == "Café: 2.4GHz \\ upstairs"


def test_uuid_of_the_added_connection_is_read_from_the_confirmation() -> None:
    assert parse_added_uuid(fixture("nmcli/connection_add.txt")) == TEMP_UUID
    with pytest.raises(AutomaticJoinUnavailable, match="join the Photon's network yourself"):
        parse_added_uuid(fixture("nmcli/connection_add_no_uuid.txt"))


@pytest.mark.parametrize(
    ("returncode", "stderr_fixture", "error"),
    [
        (10, "nmcli/connection_up_unknown.stderr", NetworkNotFound),
        (8, "nmcli/not_running.stderr", NetworkManagerNotRunning),
        (4, "nmcli/connection_up_activation_failed.stderr", JoinFailed),
        (3, "nmcli/connection_up_timeout.stderr", JoinFailed),
        (1, "nmcli/connection_add_not_authorized.stderr", NotAuthorized),
        (4, "nmcli/connection_up_not_authorized.stderr", NotAuthorized),
    ],
)
def test_exit_codes_and_polkit_refusals_become_typed_errors_with_advice(
    returncode: int, stderr_fixture: str, error: type[WifiError]
) -> None:
    result = CommandResult(returncode, "", fixture(stderr_fixture))
    with pytest.raises(error) as raised:
        check(result, doing="connect to “Photon-7KQX”")
    message = str(raised.value)
    assert "Error:" not in message  # plain words for the person; nmcli's text goes to detail
    assert raised.value.detail.startswith("Error:")


# --- choosing NetworkManager -----------------------------------------------------------------


async def test_auto_mode_on_linux_with_network_manager_joins_automatically() -> None:
    backend = await choose_backend(
        "auto", runner=nm_runner(), platform="linux", which=lambda _: "/usr/bin/nmcli", user="a"
    )
    assert isinstance(backend, NetworkManagerBackend)
    assert backend.interface == "wlp2s0"
    assert backend.capabilities.can_join
    assert backend.capabilities.can_scan


async def test_network_manager_not_running_means_joining_by_hand_and_says_why() -> None:
    runner = FakeRunner().on("nmcli", returncode=8, stderr=fixture("nmcli/not_running.stderr"))
    backend = await choose_backend(
        "auto", runner=runner, platform="linux", which=lambda _: "/usr/bin/nmcli", user="a"
    )
    assert isinstance(backend, ManualBackend)
    assert backend.capabilities.why_not == (
        "NetworkManager is not running, so you'll join the Photon's network yourself."
    )


async def test_a_user_network_manager_refuses_joins_by_hand() -> None:
    runner = nm_runner().on(
        "nmcli", "-t", "-f", "PERMISSION,VALUE",
        stdout=fixture("nmcli/permissions_inactive_session.txt"),
    )  # fmt: skip
    backend = await choose_backend(
        "auto", runner=runner, platform="linux", which=lambda _: "/usr/bin/nmcli", user="a"
    )
    assert not backend.capabilities.can_join
    assert "does not allow this user" in (backend.capabilities.why_not or "")


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        # Unavailable with the radio on: missing firmware, say; nothing the person can
        # switch on. (Unavailable with the radio off: see the Wi-Fi-off tests below.)
        ("nmcli/device_status_wifi_off.txt", "not ready"),
        ("nmcli/device_status_no_wifi.txt", "no Wi-Fi adapter"),
    ],
)
async def test_no_usable_wifi_adapter_joins_by_hand(status: str, reason: str) -> None:
    runner = nm_runner().on("nmcli", "-t", "-f", "DEVICE,TYPE,STATE", stdout=fixture(status))
    backend = await choose_backend(
        "auto", runner=runner, platform="linux", which=lambda _: "/usr/bin/nmcli", user="a"
    )
    assert not backend.capabilities.can_join
    assert reason in (backend.capabilities.why_not or "")


# --- Wi-Fi switched off ------------------------------------------------------------------------


def wifi_off_runner(radio: str = "nmcli/radio_wifi_off.txt") -> FakeRunner:
    return (
        nm_runner()
        .on(
            "nmcli",
            "-t",
            "-f",
            "DEVICE,TYPE,STATE",
            stdout=fixture("nmcli/device_status_wifi_off.txt"),
        )
        .on(*RADIO, stdout=fixture(radio))
    )


async def test_wifi_switched_off_asks_the_person_to_turn_it_on_and_changes_nothing(
    journal: RestoreJournal,
) -> None:
    runner = wifi_off_runner()
    backend = await choose_backend(
        "auto", runner=runner, platform="linux", which=lambda _: "/usr/bin/nmcli", user="alice"
    )
    # Still the automatic path: once Wi-Fi is on again, joining works by itself.
    assert isinstance(backend, NetworkManagerBackend)
    assert backend.interface == "wlp2s0"
    wifi = PhotonWifi(backend, probe=StubDevice(), journal=journal, timing=BRISK)
    runner.calls.clear()

    with pytest.raises(WifiOff, match=r"Wi-Fi is turned off on this computer\. Turn it on in"):
        await wifi.find_photons()
    with pytest.raises(WifiOff, match="Turn it on in the network menu of your desktop"):
        async with wifi.photon_session(SSID):
            pytest.fail("must not start")

    assert runner.calls == [RADIO, RADIO]  # looked, and touched nothing (no "radio wifi on")
    assert not journal.path.exists()
    assert wifi.last_restore is not None
    assert wifi.last_restore.message == "Your Wi-Fi was not changed."


async def test_a_hardware_switch_is_named_when_it_is_what_turned_wifi_off(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(*RADIO, stdout=fixture("nmcli/radio_hardware_off.txt"))
    with pytest.raises(WifiOff, match="Wi-Fi key or switch on the computer"):
        async with nm_wifi(runner, journal).photon_session(SSID):
            pytest.fail("must not start")
    assert runner.calls == [RADIO]


async def test_without_nmcli_installed_nothing_runs_and_the_person_joins_by_hand() -> None:
    runner = FakeRunner()
    backend = await choose_backend("auto", runner=runner, platform="linux", which=lambda _: None)
    assert not backend.capabilities.can_join
    assert "nmcli" in (backend.capabilities.why_not or "")
    assert runner.calls == []


# --- scanning ------------------------------------------------------------------------------


async def test_find_photons_lists_4_and_6_character_codes_strongest_first(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner()
    photons = await nm_wifi(runner, journal).find_photons()

    assert [p.ssid for p in photons] == ["Photon-7KQX", "Photon-A2B4C6", "photon-h3rz"]
    assert runner.calls == [RADIO, (*NM_WIFI_LIST, "ifname", "wlp2s0", "--rescan", "auto")]


async def test_nearby_networks_leave_the_photons_out_and_keep_their_security(
    journal: RestoreJournal,
) -> None:
    nearby = await nm_wifi(nm_runner(), journal).nearby_networks()

    assert [n.ssid for n in nearby][:3] == [
        "Café: 2.4GHz \\ upstairs",
        "Wohnzimmer WLAN 🦊",
        "back\\slash\\net",
    ]
    assert not [n for n in nearby if n.ssid.lower().startswith("photon-")]
    assert "Photonic" in [n.ssid for n in nearby]  # no code after "Photon-": a network
    assert nearby[0].security is Security.WPA2_MIXED_PSK


async def test_the_current_network_is_read_from_the_list_without_a_rescan(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner()
    assert await nm_wifi(runner, journal).current_network() == "Café: 2.4GHz \\ upstairs"
    assert runner.calls == [(*NM_WIFI_LIST, "ifname", "wlp2s0", "--rescan", "no")]


async def test_with_wifi_off_the_nearby_list_asks_for_the_name_instead(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(*RADIO, stdout=fixture("nmcli/radio_wifi_off.txt"))
    with pytest.raises(ScanUnavailable, match="Type the name of the network the Photon"):
        await nm_wifi(runner, journal).nearby_networks()
    assert runner.calls == [RADIO]  # the radio is left as it is


# --- sessions ------------------------------------------------------------------------------


async def test_session_snapshots_joins_and_restores_in_order(journal: RestoreJournal) -> None:
    runner = nm_runner()
    device = device_left_by(runner, *NM_LEAVING)
    wifi = nm_wifi(runner, journal, device=device)

    async with wifi.photon_session(SSID) as address:
        assert address == PHOTON
        assert journal.path.exists()  # written before the computer left its network
        during = len(runner.calls)

    assert session_calls(runner) == [RADIO, SNAPSHOT, ADD, JOIN, BACK_HOME, DELETE]
    assert during == 4
    assert device.probed
    assert all(a == PHOTON for a in device.probed)
    assert not journal.path.exists()
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete
    assert wifi.last_restore.message == (
        "Reconnected to “Café: 2.4GHz \\ upstairs”. Removed the temporary Photon connection."
    )


async def test_temporary_profile_is_private_never_autoconnects_and_keeps_the_default_route(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner()
    async with nm_wifi(runner, journal).photon_session(SSID):
        pass
    (add,) = runner.calls_starting(*ADD)
    settings = dict(zip(add[3::2], add[4::2], strict=True))
    assert settings["ssid"] == SSID
    assert settings["ifname"] == "wlp2s0"
    assert settings["connection.permissions"] == "user:alice"
    assert settings["connection.autoconnect"] == "no"
    assert settings["ipv4.never-default"] == "yes"
    assert settings["connection.uuid"] == TEMP_UUID  # chosen by us, journalled before the add


async def test_the_photon_profile_routes_before_any_other_link_on_the_same_subnet(
    journal: RestoreJournal,
) -> None:
    # An Ethernet link to a home router on 192.168.0.0/24 has metric 100 (Wi-Fi 600, VPN
    # 50, loopback 30: NetworkManager's defaults); the Photon's /24 must win over it.
    runner = nm_runner()
    async with nm_wifi(runner, journal).photon_session(SSID):
        pass
    (add,) = runner.calls_starting(*ADD)
    settings = dict(zip(add[3::2], add[4::2], strict=True))
    assert int(settings["ipv4.route-metric"]) < 30


async def test_failure_inside_the_session_still_restores_and_propagates(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner()
    with pytest.raises(RuntimeError, match="device said no"):
        async with nm_wifi(runner, journal).photon_session(SSID):
            raise RuntimeError("device said no")
    assert session_calls(runner)[-2:] == [BACK_HOME, DELETE]
    assert not journal.path.exists()


async def test_cancelling_mid_session_restores_then_the_cancellation_propagates(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner()
    inside = asyncio.Event()

    async def work() -> None:
        async with nm_wifi(runner, journal).photon_session(SSID):
            inside.set()
            await asyncio.Event().wait()  # the SoftAP work, interrupted

    task = asyncio.create_task(work())
    await inside.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert session_calls(runner)[-2:] == [BACK_HOME, DELETE]
    assert not journal.path.exists()


async def test_a_second_cancel_during_the_restore_does_not_cut_it_short(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner()
    inside = asyncio.Event()

    async def work() -> None:
        async with nm_wifi(runner, journal).photon_session(SSID):
            inside.set()
            await asyncio.Event().wait()

    task = asyncio.create_task(work())
    await inside.wait()
    runner.gate = asyncio.Event()  # the restore's first command will hang until opened
    task.cancel()
    await runner.blocked.wait()
    task.cancel()  # impatient second cancel (e.g. the window closes) while restoring
    runner.gate.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert session_calls(runner)[-2:] == [BACK_HOME, DELETE]


async def test_activation_failure_restores_previous_connection_and_reports(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(
        *JOIN, returncode=4, stderr=fixture("nmcli/connection_up_activation_failed.stderr")
    )
    with pytest.raises(JoinFailed, match="blinking dark blue"):
        async with nm_wifi(runner, journal).photon_session(SSID):
            pytest.fail("the session must not start when joining failed")
    assert session_calls(runner) == [RADIO, SNAPSHOT, ADD, JOIN, BACK_HOME, DELETE]


def photon_until_deleted(runner: FakeRunner) -> FakeRunner:
    """NetworkManager's view while the Photon's profile exists: that profile is what is
    active (and what ``device connect`` would pick); after the delete, the home network."""

    def deleted() -> None:
        runner.on(*SNAPSHOT, stdout=fixture("nmcli/active_connections.txt"))

    runner.on(*SNAPSHOT, stdout=fixture("nmcli/active_connections_on_photon.txt"))
    return runner.when(*DELETE, then=deleted)


async def test_when_the_previous_connection_cannot_come_back_nm_picks_only_once_the_photon_is_gone(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(
        *BACK_HOME, returncode=10, stderr=fixture("nmcli/connection_up_unknown.stderr")
    )
    wifi = nm_wifi(runner, journal)
    async with wifi.photon_session(SSID):
        photon_until_deleted(runner)
    # The profile goes first: else "device connect" may well pick the Photon again. Then
    # the report is made from what is really active.
    assert session_calls(runner)[-4:] == [BACK_HOME, DELETE, DEVICE_CONNECT, SNAPSHOT]
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete
    assert wifi.last_restore.message == (
        "Reconnected to “Café: 2.4GHz \\ upstairs”. Removed the temporary Photon connection."
    )


async def test_another_saved_network_is_not_reported_as_the_previous_one(
    journal: RestoreJournal, notices: list[WifiNotice]
) -> None:
    runner = nm_runner().on(
        *BACK_HOME, returncode=10, stderr=fixture("nmcli/connection_up_unknown.stderr")
    )
    wifi = nm_wifi(runner, journal, notices=notices)
    async with wifi.photon_session(SSID):
        runner.on(*SNAPSHOT, stdout=fixture("nmcli/active_connections_other_wifi.txt"))
    report = wifi.last_restore
    assert report is not None
    assert report.actions == ("Removed the temporary Photon connection.",)
    assert report.problems == (
        "Could not reconnect to “Café: 2.4GHz \\ upstairs”; Wi-Fi is on “Nachbar Gast” instead. "
        "If you need “Café: 2.4GHz \\ upstairs”, choose it in the system Wi-Fi menu.",
    )
    assert not report.user_action_needed  # on a network, just not the usual one
    assert "Reconnected" not in report.message


async def test_no_network_at_all_after_the_restore_asks_the_person_to_rejoin(
    journal: RestoreJournal, notices: list[WifiNotice]
) -> None:
    runner = nm_runner().on(
        *BACK_HOME, returncode=10, stderr=fixture("nmcli/connection_up_unknown.stderr")
    )
    runner.on(*DEVICE_CONNECT, returncode=4, stderr="Error: Connection activation failed.\n")
    wifi = nm_wifi(runner, journal, notices=notices)
    async with wifi.photon_session(SSID):
        pass
    assert session_calls(runner)[-3:] == [BACK_HOME, DELETE, DEVICE_CONNECT]
    report = wifi.last_restore
    assert report is not None
    assert report.user_action_needed
    assert report.problems[0] == (
        "Could not reconnect to “Café: 2.4GHz \\ upstairs”: choose it in the system Wi-Fi menu."
    )
    assert notices[-1].kind is NoticeKind.REJOIN_BY_HAND


async def test_a_vpn_on_the_wifi_device_is_not_the_network_to_go_back_to(
    journal: RestoreJournal,
) -> None:
    # The VPN (listed first, on wlp2s0 too) would be brought "up" over the Photon's network.
    runner = nm_runner().on(*SNAPSHOT, stdout=fixture("nmcli/active_connections_vpn.txt"))
    wifi = nm_wifi(runner, journal)
    async with wifi.photon_session(SSID):
        note = await journal.load()
        assert note is not None
        assert (note.previous, note.previous_label) == (HOME_UUID, "Café: 2.4GHz \\ upstairs")
    assert session_calls(runner)[-2:] == [BACK_HOME, DELETE]


async def test_computer_not_on_wifi_before_only_loses_the_temporary_profile(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(*SNAPSHOT, stdout=fixture("nmcli/active_connections_wired_only.txt"))
    async with nm_wifi(runner, journal).photon_session(SSID):
        pass
    assert session_calls(runner) == [RADIO, SNAPSHOT, ADD, JOIN, DELETE]


async def test_polkit_refusal_switches_to_joining_by_hand_without_touching_wifi(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(
        *ADD, returncode=1, stderr=fixture("nmcli/connection_add_not_authorized.stderr")
    )
    notices: list[WifiNotice] = []
    wifi = nm_wifi(runner, journal, device=StubDevice(), notices=notices)  # joined by hand

    async with wifi.photon_session(SSID) as address:
        assert address == PHOTON

    # The add was refused, but a profile named in the journal is deleted in any case.
    assert session_calls(runner) == [RADIO, SNAPSHOT, ADD, DELETE]
    kinds = [n.kind for n in notices]
    assert kinds[:3] == [
        NoticeKind.JOINING,
        NoticeKind.SWITCHED_TO_MANUAL,
        NoticeKind.JOIN_BY_HAND,
    ]
    assert kinds[-1] is NoticeKind.REJOIN_BY_HAND
    assert "not authorized" in notices[1].message
    assert "Photon-7KQX" in notices[2].message
    assert wifi.joins_by_hand  # and for the next device too
    assert not journal.path.exists()


async def test_refusal_at_activation_removes_the_profile_it_had_created(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(
        *JOIN, returncode=4, stderr=fixture("nmcli/connection_up_not_authorized.stderr")
    )
    async with nm_wifi(runner, journal, device=StubDevice()).photon_session(SSID):  # by hand
        pass
    assert session_calls(runner) == [RADIO, SNAPSHOT, ADD, JOIN, DELETE]
    assert not journal.path.exists()


# --- the temporary profile never leaks ---------------------------------------------------------

PLANNED_UUID = "5d41402a-bc4b-4a76-b971-9d911017c592"


async def test_journal_names_the_profile_before_it_is_added_so_a_cancel_there_deletes_it(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner()
    runner.gate = asyncio.Event()
    runner.gate.set()
    wifi = nm_wifi(runner, journal)

    async def adding() -> None:
        async with wifi.photon_session(SSID):
            pytest.fail("must not start")

    runner.when(*SNAPSHOT, then=runner.gate.clear)  # the next command (the add) hangs
    task = asyncio.create_task(adding())
    await runner.blocked.wait()
    assert session_calls(runner) == [RADIO, SNAPSHOT, ADD]
    note = await journal.load()
    assert note is not None
    assert note.temporary_profile == TEMP_UUID
    task.cancel()  # e.g. the window closes while nmcli adds the profile
    runner.gate.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert session_calls(runner) == [RADIO, SNAPSHOT, ADD, DELETE]
    assert not journal.path.exists()
    assert wifi.last_restore is not None
    assert wifi.last_restore.message == "Your Wi-Fi was not changed."


async def test_recovery_of_a_profile_never_added_leaves_the_computer_where_it_is(
    journal: RestoreJournal,
) -> None:
    # The journal as written before the add: the process died before (or during) it, and
    # the computer is still on its own network.
    runner = nm_runner().on(
        *DELETE, returncode=10, stderr=fixture("nmcli/connection_delete_unknown.stderr")
    )
    backend = nm_backend(runner)
    await journal.save(await backend.snapshot(SSID))
    runner.calls.clear()
    wifi = PhotonWifi(backend, probe=StubDevice(answering=False), journal=journal, timing=BRISK)
    assert await wifi.recover() is None  # nothing was left, nothing to say
    assert runner.calls == [SNAPSHOT, DELETE]  # no "connection up": it is home already
    assert not journal.path.exists()


async def test_network_manager_before_1_42_picks_the_uuid_itself_and_it_is_read_back(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(
        *ADD, returncode=2, stderr=fixture("nmcli/connection_add_uuid_read_only.stderr"),
        once=True,
    )  # fmt: skip
    wifi = PhotonWifi(
        NetworkManagerBackend(runner, "wlp2s0", user="alice", new_uuid=lambda: PLANNED_UUID),
        probe=device_left_by(runner, *NM_LEAVING),
        journal=journal,
        timing=BRISK,
    )
    async with wifi.photon_session(SSID):
        note = await journal.load()
        assert note is not None
        assert note.temporary_profile == TEMP_UUID  # the one nmcli chose, journalled again
    first_add, second_add = runner.calls_starting(*ADD)
    assert first_add[-2:] == ("connection.uuid", PLANNED_UUID)
    assert "connection.uuid" not in second_add
    assert runner.calls[-3:] == [JOIN, BACK_HOME, DELETE]
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete


async def test_an_added_profile_whose_uuid_is_unknown_is_deleted_by_name_then_by_hand(
    journal: RestoreJournal, notices: list[WifiNotice]
) -> None:
    runner = nm_runner().on(*ADD, stdout=fixture("nmcli/connection_add_no_uuid.txt"), once=True)
    runner.on(
        *ADD, returncode=2, stderr=fixture("nmcli/connection_add_uuid_read_only.stderr"),
        once=True,
    )  # fmt: skip
    runner.on("nmcli", "connection", "delete", "id", stdout=fixture("nmcli/connection_delete.txt"))
    # The person then joins by hand, so the device answers whatever was deleted.
    wifi = nm_wifi(runner, journal, device=StubDevice(), notices=notices)
    async with wifi.photon_session(SSID):
        pass
    assert session_calls(runner) == [
        RADIO,
        SNAPSHOT,
        ADD,
        ADD,
        ("nmcli", "connection", "delete", "id", "Photon Setup (Photon-7KQX)"),
        DELETE,  # the UUID the journal held, in case
    ]
    assert NoticeKind.SWITCHED_TO_MANUAL in [n.kind for n in notices]
    assert "did not say its ID" in notices[1].message
    assert wifi.joins_by_hand
    assert not journal.path.exists()


# --- sessions that end before anything changed --------------------------------------------------


async def test_a_failed_snapshot_says_the_wifi_was_not_changed(
    journal: RestoreJournal, notices: list[WifiNotice]
) -> None:
    runner = nm_runner().on(*SNAPSHOT, returncode=1, stderr="Error: something went wrong.\n")
    wifi = nm_wifi(runner, journal, notices=notices)
    with pytest.raises(WifiError, match="could not read the current connection"):
        async with wifi.photon_session(SSID):
            pytest.fail("must not start")
    assert runner.calls == [RADIO, SNAPSHOT]
    assert wifi.last_restore is not None
    assert wifi.last_restore.message == "Your Wi-Fi was not changed."
    assert not wifi.last_restore.user_action_needed
    assert NoticeKind.REJOIN_BY_HAND not in [n.kind for n in notices]


async def test_a_cancelled_snapshot_says_the_wifi_was_not_changed(
    journal: RestoreJournal, notices: list[WifiNotice]
) -> None:
    runner = nm_runner()
    runner.gate = asyncio.Event()  # the snapshot (its first command) hangs
    wifi = nm_wifi(runner, journal, notices=notices)

    async def session() -> None:
        async with wifi.photon_session(SSID):
            pytest.fail("must not start")

    task = asyncio.create_task(session())
    await runner.blocked.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert runner.calls == [RADIO]
    assert wifi.last_restore is not None
    assert wifi.last_restore.message == "Your Wi-Fi was not changed."
    assert not wifi.last_restore.user_action_needed
    assert NoticeKind.REJOIN_BY_HAND not in [n.kind for n in notices]


# --- never back to a Photon ----------------------------------------------------------------------


async def test_a_leftover_photon_profile_of_ours_is_not_the_network_to_go_back_to(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(
        *SNAPSHOT, stdout=fixture("nmcli/active_connections_leftover_photon.txt")
    )
    wifi = nm_wifi(runner, journal)
    async with wifi.photon_session(SSID):
        pass
    # No "connection up" of the old Photon profile: NetworkManager picks a saved network.
    assert session_calls(runner) == [RADIO, SNAPSHOT, ADD, JOIN, DELETE]
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete


async def test_a_computer_still_answered_by_the_photon_after_the_restore_is_told_to_leave(
    journal: RestoreJournal, notices: list[WifiNotice]
) -> None:
    device = StubDevice()  # e.g. NetworkManager went back to the Photon, still listening
    wifi = nm_wifi(nm_runner(), journal, device=device, notices=notices)
    async with wifi.photon_session(SSID):
        pass
    report = await wifi.confirm_left()
    assert report is not None
    assert report.user_action_needed
    assert report.problems == (
        "This computer is still on the Photon's network “Photon-7KQX”: choose "
        "Café: 2.4GHz \\ upstairs in the network menu of your desktop (usually top or bottom "
        "right).",
    )
    assert notices[-1].kind is NoticeKind.REJOIN_BY_HAND


async def test_the_session_ends_without_waiting_for_the_check_that_the_photon_went_quiet(
    journal: RestoreJournal,
) -> None:
    """That check overlaps the wait for the internet: leaving the session does not wait for
    it (here it could never finish: after the restore the probe neither answers nor fails)."""
    device = StubDevice()
    never = asyncio.Event()

    async def probe(
        address: DeviceAddress,
        *,
        timeout: float = 3.0,  # noqa: ASYNC109 - the probe's signature
    ) -> DeviceInfo | None:
        if not device.answering:
            await never.wait()
        return await device(address, timeout=timeout)

    runner = nm_runner()
    runner.when(*NM_BACK_HOME, then=device.leave)
    wifi = PhotonWifi(
        nm_backend(runner),
        probe=probe,
        journal=journal,
        timing=WifiTiming(leave_check=3600, poll_interval=0.01),
        interfaces=FakeInterfaceTable(),
    )
    async with wifi.photon_session(SSID):
        pass
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete
    check = asyncio.ensure_future(wifi.confirm_left())
    await asyncio.sleep(0)
    assert not check.done(), "the check is still running: it was not part of leaving"
    check.cancel()  # as the flow does once the internet is back
    with pytest.raises(asyncio.CancelledError):
        await check
