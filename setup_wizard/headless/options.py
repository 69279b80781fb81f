"""The options of ``setup-wizard onboard`` and what they ask for, checked before anything runs."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from setup_wizard.device.security import Security
from setup_wizard.device.usb import UsbWepError
from setup_wizard.flow.bench import Job
from setup_wizard.flow.naming import name_problem
from setup_wizard.flow.worklist import WorkItem, WorkListError, read_work_list
from setup_wizard.headless.credentials import (
    ENV_CLIENT_SECRET,
    ENV_OTP,
    ENV_PASSWORD,
    ENV_USERNAME,
    ENV_WIFI_PASSWORD,
)
from setup_wizard.headless.exits import ExitCode, HeadlessError, exit_code_table
from setup_wizard.network.mode import WifiMode

SECURITIES = {
    "open": Security.OPEN,
    "wep": Security.WEP_PSK,
    "wpa": Security.WPA_MIXED_PSK,
    "wpa2": Security.WPA2_MIXED_PSK,
}
"""``--wifi-security`` for a network the Photon does not see: the same choices as the
wizard's "hidden network" list (``MANUAL_ENTRY_CHOICES``)."""

DESCRIPTION = """\
Set up a Photon for a customer without a window, as the wizard's bench mode does: sign in
with your own Particle account, open the customer, send the Photon the claim code and the
Wi-Fi settings, and wait until the Particle Cloud shows it online and the customer's.
Every device is recorded in the bench's ledger."""

EPILOG = f"""\
secrets (never options: they would show in the process list and the shell's history):
  a staff sign-in kept by the wizard (the keyring) is used first; otherwise
  {ENV_USERNAME}, {ENV_PASSWORD}, {ENV_OTP} (the two-step code),
  {ENV_CLIENT_SECRET} (with --client-id; else the keyring entry
  photon-setup / client-secret:<id>) and {ENV_WIFI_PASSWORD} (every network of a
  work list; else the keyring, else asked once per network), or, when stdin is a terminal,
  a question. With --simulate, the simulation's own credentials are used.

the Photon: with --wifi manual, join its network yourself; the command waits for it at
  the device address. Otherwise the strongest Photon network in listening mode that this
  run has not tried yet is joined (several Photons are taken in turn, nearest first).

over USB (--usb): every Photon in listening mode plugged in is set up at once, each with its
  own ledger row: a work list's rows go to them in the order of their ports, --customer
  gives them all to that customer; --usb PORT takes only the Photon on that port. The
  computer stays on its Wi-Fi; the network is looked up in its own scan (one it does not
  see needs --wifi-security); WEP cannot go over the cable.

the Wi-Fi network: the one named --wifi-ssid in the Photon's own scan; a network it does
  not see (a hidden one) needs --wifi-security.

work list: a CSV of rows "customer e-mail, device name (may be empty), Wi-Fi SSID", with or
  without a header row; rows the ledger shows online already are not done again.

output: progress on stderr; on stdout one line per device (with --json, one JSON object:
  customer, device_id, device_name, ssid, outcome, error, seconds, ledger_id).

exit codes:
{exit_code_table()}
"""


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 24 * 3600:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and one day")
    return value


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1000")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's own options (``setup_wizard.app`` adds the address and Wi-Fi ones)."""
    parser.description = DESCRIPTION
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "--product",
        required=True,
        metavar="SLUG_OR_ID",
        help="the product: its ID, slug or exact name",
    )
    parser.add_argument("--customer", metavar="EMAIL", help="the customer the device is for")
    parser.add_argument("--wifi-ssid", metavar="SSID", help="the Wi-Fi network it should join")
    parser.add_argument(
        "--wifi-security",
        choices=("auto", *SECURITIES),
        default="auto",
        help="the security of a network the Photon does not see (auto: it must see it)",
    )
    parser.add_argument("--device-name", metavar="NAME", help="default: a name is suggested")
    parser.add_argument(
        "--client-id",
        metavar="ID",
        help="the product's OAuth client (default: the one whose secret this computer keeps, "
        "or a new one)",
    )
    parser.add_argument(
        "--work-list",
        type=Path,
        metavar="FILE",
        help="a CSV of devices to set up; then --customer, --wifi-ssid and --device-name "
        "come from its rows",
    )
    parser.add_argument("--json", action="store_true", help="one JSON line per device on stdout")
    parser.add_argument(
        "--take-over",
        action="store_true",
        help="a Photon claimed by another account becomes the customer's without asking",
    )
    parser.add_argument(
        "--photon-timeout",
        type=_seconds,
        metavar="SECONDS",
        help="how long to wait for a Photon in listening mode (default: 600)",
    )
    parser.add_argument(
        "--usb",
        nargs="?",
        const=True,
        default=argparse.SUPPRESS,  # given before the command's name, it stays as given
        metavar="PORT",
        help="over USB cables instead of the Photons' Wi-Fi: every Photon in listening mode "
        "plugged in, all at once (one per work-list row, or all for --customer); with PORT "
        "only the one on that serial port",
    )
    parser.add_argument(
        "--simulation-speed",
        type=_speed,
        metavar="FACTOR",
        help="with --simulate: simulated time runs FACTOR times as fast (default: 2)",
    )


