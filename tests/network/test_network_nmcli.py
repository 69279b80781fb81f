"""NetworkManager: nmcli parsing, exit codes, and the command sequence of a Photon session."""

from __future__ import annotations

import asyncio

import pytest
from network_fakes import (
    HOME_UUID,
    NM_ADD,
    NM_BACK_HOME,
    NM_DELETE,
    NM_DEVICE_CONNECT,
    NM_JOIN,
    NM_SNAPSHOT,
    PHOTON,
    TEMP_UUID,
    FakeRunner,
    StubDevice,
    fixture,
    network_manager_runner,
)

from setup_wizard.network.choice import choose_backend
from setup_wizard.network.commands import CommandResult
from setup_wizard.network.errors import (
    JoinFailed,
    NetworkManagerNotRunning,
    NetworkNotFound,
    NotAuthorized,
    WifiError,
)
from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.manual import ManualBackend
from setup_wizard.network.nmcli import (
    NetworkManagerBackend,
    check,
    parse_active_connections,
    parse_added_uuid,
    parse_wifi_list,
    split_terse,
)
from setup_wizard.network.wifi import NoticeKind, PhotonWifi, WifiNotice, WifiTiming

SSID = "Photon-7KQX"
SNAPSHOT, ADD, JOIN = NM_SNAPSHOT, NM_ADD, NM_JOIN
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
) -> PhotonWifi:
    return PhotonWifi(
        NetworkManagerBackend(runner, "wlp2s0", user="alice"),
        probe=device or StubDevice(),
        journal=journal,
        timing=timing,
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


def test_active_connection_name_with_colon_and_backslash_is_read_whole() -> None:
    wifi = [c for c in parse_active_connections(fixture("nmcli/active_connections.txt"))]
    assert wifi[1].uuid == HOME_UUID
    assert wifi[1].device == "wlp2s0"
    assert wifi[1].name == "Café: 2.4GHz \\ upstairs"


def test_uuid_of_the_added_connection_is_read_from_the_confirmation() -> None:
    assert parse_added_uuid(fixture("nmcli/connection_add.txt")) == TEMP_UUID


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
        ("nmcli/device_status_wifi_off.txt", "Wi-Fi is switched off"),
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
    assert runner.calls == [
        (
            "nmcli", "-t", "-f", "SSID,SIGNAL", "device", "wifi", "list",
            "ifname", "wlp2s0", "--rescan", "auto",
        )
    ]  # fmt: skip


# --- sessions ------------------------------------------------------------------------------


async def test_session_snapshots_joins_and_restores_in_order(journal: RestoreJournal) -> None:
    runner = nm_runner()
    device = StubDevice()
    wifi = nm_wifi(runner, journal, device=device)

    async with wifi.photon_session(SSID) as address:
        assert address == PHOTON
        assert journal.path.exists()  # written before the computer left its network
        during = len(runner.calls)

    assert session_calls(runner) == [SNAPSHOT, ADD, JOIN, BACK_HOME, DELETE]
    assert during == 3
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
    assert session_calls(runner) == [SNAPSHOT, ADD, JOIN, BACK_HOME, DELETE]


async def test_when_the_previous_connection_cannot_come_back_nm_picks_a_saved_one(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(
        *BACK_HOME, returncode=10, stderr=fixture("nmcli/connection_up_unknown.stderr")
    )
    wifi = nm_wifi(runner, journal)
    async with wifi.photon_session(SSID):
        pass
    assert session_calls(runner)[-3:] == [BACK_HOME, DEVICE_CONNECT, DELETE]
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete


async def test_computer_not_on_wifi_before_only_loses_the_temporary_profile(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(*SNAPSHOT, stdout=fixture("nmcli/active_connections_wired_only.txt"))
    async with nm_wifi(runner, journal).photon_session(SSID):
        pass
    assert session_calls(runner) == [SNAPSHOT, ADD, JOIN, DELETE]


async def test_polkit_refusal_switches_to_joining_by_hand_without_touching_wifi(
    journal: RestoreJournal,
) -> None:
    runner = nm_runner().on(
        *ADD, returncode=1, stderr=fixture("nmcli/connection_add_not_authorized.stderr")
    )
    notices: list[WifiNotice] = []
    wifi = nm_wifi(runner, journal, notices=notices)

    async with wifi.photon_session(SSID) as address:
        assert address == PHOTON

    assert session_calls(runner) == [SNAPSHOT, ADD]  # nothing to undo: the add was refused
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
    async with nm_wifi(runner, journal).photon_session(SSID):
        pass
    assert session_calls(runner) == [SNAPSHOT, ADD, JOIN, DELETE]
    assert not journal.path.exists()
