"""A work list from a script: ``--simulate`` runs the built-in bench simulation (three Photons
in listening mode, two-step verification on), with no environment at all: the simulation
gives its own credentials."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import StartSimulator
from headless_helpers import (
    RUN_TIMEOUT,
    SIMULATION_LEDGER,
    Computer,
    SecretScan,
    manual_options,
    wifi_password,
)

from setup_wizard.flow.ledger import Outcome, ResumeAt

HOME_PASSWORD = "correct horse battery"  # the simulated home's, from setup_wizard/sim/wifi.py


def crash_after(computer: Computer, args: list[str], env: dict[str, str], line: str) -> None:
    """Run the command until it writes ``line`` on stderr, then kill it with no clean-up
    at all, as in a crash."""
    run = subprocess.Popen(  # noqa: S603 - our own command
        computer.command(*args),
        env=computer.env(**env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert run.stderr is not None
        for written in run.stderr:
            if line in written:
                break
        run.kill()
        run.wait(RUN_TIMEOUT)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        for stream in (run.stdout, run.stderr):
            if stream is not None:
                stream.close()


def test_three_rows_give_three_lines_and_three_ledger_rows(
    computer: Computer, scan: SecretScan, tmp_path: Path
) -> None:
    work = tmp_path / "work.csv"
    work.write_text(
        "customer_email,device_name,wifi_ssid\n"
        "ann@example.com,kitchen,HomeNetwork\n"
        "ben@example.com,,HomeNetwork\n"
        "cat@example.com,attic,HomeNetwork\n",
        encoding="utf-8",
    )
    run = computer.onboard(
        "--simulate",
        "--simulation-speed",
        "50",
        "--product",
        "Photon Setup Demo",
        "--work-list",
        str(work),
        "--json",
    )
    scan.secret(HOME_PASSWORD)
    scan.output(run)

    assert run.code == 0, run.stderr
    lines = run.lines
    assert [(line["customer"], line["outcome"]) for line in lines] == [
        ("ann@example.com", "online"),
        ("ben@example.com", "online"),
        ("cat@example.com", "online"),
    ]
    assert [line["device_name"] for line in lines][::2] == ["kitchen", "attic"]
    assert lines[1]["device_name"], "a name was suggested"
    assert len({line["device_id"] for line in lines}) == 3, "three Photons, in turn"
    rows = computer.ledger_rows(SIMULATION_LEDGER)
    assert [(r.id, r.customer, r.work_line, r.outcome) for r in rows] == [
        (lines[0]["ledger_id"], "ann@example.com", 2, Outcome.ONLINE),
        (lines[1]["ledger_id"], "ben@example.com", 3, Outcome.ONLINE),
        (lines[2]["ledger_id"], "cat@example.com", 4, Outcome.ONLINE),
    ]
    assert {r.work_list for r in rows} == {str(work.resolve())}
    assert [r.device_id for r in rows] == [line["device_id"] for line in lines]
    for line in lines:  # the wizard's handover report shows headless runs too
        report = computer.handover(line["customer"], SIMULATION_LEDGER)
        assert line["device_name"] in report
        assert "1 of 1 online" in report


def test_a_failed_row_among_passed_ones_exits_7_and_names_it(
    computer: Computer, scan: SecretScan, tmp_path: Path
) -> None:
    work = tmp_path / "work.csv"
    work.write_text(
        "dan@example.com,,HomeNetwork-5G\neve@example.com,porch,HomeNetwork\n", encoding="utf-8"
    )
    run = computer.onboard(
        *("--simulate", "--simulation-speed", "50", "--json"),
        *("--product", "Photon Setup Demo", "--work-list", str(work)),
    )
    scan.secret(HOME_PASSWORD)
    scan.output(run)

    assert run.code == 7, run.stderr
    assert [(line["customer"], line["outcome"]) for line in run.lines] == [
        ("dan@example.com", "failed"),
        ("eve@example.com", "online"),
    ]
    assert "1 of 2 rows failed: line 1 (dan@example.com)" in run.stderr
    assert [r.outcome for r in computer.ledger_rows(SIMULATION_LEDGER)] == [
        Outcome.FAILED,
        Outcome.ONLINE,
    ]


def test_rows_the_ledger_shows_online_are_not_done_again(
    simulator: StartSimulator, computer: Computer, scan: SecretScan, tmp_path: Path
) -> None:
    ready = simulator("--speed", "50")
    developer = ready["cloud"]["developer"]
    work = tmp_path / "work.csv"
    work.write_text("fox@example.com,shed,HomeNetwork\n", encoding="utf-8")
    options = [*manual_options(ready), "--product", str(ready["cloud"]["product"]["id"])]
    secrets = {
        "SETUP_WIZARD_USERNAME": developer["username"],
        "SETUP_WIZARD_PASSWORD": developer["password"],
        "SETUP_WIZARD_WIFI_PASSWORD": wifi_password(ready, "HomeNetwork"),
    }
    first = computer.onboard(*options, "--work-list", str(work), "--json", **secrets)
    again = computer.onboard(*options, "--work-list", str(work), "--json", **secrets)
    scan.output(first, "first")
    scan.output(again, "again")

    assert first.code == 0, first.stderr
    assert first.line["outcome"] == "online"
    assert again.code == 0, again.stderr
    assert again.stdout == ""
    assert "every row of the work list is online already" in again.stderr
    (row,) = computer.ledger_rows()
    assert (row.work_line, row.device_name) == (1, "shed")
    assert "shed" in computer.handover("fox@example.com")


def test_a_run_killed_in_the_middle_of_a_row_goes_on_from_there_next_time(
    simulator: StartSimulator, computer: Computer, scan: SecretScan, tmp_path: Path
) -> None:
    ready = simulator("--speed", "50")
    developer = ready["cloud"]["developer"]
    work = tmp_path / "work.csv"
    work.write_text("gil@example.com,barn,HomeNetwork\n", encoding="utf-8")
    product = ["--product", str(ready["cloud"]["product"]["id"]), "--work-list", str(work)]
    secrets = {
        "SETUP_WIZARD_USERNAME": developer["username"],
        "SETUP_WIZARD_PASSWORD": developer["password"],
        "SETUP_WIZARD_WIFI_PASSWORD": wifi_password(ready, "HomeNetwork"),
    }
    nobody = [*manual_options(ready), "--device-tcp-port", "1", "--device-http-port", "1"]
    # until the row is in the ledger and the Photon awaited
    crash_after(computer, [*nobody, *product, "--json"], secrets, "Open the network menu")
    (stopped,) = computer.ledger_rows()
    assert stopped.outcome is Outcome.IN_PROGRESS

    again = computer.onboard(*manual_options(ready), *product, "--json", **secrets)
    scan.output(again)

    assert again.code == 0, again.stderr
    assert again.line["outcome"] == "online"
    assert "goes on from where it was (device)" in again.stderr
    rows = computer.ledger_rows()
    assert [(r.id, r.work_line, r.outcome) for r in rows] == [(stopped.id, 1, Outcome.ONLINE)]


def test_a_run_killed_after_connect_waits_for_that_photon_in_the_cloud_next_time(
    simulator: StartSimulator, computer: Computer, scan: SecretScan, tmp_path: Path
) -> None:
    """The Photon was told to connect, then the run died: the next run goes on at the wait
    for the cloud (same ledger row), without the Photon, which has left listening mode."""
    ready = simulator("--speed", "50")
    developer = ready["cloud"]["developer"]
    work = tmp_path / "work.csv"
    work.write_text("hal@example.com,loft,HomeNetwork\n", encoding="utf-8")
    product = ["--product", str(ready["cloud"]["product"]["id"]), "--work-list", str(work)]
    secrets = {
        "SETUP_WIZARD_USERNAME": developer["username"],
        "SETUP_WIZARD_PASSWORD": developer["password"],
        "SETUP_WIZARD_WIFI_PASSWORD": wifi_password(ready, "HomeNetwork"),
    }
    # until "connect" has reached the Photon
    crash_after(
        computer,
        [*manual_options(ready), *product, "--json"],
        secrets,
        "Tell the Photon to connect",
    )
    (stopped,) = computer.ledger_rows()
    assert stopped.outcome is Outcome.IN_PROGRESS
    assert stopped.resume_at is ResumeAt.CLOUD

    again = computer.onboard(*manual_options(ready), *product, "--json", **secrets)
    scan.output(again)

    assert again.code == 0, again.stderr
    assert "goes on from where it was (cloud)" in again.stderr
    assert again.line["outcome"] == "online"
    assert again.line["device_name"] == "loft"
    rows = computer.ledger_rows()
    assert [(r.id, r.outcome, r.device_name) for r in rows] == [
        (stopped.id, Outcome.ONLINE, "loft")
    ]
