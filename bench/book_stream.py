"""Build a BTCTurk-shaped order-book stream (431 snapshot + 432 diffs) from real Binance L2 data.

Source: ``shared/data/binance_l2_raw/spot_btcusdt_20240808.gz`` (each line ``<ns> <json>``; a
REST depth snapshot with ``lastUpdateId``, then ``@depth@100ms`` diffs). Each diff becomes one
432 frame: quantity "0" → ``CP`` 3 (deletes of levels we do not hold are dropped, as BTCTurk
would not send them), a price we do not hold → ``CP`` 1, otherwise ``CP`` 0. When shared/ is
absent a seeded synthetic stream with the same shape statistics is generated instead.
"""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path

SHARED_L2 = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "data"
    / "binance_l2_raw"
    / "spot_btcusdt_20240808.gz"
)
PAIR = "BTCUSDT"
FIRST_CS = 1_000


@dataclass(frozen=True)
class Stream:
    snapshot: bytes
    diffs: list[bytes]
    source: str

    @property
    def rows(self) -> int:
        return sum(frame.count(b'"CP"') for frame in self.diffs)


def _dumps(obj: object) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode()


def _snapshot_frame(cs: int, bids: dict[str, str], asks: dict[str, str]) -> bytes:
    body = {
        "CS": cs,
        "PS": PAIR,
        "AO": [{"A": a, "P": p} for p, a in asks.items()],
        "BO": [{"A": a, "P": p} for p, a in bids.items()],
        "channel": "obdiff",
        "event": PAIR,
        "type": 431,
    }
    return _dumps([431, body])


def _rows(updates: list[list[str]], side: dict[str, str]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for price, qty in updates:
        if float(qty) == 0.0:
            if price in side:
                del side[price]
                rows.append({"CP": 3, "P": price, "A": "0"})
            continue
        rows.append({"CP": 0 if price in side else 1, "P": price, "A": qty})
        side[price] = qty
    return rows


def _diff_frame(
    cs: int, bid_rows: list[dict[str, object]], ask_rows: list[dict[str, object]]
) -> bytes:
    body = {
        "CS": cs,
        "PS": PAIR,
        "AO": ask_rows,
        "BO": bid_rows,
        "channel": "obdiff",
        "event": PAIR,
        "type": 432,
    }
    return _dumps([432, body])


def from_binance(path: Path = SHARED_L2) -> Stream:
    bids: dict[str, str] = {}
    asks: dict[str, str] = {}
    snapshot = b""
    last_id = -1
    diffs: list[bytes] = []
    with gzip.open(path, "rt") as lines:
        for line in lines:
            msg = json.loads(line.split(" ", 1)[1])
            if "lastUpdateId" in msg:
                last_id = msg["lastUpdateId"]
                bids = {p: q for p, q in msg["bids"]}
                asks = {p: q for p, q in msg["asks"]}
                snapshot = _snapshot_frame(FIRST_CS, bids, asks)
                continue
            data = msg.get("data", {})
            if last_id < 0 or data.get("e") != "depthUpdate" or data["u"] <= last_id:
                continue
            bid_rows, ask_rows = _rows(data["b"], bids), _rows(data["a"], asks)
            if bid_rows or ask_rows:
                diffs.append(_diff_frame(FIRST_CS + len(diffs) + 1, bid_rows, ask_rows))
    return Stream(snapshot, diffs, f"real Binance BTCUSDT L2 ({path.name})")


def synthetic(seed: int = 7, messages: int = 3_400, depth: int = 1_000) -> Stream:
    """Seeded stand-in with the real stream's shape: ~28 rows/msg, ~40 % deletes, 2 dp prices."""
    rng = random.Random(seed)
    mid = 6_183_700
    bids = {f"{(mid - i) / 100:.8f}": f"{rng.uniform(0.001, 2):.8f}" for i in range(1, depth)}
    asks = {f"{(mid + i) / 100:.8f}": f"{rng.uniform(0.001, 2):.8f}" for i in range(1, depth)}
    snapshot = _snapshot_frame(FIRST_CS, bids, asks)
    diffs: list[bytes] = []
    for n in range(messages):
        sides = []
        for side, sign in ((bids, -1), (asks, 1)):
            updates = []
            for _ in range(max(1, int(rng.expovariate(1 / 14)))):
                price = f"{(mid + sign * int(rng.expovariate(1 / 150) + 1)) / 100:.8f}"
                qty = "0.00000000" if rng.random() < 0.4 else f"{rng.uniform(0.001, 2):.8f}"
                updates.append([price, qty])
            sides.append(_rows(updates, side))
        diffs.append(_diff_frame(FIRST_CS + n + 1, sides[0], sides[1]))
    return Stream(snapshot, diffs, f"SYNTHETIC seeded stream (seed={seed}): shared/ absent")


def load() -> Stream:
    return from_binance() if SHARED_L2.exists() else synthetic()
