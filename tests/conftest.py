"""Test-wide guards: Qt offscreen, loopback-only sockets (pytest-socket, see pyproject)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may reach the real keychain; tests that store secrets set a memory backend.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
