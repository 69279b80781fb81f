"""What the window waits for: nothing of the network stack before it shows, and the layers'
public names still there (loaded when first used)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("httpx", "keyring", "cryptography", "aiohttp", "setup_wizard.runtime")


def loaded_after(code: str) -> set[str]:
    """The heavy modules a fresh interpreter has loaded after running ``code``."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    return set(done.stdout.split())


def test_the_window_and_its_first_page_load_no_network_stack() -> None:
    code = (
        "from setup_wizard.app import build_parser\n"
        "from setup_wizard.settings import settings_from_args\n"
        "settings_from_args(build_parser().parse_args(['--simulate']))\n"
        "import setup_wizard.gui.launch, setup_wizard.gui.main_window\n"
    )
    assert loaded_after(code) == set()


def test_the_runtime_loads_keyring_and_the_simulator_only_when_a_run_needs_them() -> None:
    loaded = loaded_after("import setup_wizard.runtime")
    assert "keyring" not in loaded  # only for a kept sign-in or a client secret kept there
    assert "aiohttp" not in loaded  # only in the simulation


@pytest.mark.parametrize("package", ["cloud", "device", "network", "flow"])
def test_every_public_name_of_a_layer_is_there_when_asked_for(package: str) -> None:
    code = (
        f"import setup_wizard.{package} as p\n"
        "missing = [n for n in p.__all__ if getattr(p, n, None) is None]\n"
        "assert not missing, missing\n"
        "assert set(p.__all__) <= set(dir(p))\n"
        "assert not hasattr(p, 'NoSuchName')\n"
        f"from setup_wizard.{package} import *\n"
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert loaded_after(f"import setup_wizard.{package}") == set()