@dataclass(frozen=True)
class OnboardRequest:
    """What to set up, from the options; the devices are :attr:`jobs`."""

    product: str
    jobs: list[Job]
    """Every device asked for (a work list's rows, in its order)."""
    work_list: Path | None
    work_items: list[WorkItem]
    security: Security | None
    client_id: str | None
    json: bool
    take_over: bool
    photon_timeout: float | None
    usb: bool = False
    """Over USB cables: the Photons plugged in, set up at once (no Wi-Fi switching)."""
    usb_port: str | None = None
    """With ``usb``: only the Photon on this serial port (None: every one plugged in)."""

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> OnboardRequest:
        """Raises :class:`HeadlessError` (usage) with every problem the options have."""
        work_list: Path | None = args.work_list
        if work_list is not None:
            given = [
                option
                for option, value in (
                    ("--customer", args.customer),
                    ("--wifi-ssid", args.wifi_ssid),
                    ("--device-name", args.device_name),
                )
                if value is not None
            ]
            if given:
                raise HeadlessError(
                    f"{', '.join(given)} come from the work list's rows: leave "
                    f"{'it' if len(given) == 1 else 'them'} out with --work-list.",
                    ExitCode.USAGE,
                )
            work_list = work_list.resolve()
            items = _read(work_list)
            jobs = [job_for(item) for item in items]
        else:
            missing = [
                option
                for option, value in (
                    ("--customer", args.customer),
                    ("--wifi-ssid", args.wifi_ssid),
                )
                if not value
            ]
            if missing:
                raise HeadlessError(
                    f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} needed "
                    "(or --work-list FILE).",
                    ExitCode.USAGE,
                )
            name = args.device_name.strip() if args.device_name is not None else None
            problem = name_problem(name) if name is not None else None
            if problem:
                raise HeadlessError(f"--device-name: {problem}", ExitCode.USAGE)
            items = []
            jobs = [Job(args.customer.strip(), args.wifi_ssid, name or None)]
        usb: bool | str = getattr(args, "usb", False)
        if usb is not False:
            _check_usb(args)
        return cls(
            product=args.product,
            jobs=jobs,
            work_list=work_list,
            work_items=items,
            security=SECURITIES.get(args.wifi_security),
            client_id=args.client_id,
            json=args.json,
            take_over=args.take_over,
            photon_timeout=args.photon_timeout,
            usb=usb is not False,
            usb_port=usb if isinstance(usb, str) else None,
        )


def _check_usb(args: argparse.Namespace) -> None:
    """What cannot go over a cable is refused before anything starts."""
    if getattr(args, "wifi", None) == WifiMode.MANUAL:
        raise HeadlessError(
            "--usb sets Photons up over their USB cables, and --wifi manual over the Photon's "
            "Wi-Fi joined by hand: leave one of them out.",
            ExitCode.USAGE,
        )
    if args.wifi_security == "wep":
        raise HeadlessError(
            f"--wifi-security wep: {UsbWepError().message} (Leave out --usb.)", ExitCode.USAGE
        )


def _read(path: Path) -> list[WorkItem]:
    try:
        items = read_work_list(path)
    except WorkListError as error:
        raise HeadlessError(f"{path}: {error.message}", ExitCode.USAGE) from None
    if not items:
        raise HeadlessError(f"{path}: the work list has no rows.", ExitCode.USAGE)
    return items


def job_for(item: WorkItem) -> Job:
    return Job(item.customer, item.ssid, item.device_name, work_line=item.line)
