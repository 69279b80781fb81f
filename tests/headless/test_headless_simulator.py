"""``setup-wizard onboard`` pointed at a running ``setup-wizard simulate``, as a script at a
bench would run it: the secrets in the environment, the Photon joined "by hand"
(``--wifi manual``, the simulated Photon's ports as the device address)."""

from __future__ import annotations

import socket
import time
from typing import Any

import httpx
import pyotp
from conftest import StartSimulator
from headless_helpers import Computer, SecretScan, manual_options, wifi_password

from setup_wizard.flow.ledger import Outcome

SPEED = "50"
HOME = "HomeNetwork"
STAFF_PASSWORD_WRONG = "wrong-Staff-Pass-7731"  # distinctive, so the scan can look for it


def secrets_of(ready: dict[str, Any], ssid: str = HOME) -> dict[str, str]:
    developer = ready["cloud"]["developer"]
    return {
        "SETUP_WIZARD_USERNAME": developer["username"],
        "SETUP_WIZARD_PASSWORD": developer["password"],
        "SETUP_WIZARD_WIFI_PASSWORD": wifi_password(ready, ssid),
    }


def product_device(ready: dict[str, Any], device_id: str) -> dict[str, Any]:
    """The product's record of the device, as its team sees it in the simulator."""
    cloud = ready["cloud"]
    developer = cloud["developer"]
    with httpx.Client(base_url=cloud["url"], timeout=10) as http:
        grant = http.post(
            "/oauth/token",
            auth=("particle", "particle"),
            data={
                "grant_type": "password",
                "username": developer["username"],
                "password": developer["password"],
            },
        )
        grant.raise_for_status()
        token = grant.json()["access_token"]
        record = http.get(
            f"/v1/products/{cloud['product']['id']}/devices/{device_id}",
            headers={"Authorization": f"Bearer {token}"},
        )
        record.raise_for_status()
        found: dict[str, Any] = record.json()
        return found


def test_a_photon_is_set_up_for_a_customer_and_owned_by_them(
    simulator: StartSimulator, computer: Computer, scan: SecretScan
) -> None:
    ready = simulator("--speed", SPEED)
    client = ready["cloud"]["client"]
    run = computer.onboard(
        *manual_options(ready),
        "--product",
        ready["cloud"]["product"]["slug"],
        "--customer",
        "Ada.Owner@example.com",
        "--wifi-ssid",
        HOME,
        "--device-name",
        "greenhouse",
        "--client-id",
        client["id"],
        "--json",
        "--verbose",
        SETUP_WIZARD_CLIENT_SECRET=client["secret"],
        **secrets_of(ready),
    )
    scan.output(run)

    assert run.code == 0, run.stderr
    line = run.line
    device_id = ready["devices"][0]["id"]
    assert line == {
        "customer": "Ada.Owner@example.com",
        "device_id": device_id,
        "device_name": "greenhouse",
        "ssid": HOME,
        "outcome": "online",
        "error": None,
        "seconds": line["seconds"],
        "ledger_id": 1,
    }
    record = product_device(ready, device_id)
    assert record["owner"] == "ada.owner@example.com"
    assert record["online"] is True
    assert record["name"] == "greenhouse"
    (row,) = computer.ledger_rows()
    assert (row.id, row.outcome, row.device_id) == (1, Outcome.ONLINE, device_id)
    assert "Send the Wi-Fi settings" in run.stderr, "the stages were shown"
    assert "join the network" in run.stderr, "the person was told to join the Photon"
    scan.assert_clean(written=[computer.log_file])


def test_a_wrong_staff_password_exits_3_and_says_so(
    simulator: StartSimulator, computer: Computer, scan: SecretScan
) -> None:
    ready = simulator("--speed", SPEED)
    scan.secret(STAFF_PASSWORD_WRONG)
    run = computer.onboard(
        *manual_options(ready),
        "--product",
        str(ready["cloud"]["product"]["id"]),
        "--customer",
        "bo@example.com",
        "--wifi-ssid",
        HOME,
        "--json",
        **{**secrets_of(ready), "SETUP_WIZARD_PASSWORD": STAFF_PASSWORD_WRONG},
    )
    scan.output(run)

    assert run.code == 3, run.stderr
    line = run.line
    assert (line["customer"], line["outcome"], line["device_id"]) == (
        "bo@example.com",
        "failed",
        None,
    )
    assert "password" in line["error"]
    assert computer.ledger_rows() == [], "no device was started"


