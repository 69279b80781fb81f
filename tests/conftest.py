"""Test-wide guards: Qt offscreen, loopback-only sockets (pytest-socket, see pyproject),
no real keychain, and no writes to the real user folders (journals, settings, logs)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may reach the real keychain; tests that store secrets set a memory backend.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

_USER_FOLDERS = ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")


@pytest.fixture(autouse=True, scope="session")
def _user_folders_in_a_temporary_place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """platformdirs reads these on Linux, so a forgotten default path lands here, not in ~."""
    saved = {name: os.environ.get(name) for name in _USER_FOLDERS}
    root = tmp_path_factory.mktemp("user-folders")
    for name in _USER_FOLDERS:
        os.environ[name] = str(root / name.lower())
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
