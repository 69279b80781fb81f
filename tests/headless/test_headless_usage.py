"""Options that cannot work are refused before anything runs (exit 2), saying what to change."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from headless_helpers import Computer, SecretScan

from setup_wizard.app import main
from setup_wizard.headless.exits import ExitCode

WORK_LIST = "customer_email,device_name,wifi_ssid\nann@example.com,,HomeNetwork\n"


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--customer", "a@example.com"], "--wifi-ssid is needed"),
        (["--work-list", "{work}", "--customer", "a@example.com"], "come from the work list"),
        (["--work-list", "{work}x"], "Could not read the work list"),
        (
            ["--customer", "a@example.com", "--wifi-ssid", "H", "--device-name", "x" * 80],
            "--device-name",
        ),
        (
            [
                "--simulate",
                "--api-url",
                "http://127.0.0.1:9",
                "--customer",
                "a@b.c",
                "--wifi-ssid",
                "H",
            ],
            "--api-url",
        ),
        (["--simulation-speed", "5", "--customer", "a@b.c", "--wifi-ssid", "H"], "--simulate"),
    ],
)
def test_unusable_options_exit_2_before_anything_runs(
    computer: Computer, tmp_path: Path, options: list[str], said: str
) -> None:
    work = tmp_path / "work.csv"
    work.write_text(WORK_LIST, encoding="utf-8")
    args = [option.format(work=work) for option in options]
    run = computer.onboard("--product", "p", *args)
    assert run.code == 2, run.stderr
    assert said in run.stderr
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    assert not (computer.root / "xdg_data_home").exists(), "no ledger: nothing ran"


def test_a_product_that_is_not_yours_lists_yours(computer: Computer, scan: SecretScan) -> None:
    run = computer.onboard(
        "--simulate",
        "--simulation-speed",
        "50",
        "--product",
        "no-such-product",
        "--customer",
        "a@example.com",
        "--wifi-ssid",
        "HomeNetwork",
        "--json",
    )
    scan.secret("correct horse battery")
    scan.output(run)
    assert run.code == 2, run.stderr
    assert run.line["outcome"] == "failed"
    assert "is none of your products" in run.line["error"]
    assert "photon-setup-demo-v" in run.line["error"], "the products it could be"


def test_the_help_and_the_readme_list_every_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["onboard", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for code in ExitCode:
        assert f"{code.value} {code.meaning}" in shown
        assert f"| {code.value} | {code.meaning} |" in readme


def test_the_command_loads_no_qt() -> None:
    """It runs where there is no display, and starts without Qt's import time."""
    probe = (
        "import sys\n"
        "from setup_wizard.app import build_parser\n"
        "build_parser().parse_args(['onboard', '--product', 'p', '--customer', 'a@b.c'])\n"
        "import setup_wizard.headless.command, setup_wizard.headless.run\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'qasync', "
        "'setup_wizard.gui'))))\n"
    )
    done = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
