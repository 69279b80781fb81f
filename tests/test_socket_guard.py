"""The suite refuses every address but loopback, so no test can reach a real Photon or cloud."""

from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketConnectBlockedError


def test_connect_outside_the_allowed_loopback_address_is_refused() -> None:
    # 127.0.0.2 is loopback too, so even a broken guard would send nothing off this machine;
    # it is refused because only 127.0.0.1 and ::1 are allowed.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with (
        sock,
        pytest.raises(SocketConnectBlockedError),
        pytest.warns(UserWarning, match="127.0.0.2"),
    ):
        sock.connect(("127.0.0.2", 9))


def test_connect_to_allowed_loopback_works() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            conn, _ = server.accept()
            conn.close()
