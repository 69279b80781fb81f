"""Entry point: ``setup-wizard [command]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from setup_wizard import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="setup-wizard",
        description="Set up a Particle Photon: Wi-Fi, owner, and a check that it is online.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    from setup_wizard.sim import serve

    simulate = commands.add_parser(
        "simulate",
        help="run a simulated Particle Cloud and Photons on 127.0.0.1",
        description=(
            "Run a simulated Particle Cloud and N simulated Photons on 127.0.0.1. Prints one line "
            "of JSON when ready, then serves until Ctrl+C (SIGINT) or SIGTERM."
        ),
    )
    serve.add_arguments(simulate)
    simulate.set_defaults(run=serve.main)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
