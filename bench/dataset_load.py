"""Load time of the 56k-row BTC/TRY 1h series: the CSV file vs the same data as a Parquet dataset.

Both paths produce the same replay ``Series`` (exact Decimals, every row checked) through
``btcbot.backtest.open_dataset``, as ``btcbot backtest --data`` does. The Parquet file is made
once with ``btcbot.data.import_csv`` in a temporary folder. Rounds alternate CSV and Parquet so
machine load hits both alike; medians and the ratio are printed.

Run: .venv/bin/python bench/dataset_load.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from btcbot.backtest import dataset_digest, open_dataset
from btcbot.data import import_csv
from btcbot.domain import Symbol

SERIES = (
    Path(__file__).resolve().parents[1].parent
    / "shared/data/binance_tr_btctry_1h/BTCTRY_1h_2019-12-20_2026-05-31.csv"
)


def timed(path: Path) -> tuple[float, int]:
    started = time.perf_counter()
    dataset = open_dataset(path, symbol="BTC_TRY")
    elapsed = time.perf_counter() - started
    return elapsed, len(dataset.series[Symbol("BTC", "TRY")].bars)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    if not SERIES.is_file():
        print(f"skipped: {SERIES} not present (shared/ must sit beside the checkout)")
        return
    with tempfile.TemporaryDirectory() as folder:
        parquet = Path(folder) / "BTC_TRY.parquet"
        import_csv(SERIES, Symbol("BTC", "TRY"), parquet)
        same = dataset_digest(open_dataset(SERIES, symbol="BTC_TRY")) == dataset_digest(
            open_dataset(parquet)
        )
        print(
            f"workload: {SERIES.name} ({SERIES.stat().st_size / 1e6:.1f} MB) vs "
            f"{parquet.name} ({parquet.stat().st_size / 1e6:.1f} MB); identical candles: {same}"
        )
        times: dict[str, list[float]] = {"csv": [], "parquet": []}
        rows = 0
        for _ in range(args.rounds):
            for name, path in (("csv", SERIES), ("parquet", parquet)):
                elapsed, rows = timed(path)
                times[name].append(elapsed)
    csv_median, parquet_median = (statistics.median(times[k]) for k in ("csv", "parquet"))
    print(f"rows: {rows}, rounds: {args.rounds} (alternating)")
    print(f"  CSV     median {csv_median * 1000:8.1f} ms")
    print(f"  Parquet median {parquet_median * 1000:8.1f} ms")
    print(f"  Parquet is {csv_median / parquet_median:.2f}x faster to load")


if __name__ == "__main__":
    main()
