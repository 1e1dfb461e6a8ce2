"""The replayed venue's fees and extra taker slippage, set per run (``--maker-fee-bps``,
``--taker-fee-bps``, ``--slippage-bps``): recorded in the run's manifest, refused when unusable."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from pathlib import Path

from btcbot.backtest import open_dataset, read_run, run_backtest
from btcbot.backtest.records import existing_run
from btcbot.domain import Side
from btcbot.exchange.fill_model import FeeSchedule, FillModel
from tests.backtest.factories import START, lively, write_wave
from tests.backtest.test_cli import backtest, fingerprint, invoke

BASE_TIER = {"maker_fee": "0.0005", "taker_fee": "0.0009", "tax_rate": "0.2", "slippage_bps": "0"}


def costs_of(db: Path) -> object:
    with existing_run(db) as engine:
        manifest = read_run(engine).manifest
    assert manifest is not None
    return manifest["costs"]


def test_fees_are_the_runs_own_and_recorded(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 72)
    base = backtest(data, workdir / "base.db", "--stage", "7", "--progress-every", "0")
    assert base.code == 0, base.output
    assert costs_of(workdir / "base.db") == BASE_TIER
    spelt = backtest(data, workdir / "spelt.db", "--stage", "7", "--maker-fee-bps", "5",
                     "--taker-fee-bps", "9.0", "--slippage-bps", "0")  # fmt: skip
    assert fingerprint(spelt) == fingerprint(base)  # the defaults spelt out: the same run
    free = backtest(data, workdir / "free.db", "--stage", "7", "--maker-fee-bps", "0",
                    "--taker-fee-bps", "0", "--progress-every", "0")  # fmt: skip
    assert free.code == 0, free.output
    assert "fees + tax                 TRY 0\n" in free.stdout
    assert "venue: maker 0 / taker 0 bps + 20 % tax on fees, slippage 0 bps" in free.stdout
    assert "venue: maker 5 / taker 9 bps + 20 % tax on fees, slippage 0 bps" in base.stdout
    assert "exchange rules: the shipped symbol table" in base.stdout
    assert "fees + tax                 TRY 0\n" not in base.stdout
    assert fingerprint(free) != fingerprint(base)
    assert costs_of(workdir / "free.db") == BASE_TIER | {"maker_fee": "0", "taker_fee": "0"}


def test_the_banner_says_whom_a_slippage_applies_to(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 48)
    slipped = backtest(data, workdir / "slipped.db", "--stage", "3", "--slippage-bps", "25",
                       "--progress-every", "0")  # fmt: skip
    assert slipped.code == 0, slipped.output
    assert (
        "slippage 25 bps (takers only, never past a limit order's price); exchange rules"
        in slipped.stdout
    )


def test_slippage_worsens_what_a_taker_pays(tmp_path: Path) -> None:
    """Profile 7 buys at mid + 5 bps: on a 2 bps spread the ask is under that limit, and
    extra slippage moves its fills up to it (never past it)."""
    data = open_dataset(write_wave(tmp_path / "BTC_TRY.csv", 96))

    def run(name: str, model: FillModel) -> Decimal:
        result = asyncio.run(
            run_backtest(
                data,
                stage=7,
                params=lively(7),
                out_db=tmp_path / name,
                starting_balances=START,
                seed=3,
                spread_bps=Decimal(2),
                fill_model=model,
            )
        )
        assert result.summary.fills > 0, result.summary
        with existing_run(tmp_path / name) as engine:
            fills = read_run(engine).ledger.fills
        buys = [f for f in fills if f.side is Side.BUY]
        return sum((f.price for f in buys), Decimal(0)) / len(buys)

    plain = run("plain.db", FillModel())
    slipped = run("slipped.db", FillModel(slippage_bps=Decimal(50)))
    assert slipped > plain  # a buy pays more
    assert FillModel(FeeSchedule(Decimal("0.0005"), Decimal("0.0009"))) == FillModel()


def test_unusable_costs_are_refused_before_anything_runs(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 24)
    for option, value, message in (
        ("--taker-fee-bps", "10000", "--taker-fee-bps 10000: a fee in bps"),
        ("--maker-fee-bps", "-1", "--maker-fee-bps must be >= 0"),
        ("--slippage-bps", "-5", "--slippage-bps must be >= 0"),
        # before: accepted, and the first taker fill died with a decimal.InvalidOperation
        ("--slippage-bps", "1e30", "--slippage-bps 1E+30: a slippage in bps, under 10000"),
        ("--taker-fee-bps", "cheap", "--taker-fee-bps 'cheap' is not a decimal number"),
    ):
        refused = backtest(data, workdir / "r.db", option, value)
        assert refused.code == 2 and message in refused.stderr, refused.output
        assert not (workdir / "r.db").exists()
    sma = "examples/sma_crossover.py:SmaCrossover"
    checked = invoke("lookahead", "--strategy", str(Path(__file__).parents[2] / sma),
                     "--dataset", str(data), "--cuts", "2", "--param", "fast=3",
                     "--param", "slow=8", "--taker-fee-bps", "20")  # fmt: skip
    assert checked.code == 0, checked.output
