"""The session's promises that hold for every backend: detection, manual joining, the
internet coming back, and giving the Wi-Fi back even after a crash."""

from __future__ import annotations

import asyncio
import json
import sys
from ipaddress import IPv4Address
from pathlib import Path

import pytest
from network_fakes import (
    BRISK,
    HOME_UUID,
    NM_BACK_HOME,
    NM_DELETE,
    NM_LEAVING,
    NM_SNAPSHOT,
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

from setup_wizard.network.backend import (
    BackendKind,
    Capabilities,
    RestorePoint,
    RestoreReport,
    WifiBackend,
)
from setup_wizard.network.choice import journal_backend
from setup_wizard.network.errors import DeviceNotFound, InvalidNetworkName
from setup_wizard.network.interfaces import InterfaceAddress
from setup_wizard.network.journal import RestoreJournal
from setup_wizard.network.macos import MacWifiBackend
from setup_wizard.network.manual import ManualBackend
from setup_wizard.network.nmcli import NetworkManagerBackend
from setup_wizard.network.wifi import (
    NoticeKind,
    PhotonWifi,
    WifiNotice,
    WifiTiming,
    finish_even_if_cancelled,
)
from setup_wizard.network.windows import WindowsWifiBackend

CHILD = Path(__file__).parent / "network_crash_child.py"


def manual_wifi(
    journal: RestoreJournal,
    device: StubDevice,
    *,
    timing: WifiTiming,
    notices: list[WifiNotice] | None = None,
    table: FakeInterfaceTable | None = None,
) -> PhotonWifi:
    return PhotonWifi(
        ManualBackend(),
        probe=device,
        journal=journal,
        timing=timing,
        interfaces=table or FakeInterfaceTable(),
        on_notice=None if notices is None else notices.append,
        platform="darwin",
    )


# --- joining by hand -------------------------------------------------------------------------


async def test_manual_mode_tells_what_to_join_and_continues_when_the_device_answers(
    journal: RestoreJournal, notices: list[WifiNotice]
) -> None:
    device = StubDevice(answering=False)
    slow = WifiTiming(manual_timeout=60.0, poll_interval=30.0)  # only "check now" can hurry it
    wifi = manual_wifi(journal, device, timing=slow, notices=notices)

    async def join_by_hand() -> None:
        await device.first_probe.wait()  # the app is polling; the person joins the network…
        device.answering = True
        wifi.check_now()  # …and clicks "I've joined"

    helper = asyncio.create_task(join_by_hand())
    async with asyncio.timeout(10), wifi.photon_session("Photon-7KQX") as address:
        assert address == PHOTON
    await helper

    assert notices[0].kind is NoticeKind.JOIN_BY_HAND
    assert "“Photon-7KQX”" in notices[0].message
    assert "menu bar" in notices[0].message
    assert "no password" in notices[0].message
    assert notices[-1].kind is NoticeKind.REJOIN_BY_HAND
    assert wifi.last_restore is not None
    assert wifi.last_restore.user_action_needed
    assert wifi.last_device_info is not None
    assert wifi.last_device_info.device_id == "3a0021000447343233323032"
    assert not journal.path.exists()  # nothing to restore automatically, so nothing written


async def test_manual_mode_without_a_name_asks_for_any_photon_network(
    journal: RestoreJournal, notices: list[WifiNotice], fast: WifiTiming
) -> None:
    wifi = manual_wifi(journal, StubDevice(), timing=fast, notices=notices)
    async with wifi.photon_session():
        pass
    assert "whose name starts with “Photon-”" in notices[0].message


async def test_no_answer_and_no_photon_address_says_the_computer_is_not_joined(
    journal: RestoreJournal, fast: WifiTiming
) -> None:
    table = FakeInterfaceTable([InterfaceAddress("wlp2s0", IPv4Address("10.0.0.7"))])
    wifi = manual_wifi(journal, StubDevice(answering=False), timing=fast, table=table)
    with pytest.raises(DeviceNotFound) as raised:
        async with wifi.photon_session("Photon-7KQX"):
            pytest.fail("must not start")
    assert "no address from the Photon's network (192.168.0.0/24)" in str(raised.value)
    assert "blinks dark blue" in str(raised.value)


async def test_no_answer_on_a_192_168_0_address_warns_of_a_router_using_the_same_range(
    journal: RestoreJournal, fast: WifiTiming
) -> None:
    table = FakeInterfaceTable(
        [
            InterfaceAddress("lo", IPv4Address("127.0.0.1")),
            InterfaceAddress("wlp2s0", IPv4Address("192.168.0.23")),
        ]
    )
    wifi = manual_wifi(journal, StubDevice(answering=False), timing=fast, table=table)
    with pytest.raises(DeviceNotFound) as raised:
        async with wifi.photon_session("Photon-7KQX"):
            pytest.fail("must not start")
    assert "192.168.0.23 on “wlp2s0”" in str(raised.value)
    assert "router may use the same addresses" in str(raised.value)


async def test_a_192_168_0_address_alone_is_not_taken_for_the_photon(
    journal: RestoreJournal, fast: WifiTiming
) -> None:
    table = FakeInterfaceTable([InterfaceAddress("wlp2s0", IPv4Address("192.168.0.23"))])
    device = StubDevice(answering=False)
    with pytest.raises(DeviceNotFound):
        async with manual_wifi(journal, device, timing=fast, table=table).photon_session():
            pytest.fail("a subnet match without a device answer must not count")
    assert len(device.probed) > 1  # it kept asking the device until the deadline


# --- the internet coming back ----------------------------------------------------------------


async def test_waiting_for_the_internet_returns_once_the_probe_succeeds(
    journal: RestoreJournal, notices: list[WifiNotice], fast: WifiTiming
) -> None:
    answers = iter([False, False, True])
    asked: list[bool] = []

    async def internet() -> bool:
        asked.append(True)
        return next(answers)

    wifi = PhotonWifi(
        ManualBackend(), journal=journal, timing=fast, internet_probe=internet,
        on_notice=notices.append,
    )  # fmt: skip
    assert await wifi.wait_for_internet(timeout=10)
    assert len(asked) == 3
    assert notices[-1].kind is NoticeKind.INTERNET_BACK


async def test_waiting_for_the_internet_gives_up_with_false(
    journal: RestoreJournal, fast: WifiTiming
) -> None:
    async def offline() -> bool:
        return False

    wifi = PhotonWifi(ManualBackend(), journal=journal, timing=fast, internet_probe=offline)
    assert not await wifi.wait_for_internet()


# --- misuse ----------------------------------------------------------------------------------


async def test_automatic_join_needs_a_network_name(journal: RestoreJournal) -> None:
    wifi = PhotonWifi(
        NetworkManagerBackend(FakeRunner(), "wlp2s0", user="alice"),
        probe=StubDevice(),
        journal=journal,
    )
    with pytest.raises(ValueError, match="choose the Photon's network"):
        async with wifi.photon_session():
            pytest.fail("must not start")


async def test_one_session_at_a_time(journal: RestoreJournal, fast: WifiTiming) -> None:
    wifi = manual_wifi(journal, StubDevice(), timing=fast)
    async with wifi.photon_session("Photon-7KQX"):
        with pytest.raises(RuntimeError, match="already open"):
            async with wifi.photon_session("Photon-A2B4C6"):
                pytest.fail("must not start")
    async with wifi.photon_session("Photon-A2B4C6"):
        pass  # and the next one is fine


# --- restore that runs to its end --------------------------------------------------------------


async def test_finish_even_if_cancelled_completes_the_work_then_propagates() -> None:
    started, release = asyncio.Event(), asyncio.Event()
    finished: list[str] = []

    async def restore() -> str:
        started.set()
        await release.wait()
        finished.append("restored")
        return "done"

    task = asyncio.create_task(finish_even_if_cancelled(restore()))
    await started.wait()
    task.cancel()
    task.cancel()
    await asyncio.sleep(0)
    assert not task.done()  # still restoring despite two cancels
    release.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert finished == ["restored"]


class ExplodingRestore(WifiBackend):
    """A backend whose restore hits a bug: the session must report, not raise from finally."""

    kind = BackendKind.SIMULATED

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(can_scan=False, can_join=True)

    async def snapshot(self, photon_ssid: str) -> RestorePoint:
        return RestorePoint(self.kind, photon_ssid, previous="Home")

    async def join(self, point: RestorePoint) -> None:
        return None

    async def restore(self, point: RestorePoint) -> RestoreReport:
        raise KeyError("bug")


async def test_a_restore_bug_neither_hides_the_real_error_nor_loses_the_journal(
    journal: RestoreJournal,
) -> None:
    wifi = PhotonWifi(ExplodingRestore(), probe=StubDevice(), journal=journal, platform="win32")
    with pytest.raises(RuntimeError, match="the real problem"):
        async with wifi.photon_session("Photon-7KQX"):
            raise RuntimeError("the real problem")
    assert wifi.last_restore is not None
    assert wifi.last_restore.problems == (
        "Could not give the Wi-Fi back automatically: choose Home in the network icon in the "
        "taskbar (bottom right).",
    )
    assert journal.path.exists()  # so the next start tries again


# --- crash recovery ----------------------------------------------------------------------------


async def test_journal_left_by_a_crashed_process_is_recovered_by_the_next_start(
    journal: RestoreJournal,
) -> None:
    child = await asyncio.create_subprocess_exec(
        sys.executable, str(CHILD), str(journal.folder),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await child.communicate()
    assert child.returncode == 17, err.decode()
    assert "connection up uuid " + TEMP_UUID in out.decode()  # it had joined the Photon

    note = json.loads(journal.path.read_text(encoding="utf-8"))
    assert note["backend"] == "networkmanager"
    assert note["previous"] == HOME_UUID
    assert note["temporary_profile"] == TEMP_UUID
    assert note["interface"] == "wlp2s0"
    assert note["photon_ssid"] == "Photon-7KQX"

    runner = network_manager_runner()  # the new process: a fresh layer, same state folder
    # Still on the Photon, through the app's own profile, as the crash left it.
    runner.on(*NM_SNAPSHOT, stdout=fixture("nmcli/active_connections_on_photon.txt"), once=True)
    wifi = PhotonWifi(
        nm_backend(runner),
        probe=device_left_by(runner, *NM_LEAVING),
        journal=RestoreJournal(journal.folder),
        timing=BRISK,
        interfaces=FakeInterfaceTable(),
    )
    report = await wifi.recover()

    assert runner.calls == [NM_SNAPSHOT, NM_BACK_HOME, NM_DELETE]
    assert report is not None
    assert report.complete
    assert "Reconnected to “Café: 2.4GHz \\ upstairs”" in report.message
    assert not journal.path.exists()
    assert await wifi.recover() is None  # only once


async def test_recover_with_nothing_to_do(journal: RestoreJournal) -> None:
    runner = FakeRunner()
    wifi = PhotonWifi(NetworkManagerBackend(runner, "wlp2s0", user="a"), journal=journal)
    assert await wifi.recover() is None
    assert runner.calls == []


async def test_damaged_journal_is_reported_and_removed(journal: RestoreJournal) -> None:
    journal.folder.mkdir(parents=True)
    journal.path.write_text('{"format": 1, "backend": "network', encoding="utf-8")
    wifi = PhotonWifi(ManualBackend(), journal=journal)
    report = await wifi.recover()
    assert report is not None
    assert report.user_action_needed
    assert "usual Wi-Fi" in report.message
    assert not journal.path.exists()


async def test_journal_of_a_backend_that_cannot_run_here_asks_the_person_to_check(
    journal: RestoreJournal,
) -> None:
    await journal.save(
        RestorePoint(BackendKind.WINDOWS, "Photon-7KQX", "Wi-Fi", "Office", "Office")
    )
    wifi = PhotonWifi(
        ManualBackend(), journal=journal, platform="win32", recovery_backend=lambda point: None
    )
    report = await wifi.recover()
    assert report is not None
    assert report.user_action_needed
    assert "“Photon-7KQX”" in report.message
    assert "Office" in report.message
    assert not journal.path.exists()


async def test_journal_of_a_simulated_session_is_dropped_silently(
    journal: RestoreJournal,
) -> None:
    await journal.save(RestorePoint(BackendKind.SIMULATED, "Photon-7KQX", previous="Home"))
    runner = FakeRunner()
    wifi = PhotonWifi(NetworkManagerBackend(runner, "wlp2s0", user="a"), journal=journal)
    assert await wifi.recover() is None
    assert runner.calls == []
    assert not journal.path.exists()


async def test_an_unwritable_state_folder_does_not_stop_the_setup(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the state folder should be", encoding="utf-8")
    runner = network_manager_runner()
    wifi = PhotonWifi(
        nm_backend(runner),
        probe=device_left_by(runner, *NM_LEAVING),
        journal=RestoreJournal(blocker / "state"),
        timing=BRISK,
    )
    async with wifi.photon_session("Photon-7KQX") as address:
        assert address == PHOTON
    assert runner.calls[-2:] == [NM_BACK_HOME, NM_DELETE]


async def test_journal_round_trip_holds_exactly_the_restore_point(
    journal: RestoreJournal,
) -> None:
    point = RestorePoint(
        BackendKind.NETWORK_MANAGER, "Photon-7KQX", "wlp2s0", HOME_UUID, "Café: 2 \\ x", TEMP_UUID
    )
    await journal.save(point)
    await journal.save(point)  # replacing is atomic and leaves no temporary files behind
    assert await journal.load() == point
    assert [p.name for p in journal.folder.iterdir()] == ["wifi-restore.json"]


# --- crash recovery, whatever backend runs now ---------------------------------------------------


async def journal_of_a_joined_session(journal: RestoreJournal) -> None:
    runner = network_manager_runner()
    point = await nm_backend(runner).snapshot("Photon-7KQX")
    await journal.save(point)


async def test_a_computer_already_back_home_only_loses_the_leftover_profile(
    journal: RestoreJournal,
) -> None:
    await journal_of_a_joined_session(journal)
    runner = network_manager_runner()  # after a reboot: NetworkManager chose the home network
    wifi = PhotonWifi(
        nm_backend(runner), probe=StubDevice(answering=False), journal=journal, timing=BRISK
    )
    report = await wifi.recover()
    # It looked first, and did not switch networks under the person's feet.
    assert runner.calls == [NM_SNAPSHOT, NM_DELETE]
    assert report is not None
    assert report.message == "Removed the temporary Photon connection."
    assert not report.user_action_needed
    assert not journal.path.exists()


async def test_recovery_cleans_up_with_the_journalled_backend_when_another_is_chosen_now(
    journal: RestoreJournal,
) -> None:
    # The crashed run used NetworkManager; this run joins by hand (``--wifi manual``).
    await journal_of_a_joined_session(journal)
    runner = network_manager_runner()
    rebuilt: list[RestorePoint] = []

    def recovery_backend(point: RestorePoint) -> NetworkManagerBackend:
        rebuilt.append(point)
        return NetworkManagerBackend(runner, point.interface or "?", user="")

    wifi = PhotonWifi(
        ManualBackend(),
        probe=StubDevice(answering=False),
        journal=journal,
        timing=BRISK,
        recovery_backend=recovery_backend,
    )
    report = await wifi.recover()
    assert [p.backend for p in rebuilt] == [BackendKind.NETWORK_MANAGER]
    assert runner.calls == [NM_SNAPSHOT, NM_DELETE]  # the temporary profile does not leak
    assert report is not None
    assert report.message == "Removed the temporary Photon connection."
    assert not journal.path.exists()


async def test_the_real_recovery_backend_is_the_journalled_kind_on_its_own_system() -> None:
    point = RestorePoint(
        BackendKind.NETWORK_MANAGER, "Photon-7KQX", "wlp2s0", temporary_profile=TEMP_UUID
    )
    runner = FakeRunner()
    backend = journal_backend(point, runner, platform="linux")
    assert isinstance(backend, NetworkManagerBackend)
    assert backend.interface == "wlp2s0"
    assert journal_backend(point, runner, platform="darwin") is None
    mac = RestorePoint(BackendKind.MACOS, "Photon-7KQX", "en1")
    assert isinstance(journal_backend(mac, runner, platform="darwin"), MacWifiBackend)
    windows = RestorePoint(BackendKind.WINDOWS, "Photon-7KQX", "WLAN")
    rebuilt = journal_backend(windows, runner, platform="win32", native_wlan=lambda: None)
    assert isinstance(rebuilt, WindowsWifiBackend)
    assert rebuilt.interface == "WLAN"
    assert runner.calls == []


# --- a home router on the Photon's subnet --------------------------------------------------

ETHERNET_TO_ROUTER = InterfaceAddress("enp0s31f6", IPv4Address("192.168.0.10"))
WIFI_ON_PHOTON = InterfaceAddress("wlp2s0", IPv4Address("192.168.0.23"))


async def test_the_address_yielded_sends_from_the_wifi_interface(journal: RestoreJournal) -> None:
    runner = network_manager_runner()
    # With Ethernet on the same /24, only packets sent from the Wi-Fi address reach it.
    device = StubDevice(reachable_from="192.168.0.23")
    runner.when(*NM_BACK_HOME, then=device.leave)
    wifi = PhotonWifi(
        nm_backend(runner),
        probe=device,
        journal=journal,
        timing=WifiTiming(join_timeout=2, leave_check=0.05, poll_interval=0.01),
        interfaces=FakeInterfaceTable([ETHERNET_TO_ROUTER, WIFI_ON_PHOTON]),
    )
    async with wifi.photon_session("Photon-7KQX") as address:
        assert address.local_host == "192.168.0.23"
        assert (address.host, address.tcp_port, address.http_port) == ("192.168.0.1", 5609, 80)
    assert wifi.last_restore is not None
    assert wifi.last_restore.complete


async def test_a_competing_route_is_named_with_what_to_do(
    journal: RestoreJournal, fast: WifiTiming
) -> None:
    runner = network_manager_runner()
    wifi = PhotonWifi(
        nm_backend(runner),
        probe=StubDevice(answering=False),
        journal=journal,
        timing=fast,
        interfaces=FakeInterfaceTable([ETHERNET_TO_ROUTER, WIFI_ON_PHOTON]),
    )
    with pytest.raises(DeviceNotFound) as raised:
        async with wifi.photon_session("Photon-7KQX"):
            pytest.fail("must not start")
    message = str(raised.value)
    assert "Another connection of this computer (“enp0s31f6”, 192.168.0.10)" in message
    assert "unplug the network cable" in message
    assert "may still be on your usual network" not in message


async def test_two_connections_on_the_subnet_compete_when_joined_by_hand(
    journal: RestoreJournal, fast: WifiTiming
) -> None:
    table = FakeInterfaceTable([ETHERNET_TO_ROUTER, WIFI_ON_PHOTON])
    wifi = manual_wifi(journal, StubDevice(answering=False), timing=fast, table=table)
    with pytest.raises(DeviceNotFound) as raised:
        async with wifi.photon_session("Photon-7KQX"):
            pytest.fail("must not start")
    assert "unplug the network cable" in str(raised.value)
    assert "may still be on your usual network" not in str(raised.value)


# --- names no network can have -----------------------------------------------------------------


async def test_a_name_over_32_bytes_is_refused_before_any_tool_runs(
    journal: RestoreJournal,
) -> None:
    runner = network_manager_runner()
    wifi = PhotonWifi(nm_backend(runner), probe=StubDevice(), journal=journal, timing=BRISK)
    too_long = "Photon-" + "Ä" * 13  # 33 bytes in UTF-8, only 20 characters
    with pytest.raises(InvalidNetworkName, match="at most 32 bytes"):
        async with wifi.photon_session(too_long):
            pytest.fail("must not start")
    with pytest.raises(ValueError, match="at most 32 bytes"):  # a ValueError for callers too
        wifi.names.complete("Ä" * 13)
    assert runner.calls == []
    assert not journal.path.exists()
