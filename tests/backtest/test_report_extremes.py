"""Figures at the edges: a window of seconds has no defined CAGR or Calmar (the annualised
growth over- or underflows): the text and CSV say ``n/a`` as the JSON says null; an amount of
any size is printed, not a crash; ``--balance-try`` outside a sane range is refused before any
run."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.accounting import build_ledger
from btcbot.backtest import RunData, summarize
from btcbot.backtest.records import CycleRow
from btcbot.backtest.report_data import build_report
from btcbot.backtest.report_export import csv_tables, money, render_text, to_json
from tests.backtest.factories import T0, write_wave
from tests.cli.runner import cli

D = Decimal


def seconds_run(equities: list[str], step_ms: int = 10_000) -> RunData:
    rows = tuple(
        CycleRow(f"c{i}", T0 + i * step_ms, "NORMAL", 0, 0, D(e), f"fp{i}")
        for i, e in enumerate(equities)
    )
    return RunData(
        account_key="main",
        cycles=rows,
        ledger=build_ledger([]),
        balances={"TRY": D(equities[-1])},
        orders_by_status={},
        manifest=None,
    )


def line(text: str, label: str) -> str:
    return next(row for row in text.splitlines() if row.strip().startswith(label))


def test_cagr_and_calmar_of_a_seconds_long_window_are_n_a_not_inf() -> None:
    report = build_report(seconds_run(["1000", "990", "1010"]), title="t", charts=False)
    text = render_text(report)
    assert line(text, "CAGR").split()[-1] == "n/a"
    assert line(text, "Calmar").split()[-1] == "n/a"
    assert "inf" not in text
    figures = json.loads(to_json(report))["figures"]
    assert figures["ratios"]["cagr"] is None and figures["ratios"]["calmar"] is None
    rows = {
        r["key"]: r["value"] for r in csv.DictReader(io.StringIO(csv_tables(report)["figures.csv"]))
    }
    assert rows["cagr"] == "n/a" and rows["calmar"] == "n/a"
    assert line(text, "Total return").split()[-2] == "+1.00"  # a defined figure is kept


def test_a_seconds_long_loss_is_n_a_too_not_a_100_percent_loss() -> None:
    # a loss annualised over seconds underflows to 0: CAGR read -100.00 % (as if the year
    # lost everything) and Calmar a huge negative, where a gain read n/a
    report = build_report(seconds_run(["1000", "1010", "990"]), title="t", charts=False)
    text = render_text(report)
    assert line(text, "CAGR").split()[-1] == "n/a"
    assert line(text, "Calmar").split()[-1] == "n/a"
    figures = json.loads(to_json(report))["figures"]
    assert figures["ratios"]["cagr"] is None and figures["ratios"]["calmar"] is None
    assert line(text, "Total return").split()[-2] == "-1.00"


def test_a_long_window_still_shows_its_cagr() -> None:
    day = 86_400_000
    report = build_report(seconds_run(["1000", "990", "1010"], day), title="t", charts=False)
    assert line(render_text(report), "CAGR").endswith(" %")


def test_huge_amounts_are_formatted_not_a_crash() -> None:
    huge = D("1e30")
    assert money(huge) == "1,000,000,000,000,000,000,000,000,000,000.00"
    summary = summarize(seconds_run(["1e30", "1e30"]))
    shown = dict(summary.lines())
    assert shown["initial equity"] == "1" + "0" * 30
    assert shown["final balances"] == "TRY 1" + "0" * 30
    text = render_text(build_report(seconds_run(["1e30", "1e30"]), title="t", charts=False))
    assert "1,000,000,000,000,000,000,000,000,000,000.00" in line(text, "Initial equity")


@pytest.mark.parametrize(
    ("option", "refused_values", "why", "most", "shown"),
    [
        (
            "--balance-try",
            ("1e30", "0", "1000000000001"),
            "give a starting TRY balance above 0 and at most 1,000,000,000,000 (1e12)",
            "1e12",
            "initial equity             1000000000000",
        ),
        (
            "--spread-bps",
            ("10000", "50000"),  # a bid at or below zero: no book
            "a spread in bps around the close, under 10000",
            "9999",
            "fingerprint",
        ),
    ],
)
def test_a_replay_option_out_of_range_exits_2_and_leaves_the_previous_run(
    workdir: Path, option: str, refused_values: tuple[str, ...], why: str, most: str, shown: str
) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 24)
    out = workdir / "run.db"
    assert cli("backtest", "--data", str(data), "--out", str(out)).code == 0
    before = out.read_bytes()
    for value in refused_values:
        refused = cli(
            "backtest", "--data", str(data), "--out", str(out), "--overwrite", option, value
        )  # fmt: skip
        assert refused.code == 2, refused.output
        assert refused.stderr.strip() == f"error: {option} {value}: {why}"
        assert out.read_bytes() == before
    largest = cli("backtest", "--data", str(data), "--out", str(workdir / "b.db"), option, most)
    assert largest.code == 0 and shown in largest.stdout, largest.output
