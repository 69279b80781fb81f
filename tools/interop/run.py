"""Run Particle's own clients against ``setup-wizard simulate``: ``make interop``.

The simulator contract says any real client of the Particle Cloud API or of the Photon
SoftAP protocol must work against it. This drives particle-api-js (sign in, wrong password
refused, create customer, claim code, device list) and softap-setup-js (device-id,
public-key, set, scan-ap, configure-ap, connect-ap) through a whole setup, once over
TCP and once over HTTP. Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    sim = subprocess.Popen(
        [sys.executable, "-m", "setup_wizard", "simulate", "--devices", "2", "--speed", "20"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert sim.stdout is not None
        ready = json.loads(sim.stdout.readline())
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
            json.dump(ready, file)
        failures = 0
        for index, transport in enumerate(("tcp", "http")):
            print(f"--- particle-api-js + softap-setup-js over {transport.upper()}", flush=True)
            result = subprocess.run(  # noqa: S603
                ["node", str(HERE / "interop.js"), file.name, str(index), transport],  # noqa: S607
                check=False,
            )
            failures += result.returncode != 0
        Path(file.name).unlink()
        return 1 if failures else 0
    finally:
        sim.send_signal(signal.SIGINT)
        sim.wait(timeout=20)


if __name__ == "__main__":
    sys.exit(main())
