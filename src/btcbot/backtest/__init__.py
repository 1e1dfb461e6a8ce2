"""Backtests: replay datasets through the live cycle runner, reports and parity fingerprints.

Public surface: :func:`run_backtest` / :class:`BacktestResult`, :func:`summarize_db` /
:class:`BacktestSummary`, :func:`compare_runs` / :class:`ParityResult`, :func:`open_dataset`
and :func:`venue_rules` / :func:`read_rules_file` (a replay's exchange rules).
"""

from btcbot.backtest.data import DatasetOutline, dataset_digest, dataset_outline, open_dataset
from btcbot.backtest.faults import StrategyFault
from btcbot.backtest.parity import ParityResult, compare, compare_runs, run_fingerprint
from btcbot.backtest.records import RunData, RunDatabaseError, existing_run, read_run
from btcbot.backtest.report import BacktestSummary, summarize, summarize_db
from btcbot.backtest.rules import RulesFileError, UnknownSymbolRules, read_rules_file, venue_rules
from btcbot.backtest.runner import BacktestResult, BacktestSetupError, run_backtest

__all__ = [
    "BacktestResult",
    "BacktestSetupError",
    "BacktestSummary",
    "DatasetOutline",
    "ParityResult",
    "RulesFileError",
    "RunData",
    "RunDatabaseError",
    "StrategyFault",
    "UnknownSymbolRules",
    "compare",
    "compare_runs",
    "dataset_digest",
    "dataset_outline",
    "existing_run",
    "open_dataset",
    "read_rules_file",
    "read_run",
    "run_backtest",
    "run_fingerprint",
    "summarize",
    "summarize_db",
    "venue_rules",
]
