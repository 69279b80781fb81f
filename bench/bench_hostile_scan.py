"""CPU time of reading hostile ``scan-ap`` replies, on the thread the window shares.

A peer at the device address (a broken device, or something else answering there) can send
a reply shaped to make a backtracking reader try each start position against the rest of
the reply. The reader must stay linear: these replies are parsed without the 64 KB reply cap
(which refuses them long before), to show the reader's own cost at 80 KB and 320 KB; a
linear reader takes about 4 times as long for 4 times the bytes, a quadratic one 16 times.
Also prints a genuine scan of 60 networks for scale. Run with ``make bench``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from setup_wizard.device.replies import MAX_REPLY_BYTES
from setup_wizard.device.scan import parse_scan

ROUNDS = 5
ENTRY = b'{"ssid":"Net %d","rssi":-60,"sec":4194310,"ch":6,"mdr":144400}'

HOSTILE: dict[str, Callable[[int], bytes]] = {
    "entry starts only": lambda size: b'{"scans":[' + b'{"ssid":"' * (size // 9),
    "entries never ending": lambda size: (
        b'{"scans":[\\' + b'{"ssid":"a","rssi":1,"sec":2,"ch":3' * (size // 34)
    ),
    "whitespace runs": lambda size: b'{"scans":[\\' + b'{"ssid":"a"' + b" " * 64 * (size // 75),
    "quotes": lambda size: b'{"scans":[\\{"ssid":"' + b'"' * size,
}


def best_of(parse: Callable[[], object]) -> float:
    times = []
    for _ in range(ROUNDS):
        started = time.process_time()
        parse()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    genuine = b'{"scans":[' + b",".join(ENTRY % i for i in range(60)) + b"]}"
    cost = best_of(lambda: parse_scan(genuine))
    print(f"scan reply of 60 networks ({len(genuine)} bytes): {cost:.2f} ms")
    print(f"replies over {MAX_REPLY_BYTES // 1024} KB are refused unread; without that cap:")
    print(f"  {'hostile reply':<22} {'80 KB':>9} {'320 KB':>9}  ratio")
    for name, make in HOSTILE.items():
        small, large = make(80 * 1024), make(320 * 1024)
        cost_small = best_of(lambda reply=small: parse_scan(reply))
        cost_large = best_of(lambda reply=large: parse_scan(reply))
        ratio = cost_large / cost_small if cost_small else float("nan")
        print(f"  {name:<22} {cost_small:6.1f} ms {cost_large:6.1f} ms  {ratio:4.1f}x")


if __name__ == "__main__":
    main()
