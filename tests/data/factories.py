"""Small candle CSV files in each supported layout, generated here (no market data copied)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

HOUR_MS = 3_600_000
T0 = 1_704_067_200_000  # 2024-01-01T00:00Z

# (open, high, low, close, volume) per hour: a small made-up walk
CANDLES = [
    ("100.5", "101.25", "99.75", "101", "1.5"),
    ("101", "102", "100.5", "101.75", "2"),
    ("101.75", "103", "101.5", "102.5", "0.25"),
    ("102.5", "102.75", "101", "101.25", "3"),
    ("101.25", "101.5", "100", "100.125", "1"),
]


def _iso(ms: int, pattern: str) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime(pattern)


def binance_tr(path: Path, times: list[int] | None = None) -> Path:
    rows = ["Open_Time,Open,High,Low,Close,Volume"]
    for ms, c in zip(times or _hours(), CANDLES, strict=False):
        rows.append(",".join([_iso(ms, "%Y-%m-%d %H:%M:%S"), *c]))
    return _write(path, rows)


def binance_us(path: Path) -> Path:
    rows = ["open_time,open,high,low,close,volume"]
    rows += [",".join([_iso(ms, "%Y-%m-%d %H:%M:%S+00:00"), *c]) for ms, c in _pairs()]
    return _write(path, rows)


def coinbase(path: Path) -> Path:
    """CryptoDataDownload: banner, header with symbol and two volumes, newest first."""
    rows = [
        "Timestamps are UTC timezone,https://example.invalid",
        "date,symbol,open,high,low,close,volume_btc,volume",
    ]
    for ms, (o, h, low, c, v) in reversed(_pairs()):
        rows.append(",".join([_iso(ms, "%Y-%m-%d %I-%p"), "BTCUSD", o, h, low, c, v, "999"]))
    return _write(path, rows)


def nautilus(path: Path) -> Path:
    rows = ["timestamp,open,high,low,close,volume"]
    rows += [",".join([_iso(ms, "%Y-%m-%d %H:%M:%S.000000"), *c]) for ms, c in _pairs()]
    return _write(path, rows)


def btcbot_csv(path: Path) -> Path:
    rows = ["ts,open,high,low,close,volume"]
    rows += [",".join([str(ms), *c]) for ms, c in _pairs()]
    return _write(path, rows)


def _hours() -> list[int]:
    return [T0 + i * HOUR_MS for i in range(len(CANDLES))]


def _pairs() -> list[tuple[int, tuple[str, ...]]]:
    return list(zip(_hours(), CANDLES, strict=True))


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