def test_a_network_the_photon_cannot_see_exits_5_and_the_row_says_why(
    simulator: StartSimulator, computer: Computer, scan: SecretScan
) -> None:
    ready = simulator("--speed", SPEED)
    five_ghz = "HomeNetwork-5G"  # the router's 5 GHz twin: a Photon never sees it
    run = computer.onboard(
        *manual_options(ready),
        "--product",
        str(ready["cloud"]["product"]["id"]),
        "--customer",
        "cy@example.com",
        "--wifi-ssid",
        five_ghz,
        "--json",
        **secrets_of(ready),
    )
    scan.output(run)

    assert run.code == 5, run.stderr
    assert run.line["outcome"] == "failed"
    assert "does not see the Wi-Fi network “HomeNetwork-5G”" in run.line["error"]
    assert "--wifi-security" in run.line["error"], "what to do if it is hidden"
    (row,) = computer.ledger_rows()
    assert row.outcome is Outcome.FAILED
    assert row.device_id == ready["devices"][0]["id"], "the Photon had answered"
    assert "reconnect to your usual Wi-Fi" in run.stderr, "the Wi-Fi is given back"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_no_photon_answering_exits_4(
    simulator: StartSimulator, computer: Computer, scan: SecretScan
) -> None:
    ready = simulator("--speed", SPEED, "--devices", "0")
    port = str(_closed_port())
    run = computer.onboard(
        "--api-url",
        ready["cloud"]["url"],
        "--device-host",
        "127.0.0.1",
        "--device-tcp-port",
        port,
        "--device-http-port",
        port,
        "--wifi",
        "manual",
        "--photon-timeout",
        "1",
        "--product",
        str(ready["cloud"]["product"]["id"]),
        "--customer",
        "di@example.com",
        "--wifi-ssid",
        HOME,
        "--json",
        **secrets_of(ready),
    )
    scan.output(run)

    assert run.code == 4, run.stderr
    assert run.line["outcome"] == "failed"
    assert "Nothing answered as a Photon" in run.line["error"]
    (row,) = computer.ledger_rows()
    assert row.outcome is Outcome.FAILED


def _a_code_that_is_wrong(secret: str) -> str:
    """A code of ten days ago: no clock of the simulator accepts it now."""
    return str(pyotp.TOTP(secret).at(time.time() - 10 * 24 * 3600))


def test_a_wrong_two_step_code_exits_3_without_trying_again(
    simulator: StartSimulator, computer: Computer, scan: SecretScan
) -> None:
    ready = simulator("--speed", SPEED, "--mfa")
    wrong = _a_code_that_is_wrong(ready["cloud"]["developer"]["mfa_otp_secret"])
    run = computer.onboard(
        *manual_options(ready),
        "--product",
        str(ready["cloud"]["product"]["id"]),
        "--customer",
        "ed@example.com",
        "--wifi-ssid",
        HOME,
        "--json",
        SETUP_WIZARD_OTP=wrong,
        **secrets_of(ready),
    )
    scan.output(run)

    assert run.code == 3, run.stderr
    assert run.line["outcome"] == "failed"
    assert "code" in run.line["error"]
    assert run.stderr.count("Two-step code") == 0, "no terminal: nobody was asked"


def test_a_quarantined_device_exits_6(
    simulator: StartSimulator, computer: Computer, scan: SecretScan
) -> None:
    ready = simulator("--speed", SPEED, "--quarantine")
    run = computer.onboard(
        *manual_options(ready),
        "--product",
        str(ready["cloud"]["product"]["id"]),
        "--customer",
        "fay@example.com",
        "--wifi-ssid",
        HOME,
        "--json",
        **secrets_of(ready),
    )
    scan.output(run)

    assert run.code == 6, run.stderr
    assert "quarantine" in run.line["error"]
    (row,) = computer.ledger_rows()
    assert row.outcome is Outcome.FAILED
    assert row.error is not None
    assert "quarantine" in row.error
