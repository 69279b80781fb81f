"""Entry point: ``setup-wizard`` opens the wizard; ``setup-wizard COMMAND`` runs a command.

Qt is imported only when the wizard opens, so ``setup-wizard simulate`` and the headless
``setup-wizard onboard`` start fast and run without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from setup_wizard import __version__


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1 to 65535)")
    return port


def add_connection_options(parser: argparse.ArgumentParser, *, command: bool = False) -> None:
    """The options shared by the wizard and the headless command (DESIGN.md): the product
    profile, the simulation, where the cloud and the Photon are, how to join Wi-Fi.

    ``command``: for a command's own parser (``setup-wizard onboard --api-url …``), where
    the options name the product (no profile), and an option left out keeps what was given
    before the command's name (``setup-wizard --simulate onboard``) instead of resetting it.
    """
    unset: dict[str, Any] = {"default": argparse.SUPPRESS} if command else {}
    parser.add_argument(
        "--simulate",
        action="store_true",
        help="use the built-in simulation (cloud, Photon and Wi-Fi on 127.0.0.1), even when "
        "a product profile exists; without a profile this is the default",
        **unset,
    )
    if not command:
        parser.add_argument(
            "--product-profile",
            type=Path,
            metavar="FILE",
            help="the product profile (TOML); default: profile.toml in the user's config folder",
        )
    parser.add_argument(
        "--api-url",
        metavar="URL",
        help="the Particle Cloud (default: https://api.particle.io)",
        **unset,
    )
    parser.add_argument(
        "--device-host",
        metavar="HOST",
        help="the Photon's address (default: 192.168.0.1)",
        **unset,
    )
    parser.add_argument(
        "--device-tcp-port",
        type=_port,
        metavar="PORT",
        help="its TCP setup port (default: 5609)",
        **unset,
    )
    parser.add_argument(
        "--device-http-port",
        type=_port,
        metavar="PORT",
        help="its HTTP setup port (default: 80)",
        **unset,
    )
    parser.add_argument(
        "--wifi",
        choices=("auto", "manual", "simulated"),
        help="how to join the Photon's Wi-Fi: auto (through the system, the default), manual "
        "(you join it yourself), simulated (the simulation's default)",
        **unset,
    )
    parser.add_argument(
        "--verbose", action="store_true", help="log everything, also to the terminal", **unset
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="setup-wizard",
        description=(
            "Set up a Particle Photon: Wi-Fi, owner, and a check that it is online. Without a "
            "command, opens the wizard."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_connection_options(parser)
    parser.add_argument(
        "--autopilot", action="store_true", help="walk through the wizard by itself"
    )
    parser.add_argument(
        "--staff",
        action="store_true",
        help="bench mode: sign in with your own Particle account and set devices up for "
        "customers (no product profile needed)",
    )
    parser.add_argument(
        "--usb",
        action="store_true",
        help="with the simulation: its Photons are also plugged in by USB cable (real Photons "
        "on a cable are found without this)",
    )
    parser.add_argument(
        "--screenshots", type=Path, metavar="DIR", help="save a picture of each page into DIR"
    )
    parser.add_argument(
        "--lang", metavar="LOCALE", help="the language, e.g. de or en (default: the system's)"
    )
    # For tests and the start-up benchmark: close the window once it is shown.
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Command)
    commands.add_parser(
        "simulate",
        help="run a simulated Particle Cloud and Photons on 127.0.0.1",
        description=(
            "Run a simulated Particle Cloud and N simulated Photons on 127.0.0.1. Prints one line "
            "of JSON when ready, then serves until Ctrl+C (SIGINT) or SIGTERM."
        ),
        load=_simulate_command,
    )
    commands.add_parser(
        "onboard",
        help="set Photons up for customers from a script, without a window (bench mode)",
        load=_onboard_command,
    )
    return parser


def _simulate_command(parser: argparse.ArgumentParser) -> None:
    from setup_wizard.sim import serve

    serve.add_arguments(parser)
    parser.set_defaults(run=serve.main)


def _onboard_command(parser: argparse.ArgumentParser) -> None:
    from setup_wizard.headless import command, options

    options.add_arguments(parser)
    add_connection_options(parser, command=True)
    parser.set_defaults(run=command.main)


class _Command(argparse.ArgumentParser):
    """A command whose options, and the modules behind them, load only when it is chosen:
    the wizard does not pay for importing the simulator (about 0.4 s)."""

    def __init__(
        self, *args: Any, load: Callable[[argparse.ArgumentParser], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._load: Callable[[argparse.ArgumentParser], None] | None = load

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._load is not None:
            load, self._load = self._load, None
            load(self)
        return super().parse_known_args(args, namespace)


def open_wizard(args: argparse.Namespace) -> int:
    """The wizard window; 2 when the options, the profile or the display are not usable."""
    from setup_wizard.profile import ProfileError
    from setup_wizard.settings import SettingsError, settings_from_args

    try:
        settings = settings_from_args(args)
    except (SettingsError, ProfileError) as error:
        print(f"setup-wizard: {error}", file=sys.stderr)
        return 2
    from setup_wizard.gui.launch import run

    return run(settings)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return open_wizard(args)
    result: int = args.run(args)
    return result


def gui_main() -> int:
    """``photon-setup`` (gui-scripts) and the bundle's executable: ``main`` where Windows may
    start it without a console. Python then has no sys.stdout or sys.stderr (None); what the
    app would print there goes nowhere (the log file has it) instead of failing."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    return main()


if __name__ == "__main__":
    sys.exit(main())
