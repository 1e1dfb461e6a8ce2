"""Candle datasets: Parquet files with a declared schema, CSV import and validation.

Public surface: :func:`import_csv` (CSV in any common layout → Parquet dataset),
:func:`read_dataset` / :func:`read_dataset_rows` / :func:`write_dataset` (the Parquet format,
documented in :mod:`btcbot.data.parquet`), :func:`check_rows` / :class:`Findings` (gaps,
duplicates, out-of-order rows, OHLC violations) and :func:`read_candles_csv`.
"""

from btcbot.data.checks import (
    Duplicate,
    Findings,
    Gap,
    OffGrid,
    OutOfOrder,
    Violation,
    check_rows,
)
from btcbot.data.csv_formats import CsvCandles, read_candles_csv
from btcbot.data.importer import ImportResult, import_csv
from btcbot.data.parquet import (
    DatasetInfo,
    SharedTimes,
    is_dataset_file,
    read_dataset,
    read_dataset_info,
    read_dataset_rows,
    write_dataset,
)
from btcbot.data.rows import RawCandle
from btcbot.data.timeframes import dominant_step_ms, format_duration, parse_duration_ms

__all__ = [
    "CsvCandles",
    "DatasetInfo",
    "Duplicate",
    "Findings",
    "Gap",
    "ImportResult",
    "OffGrid",
    "OutOfOrder",
    "RawCandle",
    "SharedTimes",
    "Violation",
    "check_rows",
    "dominant_step_ms",
    "format_duration",
    "import_csv",
    "is_dataset_file",
    "parse_duration_ms",
    "read_candles_csv",
    "read_dataset",
    "read_dataset_info",
    "read_dataset_rows",
    "write_dataset",
]
