"""Cost of BTCTurk request signing: REST headers and the WS 114 login payload.

Run: .venv/bin/python bench/signing.py
"""

from __future__ import annotations

import statistics
import sys
import timeit

from btcbot.btcturk.auth import Credentials, Secret
from btcbot.btcturk.ws_schemas import login_frame

CREDS = Credentials("public-key", Secret("c2VjcmV0LWtleQ=="))  # API_CONTRACT §2.1 test vector
REPEATS, NUMBER = 9, 20_000


def median_us(statement: str) -> float:
    timer = timeit.Timer(statement, globals={"CREDS": CREDS, "login_frame": login_frame})
    runs = timer.repeat(repeat=REPEATS, number=NUMBER)
    return statistics.median(runs) / NUMBER * 1e6


def main() -> None:
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    print(f"median of {REPEATS} repeats x {NUMBER} calls")
    cases = {
        "REST headers (X-PCK/X-Stamp/X-Signature)": "CREDS.rest_headers(1700000000000)",
        "WS login payload (114 body)": "CREDS.ws_login_payload(1700000000000, 3000)",
        "WS login frame (payload + encode)": (
            "login_frame(CREDS.ws_login_payload(1700000000000, 3000))"
        ),
        "bare HMAC-SHA256 + base64": "CREDS.sign('public-key1700000000000')",
    }
    for name, statement in cases.items():
        print(f"  {name:45s} {median_us(statement):8.2f} µs/signature")


if __name__ == "__main__":
    main()
